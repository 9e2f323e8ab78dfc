import { Alert, Button, Col, Empty, Flex, Result, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { isApiError } from '../../api/client.ts';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { todayInCompany } from '../../lib/time.ts';
import '../../locales/appraisal.ts';
import { usePeriods, useReloadAppraisal, useResult, useResults } from './api.ts';
import { useAppraisalLabels } from './components/labels.ts';
import { ResultView } from './components/ResultView.tsx';
import { ReviewForm } from './components/ReviewForm.tsx';
import { GradeTag, LateTag, PeriodStatusTag, ResultStatusTag } from './components/StatusTag.tsx';
import { awaitsReview, defaultReviewPeriod, formatScore, resultSteps } from './logic.ts';
import type { Period, ResultSummary } from './types.ts';

// /appraisal/review (issue 6 point 7, P5.3.2): the supervisor's queue for a period (the newest
// open month by default), their teams' results with the self-evaluation, the indicators, the
// customer score, the step and the composite; one opens to the whole result and the review form.

function SelfCell({ r }: { r: ResultSummary }) {
  const { t } = useTranslation();
  if (r.selfScore === null)
    return r.status === 'self_pending' ? <Tag>{t('appraisal.queue.selfMissing')}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <span>{formatScore(r.selfScore)}</span>
      {r.selfLate ? <LateTag /> : null}
    </Space>
  );
}

