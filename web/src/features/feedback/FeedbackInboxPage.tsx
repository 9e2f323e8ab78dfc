import { Col, DatePicker, Row, Select, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUser } from '../../app/auth.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { formatInstant, fromDateString, toDateString } from '../../lib/time.ts';
import '../../locales/field.ts';
import { useFeedbackList } from './api.ts';
import { SEVERITY_COLORS, STATUS_COLORS, useFeedbackLabels } from './labels.ts';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, type FeedbackFilters, type FeedbackSummary, SEVERITIES } from './types.ts';

/** The department viewer inbox (P4.4.3): its department's feedback; others see what their role may. */
export default function FeedbackInboxPage() {
  const { t } = useTranslation();
  const user = useUser();
  const labels = useFeedbackLabels();
  const navigate = useNavigate();
  const url = useUrlFilters();
  const filters: FeedbackFilters = {
    q: url.get('q'),
    status: oneOf(url.get('status'), FEEDBACK_STATUSES),
    kind: oneOf(url.get('kind'), FEEDBACK_KINDS),
    model: url.get('model'),
    category: url.get('category'),
    severity: oneOf(url.get('severity'), SEVERITIES),
    from: url.get('from'),
    to: url.get('to'),
  };
  const list = useFeedbackList(filters);
  const title =
    user.role === 'department' && user.department
      ? t('feedback.inboxOf', { department: labels.department(user.department) })
      : t('feedback.inboxTitle');

  const columns: TableColumnsType<FeedbackSummary> = [
    { title: t('feedback.number'), dataIndex: 'number', key: 'number' },
    { title: t('feedback.raisedAt'), key: 'createdAt', render: (_, f) => formatInstant(f.createdAt) },
    { title: t('feedback.kindLabel'), key: 'kind', render: (_, f) => labels.kind(f.kind) },
    { title: t('feedback.titleLabel'), dataIndex: 'title', key: 'title' },
    { title: t('feedback.model'), key: 'model', render: (_, f) => f.productModel ?? '' },
    { title: t('feedback.category'), key: 'category', render: (_, f) => labels.category(f.defectCategory) },
    {
      title: t('feedback.severityLabel'),
      key: 'severity',
      render: (_, f) => (f.severity ? <Tag color={SEVERITY_COLORS[f.severity]}>{labels.severity(f.severity)}</Tag> : null),
    },
    { title: t('feedback.statusLabel'), key: 'status', render: (_, f) => <Tag color={STATUS_COLORS[f.status]}>{labels.status(f.status)}</Tag> },
    { title: t('feedback.order'), key: 'order', render: (_, f) => f.workOrder.number },
    ...(user.role === 'department' ? [] : [{ title: t('feedback.departmentLabel'), key: 'department', render: (_: unknown, f: FeedbackSummary) => labels.department(f.department) }]),
  ];

  return (
    <>
      <PageHeader title={title} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <SearchBox value={filters.q ?? ''} onSearch={(q) => url.set({ q })} placeholder={t('feedback.searchPlaceholder')} data-testid="inbox-search" />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('feedback.anyStatus')} value={filters.status} onChange={(status) => url.set({ status })} options={labels.statusOptions} data-testid="inbox-filter-status" />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('feedback.anyKind')} value={filters.kind} onChange={(kind) => url.set({ kind })} options={labels.kindOptions} data-testid="inbox-filter-kind" />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear showSearch style={{ width: '100%' }} placeholder={t('feedback.anyModel')} value={filters.model} onChange={(model) => url.set({ model })} options={labels.modelOptions} data-testid="inbox-filter-model" />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('feedback.anyCategory')} value={filters.category} onChange={(category) => url.set({ category })} options={labels.categoryOptions} data-testid="inbox-filter-category" />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('feedback.anySeverity')} value={filters.severity} onChange={(severity) => url.set({ severity })} options={labels.severityOptions} data-testid="inbox-filter-severity" />
        </Col>
        <Col xs={24} md={8}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            allowEmpty={[true, true]}
            value={[fromDateString(filters.from) ?? null, fromDateString(filters.to) ?? null]}
            onChange={(range) => url.set({ from: toDateString(range?.[0]), to: toDateString(range?.[1]) })}
            data-testid="inbox-filter-dates"
          />
        </Col>
      </Row>
      <DataTable<FeedbackSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        loadMore={list.loadMore}
        onRow={(f) => ({ onClick: () => navigate(`/feedback/${f.id}`), style: { cursor: 'pointer' }, 'data-testid': `inbox-row-${f.number}` }) as never}
      />
    </>
  );
}
