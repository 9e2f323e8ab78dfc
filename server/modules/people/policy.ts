import { type Actor, can } from '../../platform/actor.ts';

// Object-level rules for people: HR and administrators manage everyone; a supervisor
// manages the people of the teams they lead.
type EmployeeRef = { teamId: string | null; status: 'active' | 'inactive' };

function inScope(actor: Actor, teamId: string | null): boolean {
  if (actor.role !== 'supervisor') return true;
  return teamId !== null && actor.supervisedTeamIds.includes(teamId);
}

export const employeePolicy = {
  create: (actor: Actor) => can(actor, 'people.create'),
  update: (actor: Actor, e: EmployeeRef) => can(actor, 'people.write') && inScope(actor, e.teamId),
  /** A supervisor may move a person only between the teams they lead. */
  assignTeam: (actor: Actor, teamId: string | null) => inScope(actor, teamId),
  deactivate: (actor: Actor, e: EmployeeRef) => can(actor, 'people.deactivate') && e.status === 'active',
  reactivate: (actor: Actor, e: EmployeeRef) => can(actor, 'people.deactivate') && e.status === 'inactive',
  abilities(actor: Actor, e: EmployeeRef) {
    return { update: this.update(actor, e), deactivate: this.deactivate(actor, e), reactivate: this.reactivate(actor, e) };
  },
};

export const teamPolicy = {
  update: (actor: Actor) => can(actor, 'teams.write'),
};
