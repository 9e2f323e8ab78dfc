import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: the service report and its PDF (reports module)
export function OrderReportPanel(_props: { order: WorkOrder }) {
  return null;
}
