import { FilePdfOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import type { WorkOrder } from '../../api/types.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import '../../locales/field.ts';
import { reportKeys, reportPdfUrl, useFaultCodes, useFileReport, useRenderReport, useReport, useSaveReport } from './api.ts';
import { useReportLabels } from './labels.ts';
import type { ReportDraft, ServiceReport } from './types.ts';

// The service report of an order (P4.4.2): the assignee drafts it on site, files it once the work
// is done, and the PDF goes to the customer.

/** States in which the report exists or is being written. */
const SHOWN_STATES = new Set(['on_site', 'work_done', 'customer_accepted', 'resolved_remotely', 'closed']);

type Values = {
  faultCode: string | null;
  faultCause: string | null;
  solution: string | null;
  travelMinutes: number | null;
  onSiteMinutes: number | null;
  trainingTopics: string | null;
  trainingAttendees: string | null;
  trainingMinutes: number | null;
};

function initialValues(r: ServiceReport): Values {
  return {
    faultCode: r.faultCode?.code ?? null,
    faultCause: r.faultCause,
    solution: r.solution,
    travelMinutes: r.travelMinutes.value,
    onSiteMinutes: r.onSiteMinutes.value,
    trainingTopics: r.trainingTopics,
    trainingAttendees: r.trainingAttendees,
    trainingMinutes: r.trainingMinutes,
  };
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function FaultCodeSelect(props: { value?: string | null; onChange?: (v: string | null) => void; current: ServiceReport['faultCode'] }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const codes = useFaultCodes(true);
  const options = useMemo(() => {
    const list = codes.data?.items ?? [];
    const all = props.current && !list.some((c) => c.code === props.current?.code) ? [{ ...props.current }, ...list] : list;
    return all.map((c) => ({ value: c.code, label: `${c.code} ${labels.codeName(c)} · ${labels.category(c.category)}` }));
  }, [codes.data, props.current, labels]);
  return (
    <Select
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={options}
      loading={codes.isPending}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('reports.faultCodePlaceholder')}
      data-testid="report-fault-code"
      style={{ width: '100%' }}
    />
  );
}

function ReportForm({ order, report }: { order: WorkOrder; report: ServiceReport }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const mobile = useIsMobile();
  const showError = useApiError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [missing, setMissing] = useState<string[]>([]);
  const save = useSaveReport(order.id);
  const file = useFileReport(order.id);
  const reload = () => void queryClient.invalidateQueries({ queryKey: reportKeys.report(order.id) });

  /** The draft to send; minutes the user left as the visits gave them stay linked to the visits. */
  const draft = (v: Values): ReportDraft => {
    const minutes = (name: 'travelMinutes' | 'onSiteMinutes') =>
      report[name].entered || form.isFieldTouched(name) ? { [name]: v[name] ?? null } : {};
    return {
      version: report.version,
      faultCode: v.faultCode ?? null,
      faultCause: blank(v.faultCause),
      solution: blank(v.solution),
      ...minutes('travelMinutes'),
      ...minutes('onSiteMinutes'),
      ...(report.kind === 'installation'
        ? { trainingTopics: blank(v.trainingTopics), trainingAttendees: blank(v.trainingAttendees), trainingMinutes: v.trainingMinutes ?? null }
        : {}),
    };
  };
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'report.incomplete') {
      setMissing(Array.isArray(error.problem.missing) ? (error.problem.missing as string[]) : []);
    }
    showError(error, { form, onReload: reload });
  };
  const saveDraft = async () => {
    setMissing([]);
    const saved = await save.mutateAsync(draft(form.getFieldsValue(true))).catch(onError);
    if (saved) message.success(t('reports.saved'));
    return saved;
  };
  const fileIt = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    const filed = await file.mutateAsync(saved.version).catch(onError);
    if (filed) message.success(t('reports.filedMessage'));
  };

  return (
    <Form<Values> key={report.version} form={form} layout="vertical" initialValues={initialValues(report)} disabled={!report.abilities.edit}>
      <Form.Item name="faultCode" label={t('reports.faultCode')}>
        <FaultCodeSelect current={report.faultCode} />
      </Form.Item>
      <Form.Item name="faultCause" label={t('reports.faultCause')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="report-cause" />
      </Form.Item>
      <Form.Item name="solution" label={t('reports.solution')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="report-solution" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="travelMinutes"
          label={t('reports.travelMinutes')}
          style={{ flex: 1, minWidth: 140 }}
          extra={report.travelMinutes.fromVisits !== null ? t('reports.fromVisits', { minutes: report.travelMinutes.fromVisits }) : undefined}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="report-travel-minutes" />
        </Form.Item>
        <Form.Item
          name="onSiteMinutes"
          label={t('reports.onSiteMinutes')}
          style={{ flex: 1, minWidth: 140 }}
          extra={report.onSiteMinutes.fromVisits !== null ? t('reports.fromVisits', { minutes: report.onSiteMinutes.fromVisits }) : undefined}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="report-onsite-minutes" />
        </Form.Item>
      </Flex>
      {report.kind === 'installation' ? (
        <>
          <Typography.Text strong>{t('reports.training')}</Typography.Text>
          <Form.Item name="trainingTopics" label={t('reports.trainingTopics')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="report-training-topics" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="trainingAttendees" label={t('reports.trainingAttendees')} style={{ flex: 2, minWidth: 180 }} rules={[{ max: 500 }]}>
              <Input maxLength={500} data-testid="report-training-attendees" />
            </Form.Item>
            <Form.Item name="trainingMinutes" label={t('reports.trainingMinutes')} style={{ flex: 1, minWidth: 120 }}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="report-training-minutes" />
            </Form.Item>
          </Flex>
        </>
      ) : null}
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reports.missingTitle')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{missing.map((f) => <li key={f}>{labels.field(f)}</li>)}</ul>}
          data-testid="report-missing"
        />
      ) : null}
      {report.abilities.edit ? (
        <Flex gap={8} vertical={mobile}>
          <Button icon={<SaveOutlined />} onClick={() => void saveDraft()} loading={save.isPending && !file.isPending} block={mobile} data-testid="report-save">
            {t('reports.saveDraft')}
          </Button>
          {report.abilities.file || ['work_done', 'customer_accepted', 'resolved_remotely'].includes(order.state) ? (
            <Button type="primary" icon={<SendOutlined />} onClick={() => void fileIt()} loading={file.isPending} block={mobile} data-testid="report-file">
              {t('reports.file')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('reports.fileAfterWork')}</Typography.Text>
          )}
        </Flex>
      ) : null}
    </Form>
  );
}

