import type { RouteModule } from '../../platform/deps.ts';

// PLACEHOLDER: the feedback module's routes (see the brief).
export const feedbackRoutes: RouteModule = (_app, _deps) => {};
