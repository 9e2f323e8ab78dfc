import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../../core/permissions.ts';

export const password = z.string().min(8).max(128);

export const signInBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }).strict();
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword: password }).strict();
export const updateMeBody = z.object({ locale: z.enum(['zh-CN', 'en']) }).strict();

export const me = z
  .object({
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      department: z.enum(['product', 'quality']).nullable(),
      locale: z.enum(['zh-CN', 'en']),
      employeeId: z.string().nullable(),
      customerId: z.string().nullable(),
      permissions: z.array(z.enum(PERMISSIONS)),
    }),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });
