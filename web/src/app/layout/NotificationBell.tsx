import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useNotifications } from '../../features/notifications/api.ts';

const NotificationList = lazy(() => import('../../features/notifications/NotificationList.tsx'));

/** The header's bell: unread count and the latest notifications; hidden on a server without them. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = useNotifications(true);
  if (query.isError && isApiError(query.error) && (query.error.status === 404 || query.error.status === 403)) return null;
  if (!query.data) return null;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={
        <Suspense fallback={<Spin />}>
          <NotificationList items={query.data.items} onNavigate={() => setOpen(false)} />
        </Suspense>
      }
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notifications-bell">
        <Badge count={query.data.unreadCount} size="small" data-testid="notifications-unread">
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
