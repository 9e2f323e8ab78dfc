import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: feedback to departments and follow-ups raised from this order (feedback module)
export function OrderFeedbackPanel(_props: { order: WorkOrder }) {
  return null;
}
