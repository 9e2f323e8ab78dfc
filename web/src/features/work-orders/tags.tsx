import { Tag, Tooltip } from 'antd';
import type { Priority, SlaStatus, WoState } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';

const STATE_COLORS: Record<WoState, string> = {
  new: 'blue',
  assigned: 'geekblue',
  accepted: 'cyan',
  contacted: 'cyan',
  diagnosing: 'purple',
  solution_proposed: 'purple',
  resolved_remotely: 'green',
  visit_scheduled: 'gold',
  en_route: 'orange',
  on_site: 'volcano',
  work_done: 'green',
  customer_accepted: 'green',
  closed: 'default',
  on_hold: 'magenta',
  cancelled: 'default',
};

const PRIORITY_COLORS: Record<Priority, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'default' };

export const SLA_COLORS: Record<SlaStatus, string> = {
  breached: 'red',
  at_risk: 'orange',
  on_track: 'green',
  met: 'green',
  met_late: 'volcano',
  paused: 'purple',
  not_applicable: 'default',
};

export function StateTag({ state }: { state: WoState }) {
  const labels = useLabels();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="wo-state" data-state={state}>
      {labels.woState(state)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const labels = useLabels();
  return <Tag color={PRIORITY_COLORS[priority] ?? 'default'}>{labels.priority(priority)}</Tag>;
}

export function SlaTag({ status, tooltip }: { status: SlaStatus; tooltip?: string }) {
  const labels = useLabels();
  const tag = (
    <Tag color={SLA_COLORS[status] ?? 'default'} data-testid="wo-sla" data-sla={status}>
      {labels.slaStatus(status)}
    </Tag>
  );
  return tooltip ? <Tooltip title={tooltip}>{tag}</Tooltip> : tag;
}
