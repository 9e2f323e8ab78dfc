import { Empty, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { useMarkRead } from './api.ts';

/** The order number in a subject such as "WO-20261126-0042 assigned". */
const numberIn = (subject: string) => /WO-\d{8}-\d+/.exec(subject)?.[0];

/** The body's title, when the body is the JSON the outbox writes; else the body itself. */
function bodyText(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { title?: unknown }).title === 'string') return (parsed as { title: string }).title;
  } catch {
    // plain text
  }
  return body;
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
    <Flex vertical style={{ width: 320, maxWidth: 'calc(100vw - 48px)', maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {items.map((n) => {
        const unread = !n.readAt && n.status !== 'read';
        const number = numberIn(n.subject);
        return (
          <button
            type="button"
            key={n.id}
            data-testid="notification-item"
            onClick={() => {
              if (unread) markRead.mutate(n.id);
              if (n.workOrderId) {
                navigate(user.role === 'customer' ? `/portal/orders/${n.workOrderId}` : `/work-orders/${n.workOrderId}`);
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
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {[number ?? n.subject, bodyText(n.body)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </button>
        );
      })}
    </Flex>
  );
}
