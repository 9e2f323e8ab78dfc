import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody, userPage, userView } from './schemas.ts';
import { createUser, listUsers, resetPassword, updateUser } from './service.ts';

const tags = ['users'];
const config = { access: 'users.manage' } as const;

export const userRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  r.get('/api/v1/users', { config, schema: { tags, querystring: listUsersQuery, response: { 200: userPage } } }, async (request) =>
    listUsers(contextOf(request, deps), request.query),
  );
  r.post('/api/v1/users', { config, schema: { tags, body: createUserBody, response: { 201: userView } } }, async (request, reply) =>
    reply.code(201).send(await createUser(contextOf(request, deps), request.body)),
  );
  r.patch('/api/v1/users/:id', { config, schema: { tags, params: idParams, body: updateUserBody, response: { 200: userView } } }, async (request) =>
    updateUser(contextOf(request, deps), request.params.id, request.body),
  );
  r.post(
    '/api/v1/users/:id/reset-password',
    { config, schema: { tags, params: idParams, body: resetPasswordBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await resetPassword(contextOf(request, deps), request.params.id, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );
};
