import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: the parts the visit needs: plan, reserve, issue, consume, return (stock module)
export function OrderPartsPanel(_props: { order: WorkOrder }) {
  return null;
}
