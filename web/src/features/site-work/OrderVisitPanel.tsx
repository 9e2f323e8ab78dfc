import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: check-in and check-out with GPS and distance (site-work module)
export function OrderVisitPanel(_props: { order: WorkOrder }) {
  return null;
}
