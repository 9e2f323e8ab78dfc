import type { RouteModule } from '../../platform/deps.ts';

// PLACEHOLDER: the stock module's routes (see the brief).
export const stockRoutes: RouteModule = (_app, _deps) => {};
