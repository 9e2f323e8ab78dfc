import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: the tools the visit needs, overdue calibration flagged (site-work module)
export function OrderToolsPanel(_props: { order: WorkOrder }) {
  return null;
}
