import { App, Button, Card, Empty, Flex, Form, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { usePeriods } from '../api.ts';
import { useDevelopmentActions, useExcellent, useFulfilAction, usePayCoefficients } from '../hr-api.ts';
import type { DevelopmentAction, ExcellentEntry, PayCoefficient, Period } from '../types.ts';
import { sortPeriods } from './helpers.ts';
import { localized, RESULT_STATUS_COLORS, score, useHrLabels } from './labels.ts';

/** Periods whose results are final enough to apply: published or closed. */
function applied(periods: readonly Period[], kind: Period['kind']): Period[] {
  return sortPeriods(periods).filter((p) => p.kind === kind && p.status !== 'open');
}

/** P5.4.1, P7.1.2: the performance-pay coefficient of each graded result of a published month, as payroll reads it. */
function PayCoefficients({ periods }: { periods: Period[] }) {
  const { t } = useTranslation();
  const labels = useHrLabels();
  const filters = useUrlFilters();
  const months = applied(periods, 'monthly');
  const requested = filters.get('pay');
  const label = months.some((p) => p.label === requested) ? requested : months[0]?.label;
  const pay = usePayCoefficients(label);
  return (
    <Card
      size="small"
      title={t('appraisalHr.applied.payTitle')}
      data-testid="pay-coefficients"
      extra={
        <Select
          value={label}
          onChange={(value: string) => filters.set({ pay: value })}
          options={months.map((p) => ({ value: p.label, label: p.label }))}
          placeholder={t('appraisalHr.period')}
          aria-label={t('appraisalHr.period')}
          style={{ minWidth: 140 }}
          data-testid="pay-period"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('appraisalHr.applied.payIntro')}</Typography.Paragraph>
      {months.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisalHr.applied.noPublishedMonth')} />
      ) : (
        <DataTable<PayCoefficient>
          rowKey="employeeId"
          scroll={{ x: 'max-content', y: 480 }}
          dataSource={pay.data ?? []}
          loading={pay.isPending}
          error={pay.error}
          onRetry={() => void pay.refetch()}
          onRow={(r) => ({ 'data-testid': 'pay-row', 'data-employee': r.name }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('appraisalHr.employeeNo'), dataIndex: 'employeeNo' },
            { title: t('appraisalHr.employee'), dataIndex: 'name' },
            { title: t('appraisalHr.results.grade'), key: 'grade', render: (_, r) => <Tag color="blue">{r.grade}</Tag> },
            { title: t('appraisalHr.applied.coefficient'), key: 'coefficient', render: (_, r) => <Typography.Text strong>{r.coefficient}</Typography.Text> },
            { title: t('appraisalHr.applied.score'), key: 'score', render: (_, r) => score(r.score) },
            { title: t('common.status'), key: 'status', render: (_, r) => <Tag color={RESULT_STATUS_COLORS[r.resultStatus]}>{labels.resultStatus(r.resultStatus)}</Tag> },
          ]}
        />
      )}
    </Card>
  );
}

/** P5.4.2: the year's excellent technicians, eligible for promotion and a raise. */
function ExcellentList({ periods }: { periods: Period[] }) {
  const { t } = useTranslation();
  const filters = useUrlFilters();
  const years = applied(periods, 'annual');
  const requested = filters.get('year');
  const year = years.some((p) => p.label === requested) ? requested : years[0]?.label;
  const excellent = useExcellent(year);
  return (
    <Card
      size="small"
      title={t('appraisalHr.applied.excellentTitle')}
      data-testid="excellent-list"
      extra={
        <Select
          value={year}
          onChange={(value: string) => filters.set({ year: value })}
          options={years.map((p) => ({ value: p.label, label: p.label }))}
          placeholder={t('appraisalHr.applied.year')}
          aria-label={t('appraisalHr.applied.year')}
          style={{ minWidth: 120 }}
          data-testid="excellent-year"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('appraisalHr.applied.excellentIntro')}</Typography.Paragraph>
      {years.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisalHr.applied.noPublishedYear')} />
      ) : (
        <DataTable<ExcellentEntry>
          rowKey="employeeId"
          scroll={{ x: 'max-content', y: 480 }}
          dataSource={[...(excellent.data ?? [])].sort((a, b) => b.score - a.score)}
          loading={excellent.isPending}
          error={excellent.error}
          onRetry={() => void excellent.refetch()}
          locale={{ emptyText: t('appraisalHr.applied.noExcellent') }}
          columns={[
            { title: t('appraisalHr.employeeNo'), dataIndex: 'employeeNo' },
            { title: t('appraisalHr.employee'), dataIndex: 'name' },
            { title: t('appraisalHr.team'), key: 'team', render: (_, r) => r.teamName ?? '—' },
            { title: t('appraisalHr.results.grade'), key: 'grade', render: (_, r) => <Tag color="gold">{r.grade}</Tag> },
            { title: t('appraisalHr.applied.score'), key: 'score', render: (_, r) => score(r.score) },
          ]}
        />
      )}
    </Card>
  );
}