function FiledReport({ order, report }: { order: WorkOrder; report: ServiceReport }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const mobile = useIsMobile();
  const showError = useApiError();
  const { message } = App.useApp();
  const render = useRenderReport(order.id);
  const other = report.pdf?.locale === 'en' ? 'zh-CN' : 'en';
  const minutes = (m: number | null) => (m === null ? '—' : t('reports.minutes', { minutes: m }));
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={mobile ? 1 : 2} bordered={!mobile}>
        <Descriptions.Item label={t('reports.faultCode')}>
          {report.faultCode ? `${report.faultCode.code} ${labels.codeName(report.faultCode)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.filedAt')}>
          {report.filedAt ? formatInstant(report.filedAt) : '—'} {report.filedBy ? `· ${report.filedBy}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.faultCause')} span={mobile ? 1 : 2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{report.faultCause}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.solution')} span={mobile ? 1 : 2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{report.solution}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.travelMinutes')}>{minutes(report.travelMinutes.value)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.onSiteMinutes')}>{minutes(report.onSiteMinutes.value)}</Descriptions.Item>
        {report.kind === 'installation' ? (
          <Descriptions.Item label={t('reports.training')} span={mobile ? 1 : 2}>
            {[report.trainingTopics, report.trainingAttendees, minutes(report.trainingMinutes)].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Flex gap={8} wrap vertical={mobile}>
        <ReportPdfButton orderId={order.id} report={report} />
        <Button href={reportPdfUrl(order.id, other)} target="_blank" block={mobile} data-testid="report-pdf-other-language">
          {other === 'en' ? t('reports.pdfInEnglish') : t('reports.pdfInChinese')}
        </Button>
        {report.abilities.render ? (
          <Button
            icon={<ReloadOutlined />}
            loading={render.isPending}
            block={mobile}
            onClick={() =>
              render.mutate(undefined, {
                onSuccess: (r) => void message.info(r.changed ? t('reports.renderedSent') : t('reports.renderedUnchanged')),
                onError: (e) => showError(e),
              })
            }
            data-testid="report-render"
          >
            {t('reports.rerender')}
          </Button>
        ) : null}
      </Flex>
      {report.abilities.render ? <Typography.Text type="secondary">{t('reports.rerenderHint')}</Typography.Text> : null}
    </Flex>
  );
}

function ReportPdfButton({ orderId, report }: { orderId: string; report: ServiceReport }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  if (!report.pdf) return null;
  return (
    <Button type="primary" icon={<FilePdfOutlined />} href={reportPdfUrl(orderId)} target="_blank" block={mobile} data-testid="report-pdf-link">
      {t('reports.downloadPdf')}
    </Button>
  );
}

export function OrderReportPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const mobile = useIsMobile();
  const shown = SHOWN_STATES.has(order.state);
  const query = useReport(order.id, shown);
  if (!shown) return null;
  // A customer has no report to see until it is filed; a caller without access sees nothing.
  if (query.isError && isApiError(query.error) && [403, 404].includes(query.error.status)) return null;
  const report = query.data;
  const title = report ? labels.kind(report.kind) : t('reports.title');
  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      title={title}
      data-testid="report-panel"
      extra={
        report ? (
          <Tag color={report.status === 'filed' ? 'green' : report.status === 'draft' ? 'gold' : 'default'} data-testid="report-status" data-status={report.status}>
            {labels.status(report.status)}
          </Tag>
        ) : null
      }
    >
      {query.isPending ? (
        <PageSpinner />
      ) : !report ? (
        <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text>
      ) : report.status === 'filed' ? (
        <FiledReport order={order} report={report} />
      ) : report.abilities.edit ? (
        <ReportForm order={order} report={report} />
      ) : (
        <Typography.Text type="secondary">{t('reports.notYet')}</Typography.Text>
      )}
    </Card>
  );
}
