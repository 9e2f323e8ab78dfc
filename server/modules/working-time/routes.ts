import type { RouteModule } from '../../platform/deps.ts';

// Placeholder: routes of issue 5 (see the module's brief).
export const workingTimeRoutes: RouteModule = () => {};