function ReviewDetail({ resultId, queue, onOpen, back }: { resultId: string; queue: ResultSummary[]; onOpen: (id: string) => void; back: string }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const query = useResult(resultId);
  const reload = useReloadAppraisal();
  const r = query.data;
  const next = queue.find((q) => q.id !== resultId && awaitsReview(q));
  const title = r ? `${r.employee.name} · ${r.periodLabel}` : t('appraisal.queue.title');

  return (
    <>
      <PageHeader
        back={back}
        title={title}
        subtitle={r ? t('appraisal.queue.title') : undefined}
        extra={
          next ? (
            <Button onClick={() => onOpen(next.id)} data-testid="review-next">
              {t('appraisal.queue.next', { name: next.employee.name })}
            </Button>
          ) : null
        }
      />
      {isApiError(query.error) && query.error.status === 403 ? (
        <Result status="403" title={t('appraisal.form.forbidden')} subTitle={t('appraisal.form.forbiddenDetail')} data-testid="review-forbidden" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={{ span: 24, order: 2 }} xl={{ span: 15, order: 1 }}>
            <ResultView resultId={resultId} />
          </Col>
          <Col xs={{ span: 24, order: 1 }} xl={{ span: 9, order: 2 }}>
            <div style={{ position: 'sticky', top: 16 }}>
              {r ? (
                resultSteps(r, todayInCompany()).review ? (
                  <ReviewForm key={`${r.id}-${r.version}`} result={r} onReload={reload} />
                ) : (
                  <Alert
                    type={r.abilities.review ? 'info' : 'error'}
                    showIcon
                    data-testid="review-closed"
                    title={r.abilities.review ? t('appraisal.queue.reviewClosed', { status: labels.periodStatus(r.periodStatus) }) : t('appraisal.form.forbidden')}
                    description={r.abilities.review ? t('appraisal.queue.reviewClosedBody') : t('appraisal.form.forbiddenDetail')}
                  />
                )
              ) : null}
            </div>
          </Col>
        </Row>
      )}
    </>
  );
}

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const filters = useUrlFilters();
  const periods = usePeriods();
  const list = periods.data ?? [];
  const chosen = list.find((p) => p.id === filters.get('period')) ?? defaultReviewPeriod(list);
  const results = useResults({ periodId: chosen?.id }, { enabled: Boolean(chosen) });
  const show = filters.get('show') === 'awaiting' ? 'awaiting' : 'all';
  const all = [...(results.data ?? [])].sort((a, b) => Number(awaitsReview(b)) - Number(awaitsReview(a)) || a.employee.name.localeCompare(b.employee.name, 'zh-CN'));
  const awaiting = all.filter(awaitsReview);
  const rows = show === 'awaiting' ? awaiting : all;
  const openResult = filters.get('result');

  if (openResult) {
    const rest = new URLSearchParams(filters.params);
    rest.delete('result');
    const back = `/appraisal/review${rest.size ? `?${rest}` : ''}`;
    return <ReviewDetail resultId={openResult} queue={all} onOpen={(id) => filters.set({ result: id })} back={back} />;
  }

  if (periods.isError) return <QueryError error={periods.error} onRetry={() => void periods.refetch()} />;

  const periodOption = (p: Period) => ({
    value: p.id,
    label: (
      <Flex gap={6} align="center">
        <span>
          {p.label}
          {p.kind === 'annual' ? ` · ${labels.periodKind('annual')}` : ''}
        </span>
        <PeriodStatusTag status={p.status} />
      </Flex>
    ),
  });

  const columns = [
    {
      title: t('appraisal.queue.employee'),
      key: 'employee',
      render: (_: unknown, r: ResultSummary) => (
        <Flex vertical>
          <strong>{r.employee.name}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.employee.employeeNo}
            {r.teamName ? ` · ${r.teamName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('appraisal.queue.self'), key: 'self', render: (_: unknown, r: ResultSummary) => <SelfCell r={r} /> },
    {
      title: t('appraisal.queue.indicators'),
      key: 'indicators',
      render: (_: unknown, r: ResultSummary) => (
        <Flex vertical>
          <span>{formatScore(r.indicatorScore)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appraisal.queue.samples', { arrivals: r.samples.arrivals, excused: r.samples.excused, closed: r.samples.closed })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('appraisal.queue.customer'),
      key: 'customer',
      render: (_: unknown, r: ResultSummary) => (
        <Flex vertical>
          <span>{formatScore(r.customerScore)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appraisal.queue.ratings', { count: r.samples.ratings })}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('appraisal.queue.supervisor'), key: 'supervisor', render: (_: unknown, r: ResultSummary) => formatScore(r.supervisorScore) },
    { title: t('appraisal.queue.status'), key: 'status', render: (_: unknown, r: ResultSummary) => <ResultStatusTag status={r.status} /> },
    {
      title: t('appraisal.queue.composite'),
      key: 'composite',
      render: (_: unknown, r: ResultSummary) => (r.calibratedScore !== null ? `${formatScore(r.calibratedScore)} *` : formatScore(r.composite)),
    },
    { title: t('appraisal.queue.grade'), key: 'grade', render: (_: unknown, r: ResultSummary) => <GradeTag grade={r.grade} /> },
    {
      title: '',
      key: 'open',
      render: (_: unknown, r: ResultSummary) => (
        <Button size="small" type={awaitsReview(r) ? 'primary' : 'default'} data-testid="review-open">
          {awaitsReview(r) ? t('appraisal.queue.review') : t('appraisal.queue.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('appraisal.queue.title')}
        subtitle={chosen ? t('appraisal.queue.subtitle', { due: chosen.reviewDueOn, done: chosen.counts.reviewed, total: chosen.counts.results }) : undefined}
        extra={
          <Select
            style={{ minWidth: 200 }}
            loading={periods.isPending}
            value={chosen?.id}
            placeholder={t('appraisal.queue.period')}
            onChange={(id: string) => filters.set({ period: id })}
            options={list.map(periodOption)}
            data-testid="review-period"
          />
        }
      />
      {periods.isSuccess && list.length === 0 ? (
        <Empty description={t('appraisal.queue.noPeriods')} />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Segmented
              value={show}
              onChange={(v) => filters.set({ show: v === 'awaiting' ? 'awaiting' : null })}
              options={[
                { value: 'all', label: t('appraisal.queue.all', { count: all.length }) },
                { value: 'awaiting', label: t('appraisal.queue.awaiting', { count: awaiting.length }) },
              ]}
              data-testid="review-filter"
            />
            {chosen && chosen.status !== 'open' ? <Typography.Text type="secondary">{t('appraisal.queue.periodNotOpen', { status: labels.periodStatus(chosen.status) })}</Typography.Text> : null}
          </Flex>
          <div data-testid="review-queue">
            <DataTable<ResultSummary>
              rowKey="id"
              dataSource={rows}
              loading={results.isPending && Boolean(chosen)}
              error={results.error}
              onRetry={() => void results.refetch()}
              columns={columns}
              locale={{ emptyText: show === 'awaiting' ? t('appraisal.queue.noneAwaiting') : t('appraisal.queue.none') }}
              onRow={(r) =>
                ({
                  onClick: () => filters.set({ result: r.id }),
                  style: { cursor: 'pointer' },
                  'data-testid': 'review-row',
                  'data-employee': r.employee.name,
                  'data-status': r.status,
                }) as HTMLAttributes<HTMLElement>
              }
            />
          </div>
        </>
      )}
    </>
  );
}
