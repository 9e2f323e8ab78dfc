import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../work-orders/format.ts';
import { clockTime } from './format.ts';
import type { Board, DispatchPlan, PlanChange } from './types.ts';

// The plan's figures (what was planned, deadlines missed, lateness, travel, the balance of
// work, where travel times came from) and, after an urgent insertion, what changed.

const STATUS_COLORS: Record<DispatchPlan['status'], string> = { proposed: 'gold', accepted: 'green', discarded: 'default', superseded: 'default' };

export function PlanSummaryCard({ plan }: { plan: DispatchPlan }) {
  const { t } = useTranslation();
  const s = plan.summary;
  return (
    <Card
      size="small"
      data-testid="dispatch-summary"
      data-plan-id={plan.id}
      data-status={plan.status}
      title={
        <span>
          {t('dispatch.summary.title')}{' '}
          <Tag color={STATUS_COLORS[plan.status]} data-testid="dispatch-plan-status">
            {t(`dispatch.planStatus.${plan.status}`)}
          </Tag>
        </span>
      }
      style={{ marginBottom: 12 }}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3, xl: 4 }}>
        <Descriptions.Item label={t('dispatch.summary.planned')}>
          <span data-testid="dispatch-summary-planned">{t('dispatch.summary.plannedOf', { planned: s.planned, orders: s.orders })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.unassigned')}>
          <Typography.Text type={s.unassigned > 0 ? 'warning' : undefined}>{s.unassigned}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.missed')}>
          <Typography.Text type={s.missedDeadlines > 0 ? 'danger' : 'success'}>{s.missedDeadlines}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.late')}>{formatMinutes(t, s.lateMinutes)}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.travel')}>
          {t('dispatch.summary.travelValue', { time: formatMinutes(t, s.travelMinutes), km: s.distanceKm })}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.balance')}>
          {t('dispatch.summary.balanceValue', { min: formatMinutes(t, s.work.minMinutes), max: formatMinutes(t, s.work.maxMinutes), sd: Math.round(s.work.stddevMinutes) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.source')}>{s.travelSource}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.summary.solve')}>{t('dispatch.summary.solveValue', { ms: s.solveMs, n: s.technicians })}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

const CHANGE_COLORS: Record<PlanChange['kind'], string> = { added: 'green', moved: 'blue', resequenced: 'purple', retimed: 'default', dropped: 'red' };

export function PlanChangesCard({ plan, board, onClose }: { plan: DispatchPlan; board: Board; onClose?: () => void }) {
  const { t } = useTranslation();
  const name = (id: string | null) => (id ? (board.technicians.find((x) => x.id === id)?.name ?? '?') : t('dispatch.changes.queue'));
  const tz = board.timeZone;
  return (
    <Card
      size="small"
      title={t('dispatch.changes.title', { n: plan.changes.length })}
      data-testid="dispatch-changes"
      style={{ marginBottom: 12 }}
      extra={
        onClose ? (
          <Typography.Link onClick={onClose} data-testid="dispatch-changes-close">
            {t('dispatch.changes.hide')}
          </Typography.Link>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={plan.changes}
        renderItem={(c) => (
          <List.Item data-testid={`dispatch-change-${c.number}`} data-kind={c.kind}>
            <span>
              <Tag color={CHANGE_COLORS[c.kind]}>{t(`dispatch.changes.kind.${c.kind}`)}</Tag>
              <b>{c.number}</b>{' '}
              <Typography.Text type="secondary">
                {c.fromTechnicianId !== c.toTechnicianId || c.kind === 'added' || c.kind === 'dropped' ? (
                  <>
                    {name(c.fromTechnicianId)} {c.fromArrival ? clockTime(c.fromArrival, tz) : ''} <ArrowRightOutlined /> {name(c.toTechnicianId)}{' '}
                    {c.toArrival ? clockTime(c.toArrival, tz) : ''}
                  </>
                ) : (
                  <>
                    {name(c.toTechnicianId)}: {clockTime(c.fromArrival, tz)} <ArrowRightOutlined /> {clockTime(c.toArrival, tz)}
                  </>
                )}
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
