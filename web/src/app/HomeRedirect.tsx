import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useAuth, useUser } from './auth.tsx';

/** The landing page: a customer goes to the portal, a technician to their jobs, an agent to the console, a department to its feedback inbox, other staff to their first module. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  if (user.role === 'customer') return <Navigate to={can('work_orders.read') ? '/portal' : '/my-account'} replace />;
  if (user.role === 'technician' && can('work_orders.work')) return <Navigate to="/my-jobs" replace />;
  if (user.role === 'agent' && can('work_orders.create')) return <Navigate to="/console" replace />;
  // The product and quality departments work their feedback inbox (P4.4.3).
  if (user.role === 'department' && can('feedback.read')) return <Navigate to="/feedback" replace />;
  if (can('people.read')) return <Navigate to="/people" replace />;
  if (can('customers.read')) return <Navigate to="/customers" replace />;
  if (can('audit.read')) return <Navigate to="/audit" replace />;
  if (can('settings.read')) return <Navigate to="/settings" replace />;
  if (can('users.manage') || can('api_tokens.manage')) return <Navigate to="/users" replace />;
  return <Result status="info" title={t('home.welcome', { name: user.displayName })} subTitle={t('home.nothingYet')} />;
}
