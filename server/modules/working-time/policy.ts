import { type Actor, can } from '../../platform/actor.ts';

// Who may see and change working-time records (issue 5 point 1). Those who manage working time
// (supervisors, HR, managers, administrators) change them; dispatchers read them to plan. A
// supervisor only for the people of the teams they lead.

function inScope(actor: Actor, teamId: string | null): boolean {
  if (actor.role !== 'supervisor') return true;
  return teamId !== null && actor.supervisedTeamIds.includes(teamId);
}

const reader = (actor: Actor) => can(actor, 'working_time.manage') || can(actor, 'work_orders.dispatch');

export const workingTimePolicy = {
  /** Whether the caller reads working time at all (some team's). */
  readAny: reader,
  /** Reading a team's shifts and leave. */
  read: (actor: Actor, teamId: string | null) => reader(actor) && inScope(actor, teamId),
  /** Entering or removing an employee's shift or leave (their team decides). */
  manage: (actor: Actor, teamId: string | null) => can(actor, 'working_time.manage') && inScope(actor, teamId),
  /** The reason for leave is personal: only those who manage working time read it. */
  readLeaveNote: (actor: Actor) => can(actor, 'working_time.manage'),
};
