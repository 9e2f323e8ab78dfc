import { Alert, Card, Descriptions, Drawer, Empty, Flex, Rate, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { formatInstant } from '../../../lib/time.ts';
import { useIsMobile } from '../../../lib/useIsMobile.ts';
import { useExplain } from '../api.ts';
import { arrivalMinutesLate, EXPLAIN_STATUS_COLORS, formatIndicatorValue, formatScore, isBusinessDate, splitMinutes, statusCounts } from '../logic.ts';
import type { ExplainItem, IndicatorKey } from '../types.ts';
import { useAppraisalLabels } from './labels.ts';

// Issue 6 point 5: what lies behind one indicator of a result. Every work order counted,
// late, excused (with its recorded reason and evidence: shown, never silently dropped) or
// reopened, every rating or growth record, the formula, and the policy version it ran on.

function ItemStatus({ status }: { status: string }) {
  const labels = useAppraisalLabels();
  return <Tag color={EXPLAIN_STATUS_COLORS[status] ?? 'default'}>{labels.explainStatus(status)}</Tag>;
}

/** A duration in the UI language: "52 min", "46 h 31 min". */
function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const { h, m } = splitMinutes(minutes);
    return h ? t('appraisal.explain.hoursMinutes', { h, m }) : t('appraisal.explain.minutes', { count: m });
  };
}

/** An arrival against its deadline, "12 min late" or "8 min early" (from the two instants); other rows' minutes as a duration. */
function Minutes({ item }: { item: ExplainItem }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const late = arrivalMinutesLate(item.at, item.dueAt);
  if (item.kind === 'order' && late !== null) {
    const tone = item.status === 'excused' ? 'warning' : late > 0 ? 'danger' : 'success';
    if (late > 0) return <Typography.Text type={tone}>{t('appraisal.explain.late', { duration: duration(late) })}</Typography.Text>;
    if (late < 0) return <Typography.Text type={tone}>{t('appraisal.explain.early', { duration: duration(-late) })}</Typography.Text>;
    return <Typography.Text type={tone}>{t('appraisal.explain.onTheMinute')}</Typography.Text>;
  }
  if (item.minutes === null) return null;
  return <>{duration(item.minutes)}</>;
}

