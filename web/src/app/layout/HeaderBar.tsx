import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Layout, Tooltip, Typography, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal.tsx';
import { useAuth, useUser } from '../auth.tsx';
import { Brand } from './Brand.tsx';

// Loaded after the first screen: the bell is not needed to show it.
const NotificationBell = lazy(() => import('./NotificationBell.tsx').then((m) => ({ default: m.NotificationBell })));

export function HeaderBar({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const user = useUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // the session is dropped locally either way
    } finally {
      setSigningOut(false);
      navigate('/sign-in', { replace: true });
    }
  };

  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: mobile ? '0 8px' : '0 16px',
        height: 56,
        lineHeight: '56px',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" gap={4} style={{ height: '100%' }}>
        {mobile ? (
          <>
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={onOpenMenu} data-testid="nav-toggle" />
            <Brand compact />
          </>
        ) : null}
        <div style={{ flex: 1 }} />
        <Suspense fallback={null}>
          <NotificationBell />
        </Suspense>
        <LanguageSwitch compact={mobile} />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...(mobile
                ? [
                    { key: 'name', disabled: true, label: <span data-testid="user-display-name">{user.displayName}</span> },
                    { type: 'divider' as const },
                  ]
                : []),
              {
                key: 'password',
                icon: <KeyOutlined />,
                label: <span data-testid="change-password">{t('auth.changePassword')}</span>,
              },
            ],
            onClick: ({ key }) => {
              if (key === 'password') setChangingPassword(true);
            },
          }}
        >
          <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={user.displayName}>
            {/* On a phone the name is in the menu: the header keeps room for the bell and language. */}
            {mobile ? null : (
              <Typography.Text ellipsis style={{ maxWidth: 200 }} data-testid="user-display-name">
                {user.displayName}
              </Typography.Text>
            )}
          </Button>
        </Dropdown>
        <Tooltip title={t('auth.signOut')}>
          <Button type="text" icon={<LogoutOutlined />} loading={signingOut} onClick={onSignOut} data-testid="sign-out" aria-label={t('auth.signOut')}>
            {mobile ? null : t('auth.signOut')}
          </Button>
        </Tooltip>
      </Flex>
      {changingPassword ? <ChangePasswordModal onClose={() => setChangingPassword(false)} /> : null}
    </Layout.Header>
  );
}
