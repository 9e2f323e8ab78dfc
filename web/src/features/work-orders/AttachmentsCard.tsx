import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { AttachmentList } from './attachments.tsx';

/** An order's attachments in a card of their own; nothing when there are none. Shared by the staff and portal order pages. */
export function AttachmentsCard({ order }: { order: Pick<WorkOrder, 'id' | 'attachments'> }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  if (order.attachments.length === 0) return null;
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('workOrders.attachmentsN', { n: order.attachments.length })}>
      <AttachmentList orderId={order.id} attachments={order.attachments} />
    </Card>
  );
}
