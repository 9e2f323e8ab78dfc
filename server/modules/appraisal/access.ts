import type { Actor } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import type { ResultRow } from './queries.ts';

// Who sees and acts on appraisal results (issue 6 point 5): the technician their own, the
// supervisor their teams', HR (and managers, read only) everyone's.

const readsAll = (actor: Actor) => actor.permissions.has('appraisal.read_all');
const supervises = (actor: Actor, r: Pick<ResultRow, 'teamId' | 'supervisorId'>) =>
  actor.role === 'supervisor' && ((r.teamId !== null && actor.supervisedTeamIds.includes(r.teamId)) || (actor.employeeId !== null && r.supervisorId === actor.employeeId));
const owns = (actor: Actor, r: Pick<ResultRow, 'employeeId'>) => actor.employeeId !== null && actor.employeeId === r.employeeId;

export function mayRead(actor: Actor, r: ResultRow): boolean {
  return readsAll(actor) || supervises(actor, r) || owns(actor, r);
}

/** The filter a list runs under: all, the supervisor's teams, or the caller's own results. */
export function listScope(actor: Actor): { teamIds?: readonly string[]; employeeId?: string } | 'all' {
  if (readsAll(actor)) return 'all';
  if (actor.role === 'supervisor') return { teamIds: actor.supervisedTeamIds };
  if (actor.employeeId) return { employeeId: actor.employeeId };
  return { employeeId: '00000000-0000-0000-0000-000000000000' };
}

export function abilitiesOn(actor: Actor, r: ResultRow) {
  const manage = actor.permissions.has('appraisal.manage');
  return {
    self: owns(actor, r) && r.periodKind === 'monthly',
    review: supervises(actor, r) || actor.role === 'admin',
    calibrate: manage,
    acknowledge: owns(actor, r),
    appeal: owns(actor, r),
    answer: manage,
  };
}

/** Loads nothing: refuses when the caller may not take the step on this result (403). */
export function assertMay(actor: Actor, r: ResultRow, step: keyof ReturnType<typeof abilitiesOn>) {
  if (!mayRead(actor, r) && step !== 'review') throw errors.forbidden();
  if (!abilitiesOn(actor, r)[step]) throw errors.forbidden();
}
