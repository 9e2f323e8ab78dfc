import type { RouteModule } from '../../platform/deps.ts';

// PLACEHOLDER: the site-work module's routes (see the brief).
export const siteWorkRoutes: RouteModule = (_app, _deps) => {};
