// The planning worker's entry. Worker threads start without the parent's TypeScript loader
// (under `tsx server/main.ts` and under Vitest alike), so register tsx here, then load the job.
import { register } from 'tsx/esm/api';

register();
await import('./planner-job.ts');
