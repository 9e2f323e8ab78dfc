import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useNotifications } from '../../features/notifications/api.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';

const NotificationList = lazy(() => import('../../features/notifications/NotificationList.tsx'));

/**
 * The header's bell: unread count and the latest notifications (a popover; a drawer on a
 * phone). Hidden when the server has no notifications for this caller (404 or 403).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const query = useNotifications(true);
  if (query.isError && isApiError(query.error) && (query.error.status === 404 || query.error.status === 403)) return null;
  if (!query.data) return null;
  const list = (
    <Suspense fallback={<Spin />}>
      <NotificationList items={query.data.items} onNavigate={() => setOpen(false)} />
    </Suspense>
  );
  const bell = (
    <Button type="text" aria-label={t('notifications.title')} data-testid="notifications-bell" onClick={mobile ? () => setOpen(true) : undefined}>
      <Badge count={query.data.unreadCount} size="small" data-testid="notifications-unread">
        <BellOutlined style={{ fontSize: 16 }} />
      </Badge>
    </Button>
  );
  if (mobile) {
    return (
      <>
        {bell}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" size="100%" title={t('notifications.title')} styles={{ body: { padding: 0 } }}>
          {open ? list : null}
        </Drawer>
      </>
    );
  }
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t('notifications.title')} content={list}>
      {bell}
    </Popover>
  );
}
