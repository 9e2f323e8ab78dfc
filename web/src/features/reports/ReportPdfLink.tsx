import type { WorkOrder } from '../../api/types.ts';

// PLACEHOLDER: a link to the order's filed report PDF, for the portal (reports module)
export function ReportPdfLink(_props: { order: WorkOrder }) {
  return null;
}
