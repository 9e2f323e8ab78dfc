import { Card, Col, Empty, Flex, List, Result, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { todayInCompany } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import '../../locales/appraisal.ts';
import { useReloadAppraisal, useResult, useResults } from './api.ts';
import { EmployeeActions } from './components/EmployeeActions.tsx';
import { useAppraisalLabels } from './components/labels.ts';
import { ResultView } from './components/ResultView.tsx';
import { SelfEvaluationForm } from './components/SelfEvaluationForm.tsx';
import { GradeTag, ResultStatusTag } from './components/StatusTag.tsx';
import { formatScore, newestFirst, resultSteps } from './logic.ts';
import type { ResultSummary } from './types.ts';

// /appraisal (issue 6 point 7): the technician's own results, newest first. An open month asks
// for the self-evaluation (P5.3.1); a published result is acknowledged or appealed (P5.2), and
// every score opens to the orders and records behind it (point 5).

function SelfStep({ resultId }: { resultId: string }) {
  const query = useResult(resultId);
  const r = query.data;
  if (!r || !resultSteps(r, todayInCompany()).self) return null;
  return <SelfEvaluationForm key={`${r.id}-${r.version}`} result={r} onReload={() => void query.refetch()} />;
}

function PeriodList({ results, selected, onSelect }: { results: ResultSummary[]; selected: string | undefined; onSelect: (id: string) => void }) {
  const labels = useAppraisalLabels();
  return (
    <List
      size="small"
      dataSource={results}
      rowKey="id"
      data-testid="my-results"
      renderItem={(r) => (
        <List.Item
          onClick={() => onSelect(r.id)}
          data-testid="my-result"
          data-period={r.periodLabel}
          style={{ cursor: 'pointer', paddingInline: 8, borderRadius: 6, background: r.id === selected ? '#e6f4ff' : undefined }}
        >
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center">
              <strong>
                {r.periodLabel}
                {r.periodKind === 'annual' ? <Typography.Text type="secondary"> · {labels.periodKind('annual')}</Typography.Text> : null}
              </strong>
              <GradeTag grade={r.grade} />
            </Flex>
            <Flex justify="space-between" align="center" gap={4} wrap>
              <ResultStatusTag status={r.status} />
              <Typography.Text type="secondary">{formatScore(r.calibratedScore ?? r.composite)}</Typography.Text>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

export default function MyAppraisalPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const labels = useAppraisalLabels();
  const mobile = useIsMobile();
  const filters = useUrlFilters();
  const reload = useReloadAppraisal();
  const employeeId = user?.employeeId ?? undefined;
  const query = useResults({ employeeId }, { enabled: Boolean(employeeId) });

  if (!employeeId) {
    return (
      <>
        <PageHeader title={t('appraisal.my.title')} />
        <Result status="info" title={t('appraisal.my.noEmployee')} subTitle={t('appraisal.my.noEmployeeBody')} />
      </>
    );
  }

  const results = newestFirst(query.data ?? []);
  const wanted = filters.get('result');
  const selected = results.find((r) => r.id === wanted)?.id ?? results[0]?.id;
  const select = (id: string) => filters.set({ result: id });

  return (
    <>
      <PageHeader
        title={t('appraisal.my.title')}
        subtitle={t('appraisal.my.subtitle')}
        extra={
          results.length && mobile ? (
            <Select
              style={{ minWidth: 200 }}
              value={selected}
              onChange={select}
              data-testid="my-period-select"
              options={results.map((r) => ({ value: r.id, label: `${r.periodLabel} · ${labels.status(r.status)}${r.grade ? ` · ${r.grade}` : ''}` }))}
            />
          ) : null
        }
      />
      {query.isError ? <DataTable dataSource={[]} columns={[]} error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Skeleton active /> : null}
      {query.isSuccess && results.length === 0 ? (
        <Card>
          <Empty description={t('appraisal.my.none')} />
        </Card>
      ) : null}
      {selected ? (
        <Row gutter={[16, 16]}>
          {!mobile ? (
            <Col lg={5} md={6}>
              <Card size="small" title={t('appraisal.my.periods')} styles={{ body: { padding: 4 } }}>
                <PeriodList results={results} selected={selected} onSelect={select} />
              </Card>
            </Col>
          ) : null}
          <Col xs={24} md={18} lg={19}>
            <Flex vertical gap={16}>
              <SelfStep resultId={selected} />
              <ResultView resultId={selected} actions={(r) => <EmployeeActions result={r} onReload={reload} />} />
            </Flex>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
