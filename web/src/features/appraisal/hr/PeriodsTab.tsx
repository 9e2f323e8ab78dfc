import { HistoryOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, List, Space, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { formatInstant, todayInCompany } from '../../../lib/time.ts';
import { useOpenPeriod, usePeriodAction, usePeriodEvents, usePeriods } from '../api.ts';
import type { Period } from '../types.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { PERIOD_LABEL, previousMonth, sortPeriods, unreviewedInPeriod } from './helpers.ts';
import { PERIOD_STATUS_COLORS, useHrLabels } from './labels.ts';

/** The period's history: opened, recomputed, published, reopened (with the reason), closed. */
function PeriodEvents({ period }: { period: Period }) {
  const { t } = useTranslation();
  const labels = useHrLabels();
  const events = usePeriodEvents(period.id);
  return (
    <List
      size="small"
      loading={events.isPending}
      dataSource={events.data ?? []}
      locale={{ emptyText: t('appraisalHr.periods.noEvents') }}
      data-testid="period-events"
      renderItem={(e) => (
        <List.Item>
          <Space wrap size={8}>
            <Typography.Text type="secondary">{formatInstant(e.at)}</Typography.Text>
            <Tag>{labels.periodAction(e.action)}</Tag>
            <Typography.Text>{e.actorLabel}</Typography.Text>
            {e.reason ? <Typography.Text type="secondary">{t('appraisalHr.periods.eventReason', { reason: e.reason })}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}

function OpenPeriodModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ label: string }>();
  const open = useOpenPeriod();
  return (
    <FormModal<{ label: string }>
      title={t('appraisalHr.periods.open')}
      form={form}
      submitting={open.isPending}
      okText={t('appraisalHr.periods.openOk')}
      submitTestId="confirm-ok"
      initialValues={{ label: previousMonth(todayInCompany()) }}
      onCancel={onClose}
      onFinish={(v) =>
        open.mutate(
          { label: v.label.trim() },
          {
            onSuccess: () => {
              message.success(t('appraisalHr.periods.opened', { label: v.label.trim() }));
              onClose();
            },
            onError: (error) => showError(error, { form }),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('appraisalHr.periods.openHelp')}</Typography.Paragraph>
      <Form.Item
        name="label"
        label={t('appraisalHr.periods.label')}
        rules={[
          { required: true, message: t('validation.required') },
          { pattern: PERIOD_LABEL, message: t('appraisalHr.periods.labelFormat') },
        ]}
      >
        <Input placeholder="2026-10" maxLength={7} autoFocus data-testid="open-period-label" />
      </Form.Item>
    </FormModal>
  );
}

function ReopenModal({ period, onClose, onReload }: { period: Period; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const act = usePeriodAction();
  return (
    <FormModal<{ reason: string }>
      title={t('appraisalHr.periods.reopenTitle', { label: period.label })}
      form={form}
      submitting={act.isPending}
      okText={t('appraisalHr.periods.reopen')}
      okDanger
      submitTestId="confirm-ok"
      onCancel={onClose}
      onFinish={(v) =>
        act.mutate(
          { id: period.id, action: 'reopen', version: period.version, reason: v.reason.trim() },
          {
            onSuccess: () => {
              message.success(t('appraisalHr.periods.done.reopen'));
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
      <Typography.Paragraph type="secondary">{t('appraisalHr.periods.reopenHelp')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount autoFocus data-testid="period-reopen-reason" />
      </Form.Item>
    </FormModal>
  );
}

function PolicyTooltip({ period }: { period: Period }) {
  const { t } = useTranslation();
  const title = (
    <div>
      <div>{t('appraisalHr.periods.policy')}</div>
      {period.policy.map((p) => (
        <div key={p.key}>
          {p.key}: {p.effectiveFrom}
        </div>
      ))}
    </div>
  );
  return (
    <Tooltip title={title}>
      <InfoCircleOutlined aria-label={t('appraisalHr.periods.policy')} data-testid="period-policy" />
    </Tooltip>
  );
}

/** Periods (P5.2): open one, recompute while open, publish by the deadline, close, reopen with a reason. */
export function PeriodsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const labels = useHrLabels();
  const periods = usePeriods();
  const act = usePeriodAction();
  const [opening, setOpening] = useState(false);
  const [reopening, setReopening] = useState<Period | null>(null);
  const reload = () => void periods.refetch();

  const run = (p: Period, action: 'recompute' | 'publish' | 'close') =>
    act.mutateAsync({ id: p.id, action, version: p.version }).then(
      () => void message.success(t(`appraisalHr.periods.done.${action}`)),
      (error: unknown) => showError(error, { onReload: reload }),
    );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('appraisalHr.periods.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="period-open">
          {t('appraisalHr.periods.open')}
        </Button>
      </Flex>
      <DataTable<Period>
        rowKey="id"
        dataSource={sortPeriods(periods.data ?? [])}
        loading={periods.isPending}
        error={periods.error}
        onRetry={reload}
        onRow={(p) => ({ 'data-testid': 'period-row', 'data-label': p.label, 'data-status': p.status }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (p) => <PeriodEvents period={p} />,
          expandIcon: ({ expanded, onExpand, record }) => (
            <Tooltip title={t('appraisalHr.periods.history')}>
              <Button
                type={expanded ? 'primary' : 'text'}
                size="small"
                icon={<HistoryOutlined />}
                aria-label={t('appraisalHr.periods.history')}
                onClick={(e) => onExpand(record, e)}
                data-testid="period-history"
              />
            </Tooltip>
          ),
        }}
        columns={[
          {
            title: t('appraisalHr.periods.label'),
            key: 'label',
            render: (_, p) => (
              <Space size={6}>
                <Typography.Text strong>{p.label}</Typography.Text>
                <PolicyTooltip period={p} />
              </Space>
            ),
          },
          { title: t('appraisalHr.periods.kind'), key: 'kind', render: (_, p) => <Tag>{labels.periodKind(p.kind)}</Tag> },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, p) => (
              <Tag color={PERIOD_STATUS_COLORS[p.status]} data-testid="period-status">
                {labels.periodStatus(p.status)}
              </Tag>
            ),
          },
          { title: t('appraisalHr.periods.selfDue'), dataIndex: 'selfDueOn' },
          { title: t('appraisalHr.periods.reviewDue'), dataIndex: 'reviewDueOn' },
          { title: t('appraisalHr.periods.publishDue'), dataIndex: 'publishDueOn' },
          {
            title: t('appraisalHr.periods.counts'),
            key: 'counts',
            render: (_, p) => (
              <Tooltip title={t('appraisalHr.periods.countsHelp')}>
                <Space size={4} wrap>
                  <Tag>{t('appraisalHr.periods.countResults', { n: p.counts.results })}</Tag>
                  <Tag>{t('appraisalHr.periods.countSelf', { n: p.counts.selfDone })}</Tag>
                  <Tag color={p.counts.reviewed < p.counts.results ? 'gold' : 'default'}>{t('appraisalHr.periods.countReviewed', { n: p.counts.reviewed })}</Tag>
                  {p.counts.appealsOpen > 0 ? <Tag color="red">{t('appraisalHr.periods.countAppeals', { n: p.counts.appealsOpen })}</Tag> : null}
                </Space>
              </Tooltip>
            ),
          },
          {
            title: t('appraisalHr.periods.computedAt'),
            key: 'computedAt',
            render: (_, p) => (p.computedAt ? formatInstant(p.computedAt) : '—'),
          },
          {
            title: t('appraisalHr.actions'),
            key: 'actions',
            render: (_, p) => (
              <Space size={4} wrap>
                {p.abilities.recompute ? (
                  <ConfirmButton
                    size="small"
                    confirm={t('appraisalHr.periods.confirm.recompute', { label: p.label })}
                    description={t('appraisalHr.periods.confirm.recomputeHelp')}
                    okText={t('appraisalHr.periods.recompute')}
                    onConfirm={() => run(p, 'recompute')}
                    data-testid="period-recompute"
                  >
                    {t('appraisalHr.periods.recompute')}
                  </ConfirmButton>
                ) : null}
                {p.abilities.publish ? (
                  <ConfirmButton
                    size="small"
                    type="primary"
                    confirm={t('appraisalHr.periods.confirm.publish', { label: p.label })}
                    description={
                      unreviewedInPeriod(p) > 0 ? (
                        <Typography.Text type="warning" data-testid="publish-unreviewed">
                          {t('appraisalHr.periods.confirm.publishUnreviewed', { n: unreviewedInPeriod(p), total: p.counts.results })}
                        </Typography.Text>
                      ) : (
                        t('appraisalHr.periods.confirm.publishHelp')
                      )
                    }
                    okText={t('appraisalHr.periods.publish')}
                    onConfirm={() => run(p, 'publish')}
                    data-testid="period-publish"
                  >
                    {t('appraisalHr.periods.publish')}
                  </ConfirmButton>
                ) : null}
                {p.abilities.close ? (
                  <ConfirmButton
                    size="small"
                    confirm={t('appraisalHr.periods.confirm.close', { label: p.label })}
                    description={t('appraisalHr.periods.confirm.closeHelp')}
                    okText={t('appraisalHr.periods.close')}
                    onConfirm={() => run(p, 'close')}
                    data-testid="period-close"
                  >
                    {t('appraisalHr.periods.close')}
                  </ConfirmButton>
                ) : null}
                {p.abilities.reopen ? (
                  <Button size="small" danger onClick={() => setReopening(p)} data-testid="period-reopen">
                    {t('appraisalHr.periods.reopen')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {opening ? <OpenPeriodModal onClose={() => setOpening(false)} /> : null}
      {reopening ? <ReopenModal period={reopening} onClose={() => setReopening(null)} onReload={reload} /> : null}
    </Flex>
  );
}
