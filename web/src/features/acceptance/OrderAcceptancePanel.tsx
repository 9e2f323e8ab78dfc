import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: acceptance, signature and rating (acceptance module)
export function OrderAcceptancePanel(_props: { order: WorkOrder }) {
  return null;
}