function FulfilModal({ action, onClose, onReload }: { action: DevelopmentAction; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const labels = useHrLabels();
  const [form] = Form.useForm<{ status: 'done' | 'cancelled'; note: string }>();
  const fulfil = useFulfilAction();
  return (
    <FormModal<{ status: 'done' | 'cancelled'; note: string }>
      title={t('appraisalHr.applied.fulfilTitle', { name: action.employeeName, indicator: labels.indicator(action.indicator) })}
      form={form}
      submitting={fulfil.isPending}
      okText={t('common.save')}
      submitTestId="confirm-ok"
      initialValues={{ status: 'done' }}
      onCancel={onClose}
      onFinish={(v) =>
        fulfil.mutate(
          { id: action.id, version: action.version, status: v.status, note: v.note.trim() },
          {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
            onError: (error) =>
              showError(error, {
                form,
                onReload: () => {
                  onReload();
                  onClose();
                },
              }),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{localized(action.suggestion, currentLocale())}</Typography.Paragraph>
      <Form.Item name="status" label={t('common.status')} rules={[{ required: true, message: t('validation.required') }]}>
        <Segmented
          options={[
            { value: 'done', label: labels.actionStatus('done') },
            { value: 'cancelled', label: labels.actionStatus('cancelled') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('appraisalHr.applied.note')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="fulfil-note" />
      </Form.Item>
    </FormModal>
  );
}

/** P5.4.3: each technician's weakest indicators as development actions with the suggested training. */
function DevelopmentActions() {
  const { t } = useTranslation();
  const labels = useHrLabels();
  const filters = useUrlFilters();
  const status = filters.get('actions') === 'done' ? 'done' : filters.get('actions') === 'cancelled' ? 'cancelled' : 'open';
  const actions = useDevelopmentActions({ status });
  const [fulfilling, setFulfilling] = useState<DevelopmentAction | null>(null);
  const locale = currentLocale();
  return (
    <Card
      size="small"
      title={t('appraisalHr.applied.developmentTitle')}
      data-testid="development-actions"
      extra={
        <Segmented
          value={status}
          onChange={(value) => filters.set({ actions: value === 'open' ? null : String(value) })}
          options={(['open', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: labels.actionStatus(s) }))}
          data-testid="development-status"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('appraisalHr.applied.developmentIntro')}</Typography.Paragraph>
      <DataTable<DevelopmentAction>
        rowKey="id"
        scroll={{ x: 'max-content', y: 480 }}
        dataSource={[...(actions.data ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn))}
        loading={actions.isPending}
        error={actions.error}
        onRetry={() => void actions.refetch()}
        locale={{ emptyText: t('appraisalHr.applied.noActions') }}
        onRow={(a) => ({ 'data-testid': 'development-row', 'data-employee': a.employeeName }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('appraisalHr.employee'), dataIndex: 'employeeName' },
          { title: t('appraisalHr.period'), dataIndex: 'periodLabel' },
          {
            title: t('appraisalHr.applied.indicator'),
            key: 'indicator',
            render: (_, a) => (
              <Space size={4}>
                {labels.indicator(a.indicator)}
                <Typography.Text type="secondary">{score(a.points)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('appraisalHr.applied.suggestion'),
            key: 'suggestion',
            render: (_, a) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, maxWidth: 420 }}>
                {localized(a.suggestion, locale)}
              </Typography.Paragraph>
            ),
          },
          { title: t('appraisalHr.applied.dueOn'), dataIndex: 'dueOn' },
          ...(status === 'open'
            ? [
                {
                  title: t('appraisalHr.actions'),
                  key: 'fulfil',
                  render: (_: unknown, a: DevelopmentAction) => (
                    <Button size="small" onClick={() => setFulfilling(a)} data-testid="fulfil-button">
                      {t('appraisalHr.applied.markDone')}
                    </Button>
                  ),
                },
              ]
            : [
                {
                  title: t('appraisalHr.applied.note'),
                  key: 'note',
                  render: (_: unknown, a: DevelopmentAction) => a.fulfilmentNote ?? '—',
                },
              ]),
        ]}
      />
      {fulfilling ? <FulfilModal action={fulfilling} onClose={() => setFulfilling(null)} onReload={() => void actions.refetch()} /> : null}
    </Card>
  );
}

/** Results applied (P5.4): pay, promotion and raise eligibility, development. */
export function AppliedTab() {
  const periods = usePeriods();
  const list = periods.data ?? [];
  return (
    <Flex vertical gap={16}>
      <PayCoefficients periods={list} />
      <ExcellentList periods={list} />
      <DevelopmentActions />
    </Flex>
  );
}
