import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { id, idParams, text } from '../../platform/schemas.ts';
import { issueToken, listTokens, revokeToken } from './service.ts';

const tags = ['api-tokens'];
const config = { access: 'api_tokens.manage' } as const;

export const tokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    tokenPrefix: z.string(),
    user: z.object({ id: z.string(), username: z.string() }),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: 'ApiToken' });

const issueBody = z
  .object({
    name: text(80),
    userId: id,
    expiresAt: z.iso
      .datetime()
      .nullish()
      .transform((v) => (v ? new Date(v) : null)),
  })
  .strict();

export const apiTokenRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  r.get('/api/v1/api-tokens', { config, schema: { tags, response: { 200: z.object({ items: z.array(tokenView) }) } } }, async (request) =>
    listTokens(contextOf(request, deps)),
  );
  r.post(
    '/api/v1/api-tokens',
    { config, schema: { tags, body: issueBody, response: { 201: tokenView.extend({ token: z.string() }) } } },
    async (request, reply) => reply.code(201).send(await issueToken(contextOf(request, deps), request.body)),
  );
  r.post('/api/v1/api-tokens/:id/revoke', { config, schema: { tags, params: idParams, response: { 200: tokenView } } }, async (request) =>
    revokeToken(contextOf(request, deps), request.params.id),
  );
};
