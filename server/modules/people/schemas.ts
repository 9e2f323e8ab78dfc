import { z } from 'zod';
import { POSITIONS } from '../../../core/people.ts';
import { dateOnly, email, id, listQuery, page, phone, searchQuery, text, version } from '../../platform/schemas.ts';


const skill = z.object({ skill: text(40), level: z.number().int().min(1).max(5) }).strict();
const certificate = z
  .object({
    id: id.optional(),
    name: text(80),
    issuer: text(80),
    number: text(60),
    issuedOn: dateOnly.nullish().transform((v) => v ?? null),
    expiresOn: dateOnly.nullish().transform((v) => v ?? null),
  })
  .strict();

const fields = {
  employeeNo: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .refine((v) => /^[A-Za-z0-9-]+$/.test(v), { params: { messageKey: 'field.invalid' } }),
  name: text(50),
  position: z.enum(POSITIONS),
  grade: text(10),
  teamId: id.nullish().transform((v) => v ?? null),
  supervisorId: id.nullish().transform((v) => v ?? null),
  hireDate: dateOnly,
  priorExperienceMonths: z.number().int().min(0).max(600),
  phone,
  email,
  skills: z.array(skill).max(30),
  certificates: z.array(certificate).max(30),
};

export const createEmployeeBody = z
  .object({
    ...fields,
    priorExperienceMonths: fields.priorExperienceMonths.default(0),
    skills: fields.skills.default([]),
    certificates: fields.certificates.default([]),
  })
  .strict();
export const updateEmployeeBody = z.object({ version, ...fields }).partial().required({ version: true }).strict();
export const deactivateBody = z.object({ version, reason: text(200) }).strict();
export const reactivateBody = z.object({ version }).strict();

export const listEmployeesQuery = z
  .object({
    ...listQuery,
    q: searchQuery,
    position: z.enum(POSITIONS).optional(),
    teamId: id.optional(),
    status: z.enum(['active', 'inactive', 'all']).default('active'),
    certificate: z.enum(['expired']).optional(),
  })
  .strict();

export type CreateEmployee = z.infer<typeof createEmployeeBody>;
export type UpdateEmployee = z.infer<typeof updateEmployeeBody>;
export type ListEmployees = z.infer<typeof listEmployeesQuery>;

const ref = z.object({ id: z.string(), name: z.string() }).nullable();
export const employeeView = z
  .object({
    id: z.string(),
    employeeNo: z.string(),
    name: z.string(),
    position: z.enum(POSITIONS),
    grade: z.string(),
    team: ref,
    supervisor: ref,
    hireDate: z.string(),
    priorExperienceMonths: z.number(),
    serviceYears: z.number(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    status: z.enum(['active', 'inactive']),
    deactivatedAt: z.string().nullable(),
    deactivationReason: z.string().nullable(),
    skills: z.array(z.object({ skill: z.string(), level: z.number() })),
    certificates: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        issuer: z.string(),
        number: z.string(),
        issuedOn: z.string().nullable(),
        expiresOn: z.string().nullable(),
        expired: z.boolean(),
      }),
    ),
    user: z.object({ id: z.string(), username: z.string(), role: z.string() }).nullable(),
    version: z.number(),
    abilities: z.object({ update: z.boolean(), deactivate: z.boolean(), reactivate: z.boolean() }),
  })
  .meta({ id: 'Employee' });
export const employeePage = page(employeeView);

export const teamView = z
  .object({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    region: z.string(),
    supervisor: ref,
    memberCount: z.number(),
    active: z.boolean(),
    version: z.number(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Team' });
export const createTeamBody = z
  .object({ name: text(50), city: text(30), region: text(30), supervisorId: id.nullish().transform((v) => v ?? null) })
  .strict();
export const updateTeamBody = z
  .object({ version, name: text(50), city: text(30), region: text(30), supervisorId: id.nullable(), active: z.boolean() })
  .partial()
  .required({ version: true })
  .strict();
