import { ClockCircleOutlined, EnvironmentOutlined, RightOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderSummary } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { ActionButtons } from './ActionButtons.tsx';
import { useWorkOrders } from './api.ts';
import { formatDueIn } from './format.ts';
import { PriorityTag, SlaTag, StateTag } from './tags.tsx';
import { useRunAction } from './useRunAction.tsx';
import { ASSIGNEE_ACTIONS, byDeadline, nextDeadline } from './workflow.ts';

function JobFacts({ order: o }: { order: WorkOrderSummary }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const due = nextDeadline(o);
  const late = due ? Date.parse(due.dueAt) < Date.now() : false;
  return (
    <Flex vertical gap={2}>
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

function JobCard({ order: o, children }: { order: WorkOrderSummary; children: ReactNode }) {
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
        <JobFacts order={o} />
        {children}
      </Flex>
    </Card>
  );
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

/** A technician's day on the phone: own open orders by deadline with the next step, and the team's job pool. */
export default function MyJobsPage() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const mine = useWorkOrders({ mine: 'true', state: 'open' }, { limit: 100, enabled: Boolean(user?.employeeId) });
  const pool = useWorkOrders({ pool: 'true' }, { limit: 50, enabled: Boolean(user?.employeeId) });
  const jobs = useMemo(() => [...mine.items].sort(byDeadline), [mine.items]);
  const poolJobs = useMemo(() => [...pool.items].sort(byDeadline), [pool.items]);
  const worker = can('work_orders.work');

  if (!user?.employeeId) return <Empty description={t('myJobs.noEmployee')} />;

  return (
    <>
      <PageHeader title={t('myJobs.title')} subtitle={t('myJobs.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('myJobs.mineN', { n: jobs.length })}
          </Typography.Title>
          <Flex vertical gap={12} data-testid="my-jobs">
            {mine.isPending ? <PageSpinner /> : null}
            {!mine.isPending && jobs.length === 0 ? <Empty description={t('myJobs.none')} /> : null}
            {jobs.map((o) => (
              <JobCard key={o.id} order={o}>
                {worker ? (
                  <ActionButtons
                    order={{ id: o.id, version: o.version, teamId: o.team?.id }}
                    actions={ASSIGNEE_ACTIONS[o.state].filter((a) => a !== 'hold')}
                    large
                  />
                ) : null}
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
