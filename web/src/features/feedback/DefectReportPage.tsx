import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Row, Select, Statistic, type TableColumnsType, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { fromDateString, toDateString } from '../../lib/time.ts';
import '../../locales/field.ts';
import { downloadDefectReport, useDefectReport } from './api.ts';
import { DefectChart } from './DefectChart.tsx';
import { SEVERITY_COLORS, useFeedbackLabels } from './labels.ts';
import { type DefectReportFilters, SEVERITIES } from './types.ts';

type PivotRow = { key: string; model: string; category: string; counts: Record<string, number>; total: number };

/** The defect report for product managers (P2.2.2): by model, category and month, a chart, and an Excel export. */
export default function DefectReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useFeedbackLabels();
  const url = useUrlFilters();
  const [exporting, setExporting] = useState(false);
  const filters: DefectReportFilters = { from: url.get('from'), to: url.get('to'), model: url.get('model'), category: url.get('category') };
  const query = useDefectReport(filters);
  const report = query.data;
  const categoryLabel = useCallback((key: string) => labels.category(key), [labels]);

  const pivot: PivotRow[] = [];
  for (const cell of report?.cells ?? []) {
    const key = `${cell.model}|${cell.category}`;
    let row = pivot.find((r) => r.key === key);
    if (!row) {
      row = { key, model: cell.model, category: cell.category, counts: {}, total: 0 };
      pivot.push(row);
    }
    row.counts[cell.month] = (row.counts[cell.month] ?? 0) + cell.count;
    row.total += cell.count;
  }
  const columns: TableColumnsType<PivotRow> = [
    { title: t('feedback.model'), dataIndex: 'model', key: 'model', fixed: 'left' },
    { title: t('feedback.category'), key: 'category', render: (_, r) => labels.category(r.category) },
    ...(report?.months ?? []).map((m) => ({ title: m, key: m, align: 'right' as const, render: (_: unknown, r: PivotRow) => r.counts[m] ?? 0 })),
    { title: t('defectReport.total'), dataIndex: 'total', key: 'total', align: 'right' },
  ];

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadDefectReport({ ...filters, from: report?.from, to: report?.to });
    } catch {
      message.error(t('defectReport.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('defectReport.title')}
        subtitle={report ? t('defectReport.range', { from: report.from, to: report.to }) : undefined}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()} loading={exporting} disabled={!report} data-testid="defect-report-export">
            {t('defectReport.export')}
          </Button>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            allowEmpty={[true, true]}
            value={[fromDateString(filters.from) ?? null, fromDateString(filters.to) ?? null]}
            onChange={(range) => url.set({ from: toDateString(range?.[0]), to: toDateString(range?.[1]) })}
            data-testid="defect-report-dates"
          />
        </Col>
        <Col xs={12} md={7}>
          <Select allowClear showSearch style={{ width: '100%' }} placeholder={t('feedback.anyModel')} value={filters.model} onChange={(model) => url.set({ model })} options={labels.modelOptions} data-testid="defect-report-model" />
        </Col>
        <Col xs={12} md={7}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('feedback.anyCategory')} value={filters.category} onChange={(category) => url.set({ category })} options={labels.categoryOptions} data-testid="defect-report-category" />
        </Col>
      </Row>
      {query.isPending ? <PageSpinner /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {report ? (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t('defectReport.total')} value={report.total} />
              </Card>
            </Col>
            {SEVERITIES.map((s) => (
              <Col xs={12} md={5} key={s}>
                <Card size="small">
                  <Statistic title={<Tag color={SEVERITY_COLORS[s]}>{labels.severity(s)}</Tag>} value={report.bySeverity[s]} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('defectReport.chartTitle')} style={{ marginBottom: 16 }}>
            <DefectChart report={report} categoryLabel={categoryLabel} />
          </Card>
          <Card size="small" title={t('defectReport.pivotTitle')}>
            <DataTable<PivotRow> rowKey="key" columns={columns} dataSource={pivot} loading={query.isFetching} />
          </Card>
        </>
      ) : null}
    </>
  );
}
