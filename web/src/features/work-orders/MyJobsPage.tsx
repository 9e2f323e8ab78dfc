import { CarOutlined, ClockCircleOutlined, EnvironmentOutlined, RightOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderSummary } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useLabels } from '../../components/labels.ts';
import { formatInstant, todayInCompany } from '../../lib/time.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import { ActionButtons } from './ActionButtons.tsx';
import { useWorkOrders } from './api.ts';
import { formatDueIn } from './format.ts';
import { clockIn, planMyDay } from './planned.ts';
import { PriorityTag, SlaTag, StateTag } from './tags.tsx';
import { useRunAction } from './useRunAction.tsx';
import type { PlannedWorkOrderSummary } from './types.ts';
import { ASSIGNEE_ACTIONS, byDeadline, nextDeadline } from './workflow.ts';

/** Today's place in the technician's route and the planned arrival (company time zone); else a later planned visit. */
function PlannedVisit({ order: o, today }: { order: PlannedWorkOrderSummary; today: boolean }) {
  const { t } = useTranslation();
  const timeZone = useCompanyTimeZone();
  if (!o.plannedArrivalAt) return null;
  if (!today) {
    return (
      <Typography.Text type="secondary" data-testid="job-planned">
        <CarOutlined /> {t('myJobs.plannedAt', { time: formatInstant(o.plannedArrivalAt) })}
      </Typography.Text>
    );
  }
  const time = clockIn(o.plannedArrivalAt, timeZone);
  return (
    <Typography.Text strong style={{ color: '#1677ff' }}>
      <CarOutlined /> <span data-testid="job-sequence">{o.routeSequence != null ? `#${o.routeSequence} · ${time}` : time}</span>{' '}
      {t('myJobs.plannedArrival')}
    </Typography.Text>
  );
}

function JobFacts({ order: o, plannedToday = false }: { order: PlannedWorkOrderSummary; plannedToday?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const due = nextDeadline(o);
  const late = due ? Date.parse(due.dueAt) < Date.now() : false;
  return (
    <Flex vertical gap={2}>
      <PlannedVisit order={o} today={plannedToday} />
      <Space size={4} wrap>
        <StateTag state={o.state} />
        <PriorityTag priority={o.priority} />
        <SlaTag status={o.slaStatus} />
      </Space>
      <Typography.Text>{o.customer?.name}</Typography.Text>
      {o.site ? (
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {o.site.name}
        </Typography.Text>
      ) : null}
      {o.product ? (
        <Typography.Text type="secondary">
          <ToolOutlined /> {o.product.model} · {o.product.serialNumber}
        </Typography.Text>
      ) : null}
      {due ? (
        <Typography.Text type={late ? 'danger' : 'secondary'} data-testid="job-due">
          <ClockCircleOutlined /> {labels.slaClock(due.clock)} {formatInstant(due.dueAt)} · {formatDueIn(t, due.dueAt)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function JobCard({ order: o, plannedToday, children }: { order: PlannedWorkOrderSummary; plannedToday?: boolean; children: ReactNode }) {
  return (
    <Card
      size="small"
      data-testid={`job-${o.number}`}
      title={
        <Link to={`/work-orders/${o.id}`} style={{ display: 'block' }}>
          <Flex justify="space-between" align="center" gap={8}>
            <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {o.number} · {o.title}
            </span>
            <RightOutlined />
          </Flex>
        </Link>
      }
    >
      <Flex vertical gap={12}>
        <JobFacts order={o} plannedToday={plannedToday} />
        {children}
      </Flex>
    </Card>
  );
}

function NextSteps({ order: o }: { order: WorkOrderSummary }) {
  return <ActionButtons order={{ id: o.id, version: o.version, teamId: o.team?.id }} actions={ASSIGNEE_ACTIONS[o.state].filter((a) => a !== 'hold')} large />;
}

function TakeButton({ order }: { order: WorkOrderSummary }) {
  const { t } = useTranslation();
  const { run, pending } = useRunAction();
  return (
    <Button type="primary" size="large" block loading={pending} onClick={() => void run(order, 'take')} data-testid={`take-${order.number}`}>
      {t('myJobs.take')}
    </Button>
  );
}

/**
 * A technician's day on the phone: today's planned visits in their route order (issue 5), then
 * the other open orders by deadline, each with its next step; and the team's job pool.
 */
export default function MyJobsPage() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const timeZone = useCompanyTimeZone();
  const today = todayInCompany();
  const mine = useWorkOrders({ mine: 'true', state: 'open' }, { limit: 100, enabled: Boolean(user?.employeeId) });
  const pool = useWorkOrders({ pool: 'true' }, { limit: 50, enabled: Boolean(user?.employeeId) });
  const { planned, others } = useMemo(() => planMyDay(mine.items as PlannedWorkOrderSummary[], today, timeZone), [mine.items, today, timeZone]);
  const jobs = planned.length + others.length;
  const poolJobs = useMemo(() => [...pool.items].sort(byDeadline), [pool.items]);
  const worker = can('work_orders.work');

  if (!user?.employeeId) return <Empty description={t('myJobs.noEmployee')} />;

  return (
    <>
      <PageHeader title={t('myJobs.title')} subtitle={t('myJobs.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('myJobs.mineN', { n: jobs })}
          </Typography.Title>
          <Flex vertical gap={12} data-testid="my-jobs">
            {mine.isPending ? <PageSpinner /> : null}
            {!mine.isPending && jobs === 0 ? <Empty description={t('myJobs.none')} /> : null}
            {planned.length > 0 ? (
              <Typography.Text type="secondary" data-testid="my-route-heading">
                {t('myJobs.todayRoute', { n: planned.length })}
              </Typography.Text>
            ) : null}
            {planned.map((o) => (
              <JobCard key={o.id} order={o} plannedToday>
                {worker ? <NextSteps order={o} /> : null}
              </JobCard>
            ))}
            {planned.length > 0 && others.length > 0 ? <Typography.Text type="secondary">{t('myJobs.otherJobs', { n: others.length })}</Typography.Text> : null}
            {others.map((o) => (
              <JobCard key={o.id} order={o}>
                {worker ? <NextSteps order={o} /> : null}
              </JobCard>
            ))}
            {mine.loadMore.hasMore ? (
              <Button onClick={mine.loadMore.onLoadMore} loading={mine.loadMore.loading}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('myJobs.poolN', { n: poolJobs.length })}
          </Typography.Title>
          <Flex vertical gap={12} data-testid="job-pool">
            {pool.isPending ? <PageSpinner /> : null}
            {!pool.isPending && poolJobs.length === 0 ? <Empty description={t('myJobs.poolEmpty')} /> : null}
            {poolJobs.map((o) => (
              <JobCard key={o.id} order={o}>
                {worker ? <TakeButton order={o} /> : null}
              </JobCard>
            ))}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
