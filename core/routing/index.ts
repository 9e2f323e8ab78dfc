export type {
  PlannedRoute,
  RoutingNode,
  RoutingObjective,
  RoutingProblem,
  RoutingSolution,
  RoutingVehicle,
  SolveOptions,
} from './model.ts';
export { solve } from './solve.ts';
