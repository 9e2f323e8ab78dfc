import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: procedure and safety checklists (site-work module)
export function OrderChecklistsPanel(_props: { order: WorkOrder }) {
  return null;
}
