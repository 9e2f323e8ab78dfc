import type { WorkOrder } from '../../api/types.ts';
import '../../locales/field.ts';
import { OrderAcceptancePanel } from '../acceptance/OrderAcceptancePanel.tsx';
import { ArrivalExcusePanel } from '../appraisal/ArrivalExcusePanel.tsx';
import { OrderFeedbackPanel } from '../feedback/OrderFeedbackPanel.tsx';
import { OrderReportPanel } from '../reports/OrderReportPanel.tsx';
import { OrderChecklistsPanel } from '../site-work/OrderChecklistsPanel.tsx';
import { OrderToolsPanel } from '../site-work/OrderToolsPanel.tsx';
import { OrderVisitPanel } from '../site-work/OrderVisitPanel.tsx';
import { OrderPartsPanel } from '../stock/OrderPartsPanel.tsx';
import { ServiceRecordCard } from './ServiceRecordCard.tsx';

/** What happens at the site and after it (P4.3-P4.4), in the order the technician meets it. */
export function FieldWorkPanels({ order }: { order: WorkOrder }) {
  return (
    <>
      <OrderVisitPanel order={order} />
      <OrderToolsPanel order={order} />
      <OrderPartsPanel order={order} />
      <OrderChecklistsPanel order={order} />
      <OrderAcceptancePanel order={order} />
      <OrderReportPanel order={order} />
      <OrderFeedbackPanel order={order} />
      <ServiceRecordCard order={order} />
      <ArrivalExcusePanel order={order} />
    </>
  );
}
