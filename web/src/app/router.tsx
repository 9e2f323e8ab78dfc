import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../api/types.ts';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAuth, type RouteHandle } from './guards.tsx';
import { RouteError } from './RouteError.tsx';

type PageModule = { default: ComponentType };

/**
 * A page loaded on first visit. `permissions` (any of them) go in the route's handle;
 * the layout shows "forbidden" instead of the page to users holding none.
 */
function page(load: () => Promise<PageModule>, ...permissions: Permission[]): Pick<RouteObject, 'lazy' | 'handle'> {
  return {
    handle: { permissions } satisfies RouteHandle,
    lazy: async () => ({ Component: (await load()).default }),
  };
}

export const routes: RouteObject[] = [
  {
    HydrateFallback: () => <PageSpinner fullScreen />,
    ErrorBoundary: RouteError,
    children: [
      { path: '/sign-in', lazy: async () => ({ Component: (await import('../features/auth/SignInPage.tsx')).default }) },
      // The customer's survey link (P5.1.1): signed, works once, no sign-in.
      { path: '/survey/:token', lazy: async () => ({ Component: (await import('../features/acceptance/SurveyPage.tsx')).default }) },
      {
        path: '/',
        Component: RequireAuth,
        children: [
          {
            Component: AppLayout,
            ErrorBoundary: RouteError,
            children: [
              { index: true, Component: HomeRedirect },
              { path: 'people', ...page(() => import('../features/people/PeopleListPage.tsx'), 'people.read') },
              { path: 'people/:id', ...page(() => import('../features/people/EmployeeDetailPage.tsx'), 'people.read') },
              { path: 'customers', ...page(() => import('../features/customers/CustomerListPage.tsx'), 'customers.read') },
              {
                path: 'customers/:id',
                ...page(() => import('../features/customers/CustomerDetailPage.tsx'), 'customers.read'),
              },
              { path: 'my-account', ...page(() => import('../features/portal/MyAccountPage.tsx')) },
              { path: 'console', ...page(() => import('../features/work-orders/ConsolePage.tsx'), 'work_orders.create') },
              { path: 'work-orders', ...page(() => import('../features/work-orders/WorkOrderListPage.tsx'), 'work_orders.read') },
              { path: 'work-orders/:id', ...page(() => import('../features/work-orders/WorkOrderPage.tsx'), 'work_orders.read') },
              { path: 'my-jobs', ...page(() => import('../features/work-orders/MyJobsPage.tsx'), 'work_orders.work') },
              { path: 'portal', ...page(() => import('../features/portal/PortalPage.tsx'), 'work_orders.read') },
              { path: 'portal/orders/:id', ...page(() => import('../features/portal/PortalOrderPage.tsx'), 'work_orders.read') },
              { path: 'dispatch', ...page(() => import('../features/dispatch/DispatchBoardPage.tsx'), 'work_orders.dispatch') },
              { path: 'working-time', ...page(() => import('../features/working-time/WorkingTimePage.tsx'), 'working_time.manage') },
              { path: 'appraisal', ...page(() => import('../features/appraisal/MyAppraisalPage.tsx'), 'work_orders.work') },
              { path: 'appraisal/review', ...page(() => import('../features/appraisal/ReviewQueuePage.tsx'), 'appraisal.records') },
              { path: 'appraisal/hr', ...page(() => import('../features/appraisal/AppraisalHrPage.tsx'), 'appraisal.manage') },
              { path: 'appraisal/dashboard', ...page(() => import('../features/appraisal/AppraisalDashboardPage.tsx'), 'appraisal.read_all', 'appraisal.records') },
              { path: 'parts', ...page(() => import('../features/stock/PartsPage.tsx'), 'parts.read') },
              { path: 'tools', ...page(() => import('../features/site-work/ToolsPage.tsx'), 'tools.read') },
              {
                path: 'checklist-templates',
                ...page(() => import('../features/site-work/ChecklistTemplatesPage.tsx'), 'checklists.manage'),
              },
              { path: 'fault-codes', ...page(() => import('../features/reports/FaultCodesPage.tsx'), 'fault_codes.manage') },
              { path: 'feedback', ...page(() => import('../features/feedback/FeedbackInboxPage.tsx'), 'feedback.read') },
              { path: 'feedback/:id', ...page(() => import('../features/feedback/FeedbackPage.tsx'), 'feedback.read') },
              { path: 'defect-report', ...page(() => import('../features/feedback/DefectReportPage.tsx'), 'feedback.read') },
              { path: 'follow-ups', ...page(() => import('../features/feedback/FollowUpsPage.tsx'), 'work_orders.work', 'work_orders.dispatch') },
              { path: 'audit', ...page(() => import('../features/audit/AuditPage.tsx'), 'audit.read') },
              { path: 'settings', ...page(() => import('../features/settings/SettingsPage.tsx'), 'settings.read') },
              {
                path: 'users',
                ...page(() => import('../features/admin/UsersAndTokensPage.tsx'), 'users.manage', 'api_tokens.manage'),
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
