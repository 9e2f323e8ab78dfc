import { type Actor, can } from '../../platform/actor.ts';

// Who dispatches which team (issue 5): a supervisor the teams they lead; agents, managers and
// administrators every team (as work-orders/policy.ts decides for single orders).

export function mayDispatchTeam(actor: Actor, teamId: string): boolean {
  if (!can(actor, 'work_orders.dispatch')) return false;
  return actor.role !== 'supervisor' || actor.supervisedTeamIds.includes(teamId);
}

/** The teams whose boards the caller may watch; null: every team. */
export function dispatchableTeamIds(actor: Actor): readonly string[] | null {
  return actor.role === 'supervisor' ? actor.supervisedTeamIds : null;
}