export function ExplainDrawer({ resultId, indicator, onClose }: { resultId: string; indicator: IndicatorKey; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const mobile = useIsMobile();
  const query = useExplain(resultId, indicator);
  const [filter, setFilter] = useState<string>('all');
  const e = query.data;
  const items = e?.items ?? [];
  const counts = statusCounts(items);
  const rows = items.map((item, index) => ({ ...item, rowKey: index }));
  const shown = filter === 'all' ? rows : rows.filter((i) => i.status === filter);
  const ordersShown = items.some((i) => i.kind === 'order');

  const columns = [
    { title: t('appraisal.explain.status'), key: 'status', render: (_: unknown, i: ExplainItem) => <ItemStatus status={i.status} /> },
    {
      title: t('appraisal.explain.record'),
      key: 'record',
      render: (_: unknown, i: ExplainItem) => (
        <Flex vertical gap={2}>
          {i.workOrderId && i.number ? (
            <Link to={`/work-orders/${i.workOrderId}`} data-testid="explain-order">
              {i.number}
            </Link>
          ) : i.number ? (
            <span>{i.number}</span>
          ) : null}
          <Typography.Text type={i.number ? 'secondary' : undefined}>{i.title}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: ordersShown ? t('appraisal.explain.arrival') : t('appraisal.explain.at'),
      key: 'at',
      render: (_: unknown, i: ExplainItem) => (i.at && isBusinessDate(i.at) ? i.at : formatInstant(i.at)),
    },
    ...(ordersShown
      ? [
          { title: t('appraisal.explain.due'), key: 'due', render: (_: unknown, i: ExplainItem) => formatInstant(i.dueAt) },
          { title: t('appraisal.explain.difference'), key: 'minutes', render: (_: unknown, i: ExplainItem) => <Minutes item={i} /> },
        ]
      : [{ title: t('appraisal.explain.amount'), key: 'minutes', render: (_: unknown, i: ExplainItem) => <Minutes item={i} /> }]),
    ...(items.some((i) => i.rating !== null)
      ? [
          {
            title: t('appraisal.explain.rating'),
            key: 'rating',
            render: (_: unknown, i: ExplainItem) => (i.rating !== null ? <Rate disabled value={i.rating} style={{ fontSize: 14 }} /> : null),
          },
        ]
      : []),
    ...(items.some((i) => i.excuse)
      ? [
          {
            title: t('appraisal.explain.excuse'),
            key: 'excuse',
            render: (_: unknown, i: ExplainItem) =>
              i.excuse ? (
                <Flex vertical gap={2} style={{ maxWidth: 320 }} data-testid="explain-excuse">
                  <strong>{labels.excuseReason(i.excuse.reason)}</strong>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{i.excuse.evidence}</span>
                  <Typography.Text type="secondary">
                    {i.excuse.recordedByLabel} · {formatInstant(i.excuse.recordedAt)}
                  </Typography.Text>
                </Flex>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Drawer
      open
      size={mobile ? '100%' : 960}
      onClose={onClose}
      data-testid="explain-drawer"
      title={
        <span>
          {labels.indicator(indicator)} <Typography.Text type="secondary">{labels.clause(indicator)}</Typography.Text>
          {e ? (
            <Typography.Text type="secondary">
              {' '}
              · {e.employeeName} · {e.periodLabel}
            </Typography.Text>
          ) : null}
        </span>
      }
    >
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={isApiError(query.error) && query.error.title ? query.error.title : t('errors.loadFailed')}
          description={isApiError(query.error) ? query.error.detail : undefined}
        />
      ) : null}
      {e ? (
        <Flex vertical gap={16}>
          {e.recordsChanged ? (
            <Alert type="info" showIcon data-testid="explain-records-changed" title={t('appraisal.explain.recordsChanged')} description={t('appraisal.explain.recordsChangedHint')} />
          ) : null}
          <Descriptions size="small" bordered column={mobile ? 1 : 3}>
            <Descriptions.Item label={t('appraisal.indicatorCard.value')}>{formatIndicatorValue(indicator, e.indicator.value)}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.indicatorCard.samples')}>{e.indicator.samples}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.indicatorCard.points')}>
              {e.indicator.status === 'insufficient' ? <Tag color="orange">{t('appraisal.indicatorCard.insufficient')}</Tag> : formatScore(e.indicator.points)}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('appraisal.explain.formula')}>
            <Typography.Paragraph code style={{ marginBottom: 4 }} data-testid="explain-formula">
              {e.indicator.formula}
            </Typography.Paragraph>
            <Typography.Paragraph code style={{ marginBottom: 0 }}>
              {e.indicator.explanation}
            </Typography.Paragraph>
            {e.indicator.status === 'insufficient' ? (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                title={t('appraisal.explain.insufficient', { samples: e.indicator.samples, min: e.policy.minSamples })}
                description={labels.insufficientRule(e.policy.insufficient)}
              />
            ) : null}
          </Card>
          <Card size="small" title={t('appraisal.explain.policy')} data-testid="explain-policy">
            <Descriptions size="small" column={mobile ? 1 : 2}>
              <Descriptions.Item label={t('appraisal.explain.setting')} span={mobile ? 1 : 2}>
                {labels.policyKey(e.policy.key)} ({e.policy.key}) · {t('appraisal.result.since', { date: e.policy.effectiveFrom })}
              </Descriptions.Item>
              <Descriptions.Item label={t('appraisal.indicatorCard.target')}>{formatIndicatorValue(indicator, e.policy.target)}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.indicatorCard.weight')}>{e.policy.weight}%</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.explain.minSamples')}>{e.policy.minSamples}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.explain.insufficientRule')}>{labels.insufficientRule(e.policy.insufficient)}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.explain.curve')} span={mobile ? 1 : 2}>
                <Flex gap={4} wrap>
                  {e.policy.curve.map(([value, points]) => (
                    <Tag key={`${value}-${points}`}>
                      {formatIndicatorValue(indicator, value)} → {points}
                    </Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={t('appraisal.explain.items', { count: items.length })}
          >
            {counts.length > 1 ? (
              <Segmented
                size="small"
                style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
                value={filter}
                onChange={(v) => setFilter(String(v))}
                options={[
                  { value: 'all', label: t('appraisal.explain.all') },
                  ...counts.map(([status, n]) => ({ value: status, label: `${labels.explainStatus(status)} ${n}` })),
                ]}
                data-testid="explain-filter"
              />
            ) : null}
            {items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.explain.none')} />
            ) : (
              <Table<ExplainItem & { rowKey: number }>
                size="small"
                scroll={{ x: 'max-content' }}
                pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                rowKey="rowKey"
                dataSource={shown}
                columns={columns}
                onRow={(i) => ({ 'data-testid': 'explain-row', 'data-status': i.status }) as HTMLAttributes<HTMLElement>}
              />
            )}
          </Card>
        </Flex>
      ) : null}
    </Drawer>
  );
}
