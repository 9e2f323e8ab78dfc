import { serviceYears } from '../../../core/service-years.ts';
import type { Employee } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { employeeDetails } from './queries.ts';
import { employeePolicy } from './policy.ts';

type Details = Awaited<ReturnType<typeof employeeDetails>>;

export function presentEmployees(actor: Actor, rows: Employee[], details: Details, today: string) {
  const names = new Map(details.names.map((n) => [n.id, n.name]));
  const teams = new Map(details.teams.map((t) => [t.id, t.name]));
  return rows.map((e) => {
    const user = details.users.find((u) => u.employeeId === e.id);
    return {
      id: e.id,
      employeeNo: e.employeeNo,
      name: e.name,
      position: e.position,
      grade: e.grade,
      team: e.teamId ? { id: e.teamId, name: teams.get(e.teamId) ?? '' } : null,
      supervisor: e.supervisorId ? { id: e.supervisorId, name: names.get(e.supervisorId) ?? '' } : null,
      hireDate: e.hireDate,
      priorExperienceMonths: e.priorExperienceMonths,
      serviceYears: serviceYears(e.hireDate, e.priorExperienceMonths, today),
      phone: e.phone,
      email: e.email,
      status: e.status,
      deactivatedAt: e.deactivatedAt?.toISOString() ?? null,
      deactivationReason: e.deactivationReason,
      skills: details.skills.filter((s) => s.employeeId === e.id).map(({ skill, level }) => ({ skill, level })),
      certificates: details.certificates
        .filter((c) => c.employeeId === e.id)
        .map((c) => ({
          id: c.id,
          name: c.name,
          issuer: c.issuer,
          number: c.number,
          issuedOn: c.issuedOn,
          expiresOn: c.expiresOn,
          expired: c.expiresOn !== null && c.expiresOn < today,
        })),
      user: user ? { id: user.id, username: user.username, role: user.role } : null,
      version: e.version,
      abilities: employeePolicy.abilities(actor, e),
    };
  });
}
