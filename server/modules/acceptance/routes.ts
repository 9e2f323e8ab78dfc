import type { RouteModule } from '../../platform/deps.ts';

// PLACEHOLDER: the acceptance module's routes (see the brief).
export const acceptanceRoutes: RouteModule = (_app, _deps) => {};
