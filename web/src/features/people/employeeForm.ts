import type { Dayjs } from 'dayjs';
import type { Employee, EmployeeInput, Position } from '../../api/types.ts';
import { fromDateString, toDateString } from '../../lib/time.ts';

/** What the employee form holds: dates as DatePicker values. */
export interface EmployeeFormValues {
  employeeNo: string;
  name: string;
  position: Position;
  grade: string;
  teamId?: string | null;
  supervisorId?: string | null;
  hireDate?: Dayjs;
  priorExperienceMonths?: number | null;
  phone?: string;
  email?: string;
  skills?: { skill: string; level: number }[];
  certificates?: {
    id?: string;
    name: string;
    issuer: string;
    number: string;
    issuedOn?: Dayjs | null;
    expiresOn?: Dayjs | null;
  }[];
}

export function toFormValues(e: Employee): EmployeeFormValues {
  return {
    employeeNo: e.employeeNo,
    name: e.name,
    position: e.position,
    grade: e.grade,
    teamId: e.team?.id ?? null,
    supervisorId: e.supervisor?.id ?? null,
    hireDate: fromDateString(e.hireDate),
    priorExperienceMonths: e.priorExperienceMonths,
    phone: e.phone ?? '',
    email: e.email ?? '',
    skills: e.skills.map((s) => ({ skill: s.skill, level: s.level })),
    certificates: e.certificates.map((c) => ({
      id: c.id,
      name: c.name,
      issuer: c.issuer,
      number: c.number,
      issuedOn: fromDateString(c.issuedOn) ?? null,
      expiresOn: fromDateString(c.expiresOn) ?? null,
    })),
  };
}

const text = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * The request body. On create, empty optional fields are left out; on update they are sent
 * as null so a cleared field is cleared on the server too.
 */
export function toInput(v: EmployeeFormValues, mode: 'create' | 'update'): EmployeeInput {
  const optional = <T>(value: T | null | undefined): T | null | undefined => (value == null ? (mode === 'create' ? undefined : null) : value);
  return {
    employeeNo: v.employeeNo.trim(),
    name: v.name.trim(),
    position: v.position,
    grade: v.grade.trim(),
    teamId: optional(v.teamId),
    supervisorId: optional(v.supervisorId),
    hireDate: toDateString(v.hireDate) ?? '',
    priorExperienceMonths: v.priorExperienceMonths ?? 0,
    phone: optional(text(v.phone)),
    email: optional(text(v.email)),
    skills: (v.skills ?? []).map((s) => ({ skill: s.skill.trim(), level: s.level })),
    certificates: (v.certificates ?? []).map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: c.name.trim(),
      issuer: c.issuer?.trim() ?? '',
      number: c.number?.trim() ?? '',
      issuedOn: toDateString(c.issuedOn),
      expiresOn: toDateString(c.expiresOn),
    })),
  };
}
