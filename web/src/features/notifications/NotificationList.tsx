import { Empty, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { useMarkRead } from './api.ts';

/** The subject the server wrote in the user's language; a JSON body (older outbox rows) adds the order's title. */
function summary(n: AppNotification): string {
  try {
    const parsed: unknown = JSON.parse(n.body);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { title?: unknown }).title === 'string') return `${n.subject} · ${(parsed as { title: string }).title}`;
  } catch {
    // plain text: the subject says it
  }
  return n.subject;
}

/** The bell's panel: newest first, unread in bold; a click marks it read and opens the order. */
export default function NotificationList({ items, onNavigate }: { items: AppNotification[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { token } = theme.useToken();
  const user = useUser();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} style={{ width: 280 }} />;
  return (
    <Flex vertical style={{ width: 'min(360px, 100%)', minWidth: 280, maxHeight: 'min(480px, calc(100vh - 120px))', overflowY: 'auto' }} data-testid="notification-list">
      {items.map((n) => {
        const unread = !n.readAt && n.status !== 'read';
        const orderId = n.workOrder?.id ?? n.workOrderId;
        return (
          <button
            type="button"
            key={n.id}
            data-testid="notification-item"
            onClick={() => {
              if (unread) markRead.mutate(n.id);
              if (orderId) {
                navigate(user.role === 'customer' ? `/portal/orders/${orderId}` : `/work-orders/${orderId}`);
                onNavigate();
              }
            }}
            style={{
              textAlign: 'start',
              font: 'inherit',
              border: 'none',
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
              background: unread ? token.colorPrimaryBg : 'transparent',
              padding: '8px 10px',
              cursor: 'pointer',
            }}
          >
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong={unread}>{labels.notificationEvent(n.event)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatInstant(n.createdAt)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2 }}>
              {summary(n)}
            </Typography.Paragraph>
          </button>
        );
      })}
    </Flex>
  );
}
