import type { RouteModule } from '../../platform/deps.ts';

// Placeholder: the routes land with their service (issue 6).
export const appraisalRecordRoutes: RouteModule = () => {};
