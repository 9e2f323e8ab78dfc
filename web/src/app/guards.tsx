import { Navigate, Outlet, useLocation, useMatches } from 'react-router';
import type { Permission } from '../api/types.ts';
import { ForbiddenPage } from './NotFoundPage.tsx';
import { useAuth } from './auth.tsx';

/** Routes below need a session; without one, go to sign-in and come back afterwards. */
export function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={from === '/' ? '/sign-in' : `/sign-in?from=${encodeURIComponent(from)}`} replace />;
  }
  return <Outlet />;
}

export interface RouteHandle {
  /** The route is shown to users holding any of these (to all users when empty). */
  permissions: Permission[];
}

function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null && Array.isArray((handle as RouteHandle).permissions);
}

/** The matched page, or "forbidden" when its route asks for permissions the user lacks. */
export function PermittedOutlet() {
  const { can } = useAuth();
  const matches = useMatches();
  const denied = matches.some((match) => isRouteHandle(match.handle) && match.handle.permissions.length > 0 && !match.handle.permissions.some(can));
  return denied ? <ForbiddenPage /> : <Outlet />;
}
