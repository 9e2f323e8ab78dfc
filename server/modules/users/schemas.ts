import { z } from 'zod';
import { ROLES } from '../../../core/permissions.ts';
import { id, listQuery, page, searchQuery, text, version } from '../../platform/schemas.ts';
import { password } from '../auth/schemas.ts';

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .refine((v) => /^[A-Za-z0-9._@-]+$/.test(v), { params: { messageKey: 'field.invalid' } });
const links = {
  department: z.enum(['product', 'quality']).nullable(),
  employeeId: id.nullable(),
  customerId: id.nullable(),
};

export const createUserBody = z
  .object({
    username,
    displayName: text(60),
    password,
    role: z.enum(ROLES),
    department: links.department.optional().transform((v) => v ?? null),
    employeeId: links.employeeId.optional().transform((v) => v ?? null),
    customerId: links.customerId.optional().transform((v) => v ?? null),
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .strict();
export const updateUserBody = z
  .object({ version, displayName: text(60), role: z.enum(ROLES), active: z.boolean(), ...links })
  .partial()
  .required({ version: true })
  .strict();
export const resetPasswordBody = z.object({ newPassword: password }).strict();
export const listUsersQuery = z.object({ ...listQuery, q: searchQuery, role: z.enum(ROLES).optional() }).strict();

export type CreateUser = z.infer<typeof createUserBody>;
export type UpdateUser = z.infer<typeof updateUserBody>;

export const userView = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    department: z.enum(['product', 'quality']).nullable(),
    employee: z.object({ id: z.string(), name: z.string() }).nullable(),
    customer: z.object({ id: z.string(), name: z.string() }).nullable(),
    locale: z.enum(['zh-CN', 'en']),
    active: z.boolean(),
    version: z.number(),
    abilities: z.object({ update: z.boolean(), resetPassword: z.boolean() }),
  })
  .meta({ id: 'User' });
export const userPage = page(userView);
