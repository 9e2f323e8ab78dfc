import { Alert, Drawer, Flex, Rate, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../../lib/time.ts';
import { useIsMobile } from '../../../lib/useIsMobile.ts';
import { type OrderLine, type OrdersFilter, useDashboardOrders } from '../dashboard-api.ts';
import type { IndicatorKey } from '../types.ts';
import { isBusinessDate, minutesLate } from './format.ts';
import { CLAUSES, LINE_COLORS, useDashboardLabels } from './labels.ts';

type Row = OrderLine & { rowKey: number };

/**
 * The records behind a chart point, a bar or a ranking row (issue 6 points 5-6): the orders
 * counted, late, excused with the recorded reason (shown, never silently dropped, P5.1.2),
 * closed or reopened, the ratings, growth records, consultations and assists. Each order
 * links to its page. At most 500 lines; the drawer says when there were more.
 */
export function OrdersDrawer({
  filter,
  context,
  onIndicator,
  onClose,
}: {
  filter: OrdersFilter;
  /** What was clicked, e.g. "2026-10 · Team A" or "王工". */
  context: string;
  onIndicator: (indicator: IndicatorKey) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useDashboardLabels();
  const mobile = useIsMobile();
  const query = useDashboardOrders(filter);
  const data = query.data;
  const items: Row[] = (data?.items ?? []).map((item, index) => ({ ...item, rowKey: index }));
  const arrivals = filter.indicator === 'onTime';
  const withDue = arrivals || filter.indicator === 'resolution';

  const columns: TableColumnsType<Row> = [
    {
      title: t('appraisalDashboard.orders.status'),
      key: 'status',
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <Tag color={LINE_COLORS[r.status] ?? 'default'}>{labels.line(r.status)}</Tag>
          {r.counted ? null : <Typography.Text type="secondary">{t('appraisalDashboard.orders.notCounted')}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('appraisalDashboard.orders.record'),
      key: 'record',
      render: (_, r) => (
        <Flex vertical gap={2}>
          {r.workOrderId && r.number ? (
            <Link to={`/work-orders/${r.workOrderId}`} data-testid="dashboard-order-link">
              {r.number}
            </Link>
          ) : null}
          <Typography.Text type={r.number ? 'secondary' : undefined}>{r.title}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('appraisalDashboard.orders.technician'), key: 'technician', render: (_, r) => r.technician.name },
    { title: t('appraisalDashboard.orders.at'), key: 'at', render: (_, r) => (r.at && isBusinessDate(r.at) ? r.at : formatInstant(r.at)) },
    ...(withDue ? [{ title: t('appraisalDashboard.orders.dueAt'), key: 'dueAt', render: (_: unknown, r: Row) => formatInstant(r.dueAt) }] : []),
    {
      title: t('appraisalDashboard.orders.detail'),
      key: 'detail',
      render: (_, r) => <Detail line={r} />,
    },
  ];

  return (
    <Drawer
      open
      size={mobile ? '100%' : 1000}
      onClose={onClose}
      data-testid="dashboard-orders"
      title={
        <span>
          {labels.indicator(filter.indicator)} <Typography.Text type="secondary">{CLAUSES[filter.indicator]}</Typography.Text>
          <Typography.Text type="secondary"> · {context}</Typography.Text>
        </span>
      }
    >
      <Flex vertical gap={12}>
        <Segmented<IndicatorKey>
          value={filter.indicator}
          onChange={onIndicator}
          options={labels.indicatorOptions}
          data-testid="dashboard-orders-indicator"
          style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        />
        {data?.truncated ? <Alert type="warning" showIcon title={t('appraisalDashboard.orders.truncated', { limit: data.limit, total: data.total })} /> : null}
        {data && !data.truncated ? <Typography.Text type="secondary">{t('appraisalDashboard.orders.total', { count: data.total })}</Typography.Text> : null}
        {query.isError ? <Alert type="error" showIcon title={t('appraisalDashboard.orders.failed')} /> : null}
        <Table<Row>
          size="small"
          rowKey="rowKey"
          columns={columns}
          dataSource={items}
          loading={query.isFetching}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('appraisalDashboard.orders.empty') }}
        />
      </Flex>
    </Drawer>
  );
}

/** What makes the line what it is: minutes late, the excuse, the rating, the hours or score, the note. */
function Detail({ line }: { line: OrderLine }) {
  const { t } = useTranslation();
  const labels = useDashboardLabels();
  const parts: React.ReactNode[] = [];
  if (line.kind === 'order' && line.status !== 'closed' && line.status !== 'reopened') {
    const late = minutesLate(line.at, line.dueAt);
    if (late !== null && late > 0) {
      const text =
        late < 60
          ? t('appraisalDashboard.orders.minutesLate', { count: late })
          : t('appraisalDashboard.orders.hoursLate', { hours: Math.floor(late / 60), minutes: late % 60 });
      parts.push(
        <Typography.Text key="late" type="danger">
          {text}
        </Typography.Text>,
      );
    }
  }
  if (line.excuse) {
    parts.push(
      <Flex key="excuse" vertical gap={2} style={{ maxWidth: 360 }} data-testid="dashboard-order-excuse">
        <strong>{labels.excuse(line.excuse.reason)}</strong>
        <span style={{ whiteSpace: 'pre-wrap' }}>{line.excuse.evidence}</span>
        <Typography.Text type="secondary">
          {line.excuse.recordedByLabel} · {formatInstant(line.excuse.recordedAt)}
        </Typography.Text>
      </Flex>,
    );
  }
  if (line.status === 'reopened' && line.amount) parts.push(<span key="reopens">{t('appraisalDashboard.orders.reopens', { count: line.amount })}</span>);
  if (line.rating !== null) parts.push(<Rate key="rating" disabled value={line.rating} style={{ fontSize: 14 }} />);
  if (line.kind === 'growth' && line.amount !== null) {
    parts.push(
      <span key="amount">{line.status === 'training' ? t('appraisalDashboard.orders.hours', { count: line.amount }) : t('appraisalDashboard.orders.score', { score: line.amount })}</span>,
    );
  }
  if (line.source && line.kind === 'rating') parts.push(<Tag key="source">{labels.source(line.source)}</Tag>);
  if (line.note) parts.push(<Typography.Text key="note" type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{line.note}</Typography.Text>);
  return (
    <Flex vertical gap={2}>
      {parts}
    </Flex>
  );
}
