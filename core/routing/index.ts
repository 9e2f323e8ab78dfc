export type {
  PlannedRoute,
  RoutingNode,
  RoutingObjective,
  RoutingPenalties,
  RoutingProblem,
  RoutingSolution,
  RoutingVehicle,
  SolveOptions,
} from './model.ts';
export { solve } from './solve.ts';
