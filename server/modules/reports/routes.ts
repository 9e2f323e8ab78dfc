import type { RouteModule } from '../../platform/deps.ts';

// PLACEHOLDER: the reports module's routes (see the brief).
export const reportRoutes: RouteModule = (_app, _deps) => {};
