import { Drawer, Layout, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigation } from 'react-router';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { PermittedOutlet } from '../guards.tsx';
import { Brand } from './Brand.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { NavMenu } from './NavMenu.tsx';
import { useTimeZoneSync } from './useTimeZoneSync.ts';

/** Sider menu on wide screens; below `md` the menu lives in a drawer opened from the header. */
export function AppLayout() {
  const mobile = useIsMobile();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigation = useNavigation();
  const timeZoneReady = useTimeZoneSync();
  const timeZone = useCompanyTimeZone();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer after each navigation
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {navigation.state === 'idle' ? null : (
        // a page's code is loading (first visit to it)
        <div
          role="progressbar"
          aria-busy
          style={{ position: 'fixed', insetInline: 0, top: 0, height: 2, background: token.colorPrimary, zIndex: 2000 }}
        />
      )}
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 0 }, header: { padding: 0 } }}
          closable={false}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Brand collapsed={collapsed} />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout>
        <HeaderBar mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          {/* Remount pages when the company time zone becomes known, so instants re-render. */}
          {timeZoneReady ? <PermittedOutlet key={timeZone} /> : <PageSpinner />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
