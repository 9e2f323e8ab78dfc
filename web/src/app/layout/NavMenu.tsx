import {
  ApiOutlined,
  CalendarOutlined,
  NodeIndexOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  MessageOutlined,
  OrderedListOutlined,
  TagsOutlined,
  AuditOutlined,
  CustomerServiceOutlined,
  FileTextOutlined,
  HomeOutlined,
  ProfileOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  FormOutlined,
  SolutionOutlined,
  LineChartOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth.tsx';

interface NavItem {
  key: string;
  to: string;
  icon: ReactNode;
  label: string;
  testId: string;
}

/** The menu; a customer portal user sees only the portal and their own account. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const location = useLocation();

  const items: NavItem[] = [];
  if (user?.role === 'customer') {
    if (can('work_orders.read'))
      items.push({ key: 'portal', to: '/portal', icon: <ToolOutlined />, label: t('nav.portal'), testId: 'nav-portal' });
    items.push({ key: 'my-account', to: '/my-account', icon: <HomeOutlined />, label: t('nav.myAccount'), testId: 'nav-my-account' });
  } else {
    if (can('work_orders.work') && user?.employeeId)
      items.push({ key: 'my-jobs', to: '/my-jobs', icon: <ProfileOutlined />, label: t('nav.myJobs'), testId: 'nav-my-jobs' });
    if (can('work_orders.create'))
      items.push({ key: 'console', to: '/console', icon: <CustomerServiceOutlined />, label: t('nav.console'), testId: 'nav-console' });
    if (can('work_orders.read'))
      items.push({ key: 'work-orders', to: '/work-orders', icon: <FileTextOutlined />, label: t('nav.workOrders'), testId: 'nav-work-orders' });
    if (can('work_orders.dispatch') && user?.role !== 'agent')
      items.push({ key: 'dispatch', to: '/dispatch', icon: <NodeIndexOutlined />, label: t('nav.dispatch'), testId: 'nav-dispatch' });
    if (can('working_time.manage'))
      items.push({ key: 'working-time', to: '/working-time', icon: <CalendarOutlined />, label: t('nav.workingTime'), testId: 'nav-working-time' });
    if (can('work_orders.work') && user?.role === 'technician' && user?.employeeId)
      items.push({ key: 'appraisal', to: '/appraisal', icon: <TrophyOutlined />, label: t('nav.appraisal'), testId: 'nav-appraisal' });
    if (can('appraisal.records') && user?.role === 'supervisor')
      items.push({ key: 'appraisal/review', to: '/appraisal/review', icon: <FormOutlined />, label: t('nav.appraisalReview'), testId: 'nav-appraisal-review' });
    if (can('appraisal.manage'))
      items.push({ key: 'appraisal/hr', to: '/appraisal/hr', icon: <SolutionOutlined />, label: t('nav.appraisalHr'), testId: 'nav-appraisal-hr' });
    if (can('appraisal.read_all') || can('appraisal.records'))
      items.push({ key: 'appraisal/dashboard', to: '/appraisal/dashboard', icon: <LineChartOutlined />, label: t('nav.appraisalDashboard'), testId: 'nav-appraisal-dashboard' });
    if (can('people.read')) items.push({ key: 'people', to: '/people', icon: <TeamOutlined />, label: t('nav.people'), testId: 'nav-people' });
    if (can('customers.read'))
      items.push({ key: 'customers', to: '/customers', icon: <ShopOutlined />, label: t('nav.customers'), testId: 'nav-customers' });
    if (can('work_orders.work') || can('work_orders.dispatch'))
      items.push({ key: 'follow-ups', to: '/follow-ups', icon: <CheckSquareOutlined />, label: t('nav.followUps'), testId: 'nav-follow-ups' });
    if (can('feedback.read'))
      items.push({ key: 'feedback', to: '/feedback', icon: <MessageOutlined />, label: t('nav.feedback'), testId: 'nav-feedback' });
    if (can('feedback.read') && user?.role !== 'technician' && user?.role !== 'agent')
      items.push({ key: 'defect-report', to: '/defect-report', icon: <BarChartOutlined />, label: t('nav.defectReport'), testId: 'nav-defect-report' });
    if (can('parts.read')) items.push({ key: 'parts', to: '/parts', icon: <AppstoreOutlined />, label: t('nav.parts'), testId: 'nav-parts' });
    if (can('tools.read')) items.push({ key: 'tools', to: '/tools', icon: <ToolOutlined />, label: t('nav.tools'), testId: 'nav-tools' });
    if (can('checklists.manage'))
      items.push({ key: 'checklist-templates', to: '/checklist-templates', icon: <OrderedListOutlined />, label: t('nav.checklistTemplates'), testId: 'nav-checklist-templates' });
    if (can('fault_codes.manage'))
      items.push({ key: 'fault-codes', to: '/fault-codes', icon: <TagsOutlined />, label: t('nav.faultCodes'), testId: 'nav-fault-codes' });
    if (can('audit.read')) items.push({ key: 'audit', to: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), testId: 'nav-audit' });
    if (can('settings.read'))
      items.push({ key: 'settings', to: '/settings', icon: <SettingOutlined />, label: t('nav.settings'), testId: 'nav-settings' });
    if (can('users.manage') || can('api_tokens.manage'))
      items.push({ key: 'users', to: '/users', icon: <ApiOutlined />, label: t('nav.users'), testId: 'nav-users' });
  }

  const [, first = '', second] = location.pathname.split('/');
  // The appraisal screens are siblings under /appraisal/.
  const section = first === 'appraisal' && second ? `appraisal/${second}` : first;
  // The portal user's customer page lives under /customers/:id.
  const selected = user?.role === 'customer' && section === 'customers' ? 'my-account' : section;

  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.to} data-testid={item.testId} onClick={onNavigate}>
        {item.label}
      </Link>
    ),
  }));

  return <Menu mode="inline" selectedKeys={[selected]} items={menuItems} style={{ borderInlineEnd: 'none' }} />;
}
