import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Permission } from '../../core/permissions.ts';
import type { DB } from '../db/schema.ts';
import { type Actor, actorFromUser } from './actor.ts';
import { AppError, errors } from './errors.ts';
import { hashSecret, sameSecret } from './tokens.ts';

/** Who may call a route: anyone, any signed-in user, or holders of one permission. */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'as_session';
const BEARER = /^Bearer\s+(\S+)$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 5 * 60 * 1000;

async function actorFromSession(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select(['sessions.id as sessionId', 'sessions.csrfToken', 'sessions.lastSeenAt', 'sessions.expiresAt'])
    .where('sessions.tokenHash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row?.active || row.expiresAt.getTime() <= Date.now()) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: new Date() }).where('id', '=', row.sessionId).execute();
  }
  const { sessionId, csrfToken, lastSeenAt: _l, expiresAt: _e, ...user } = row;
  return actorFromUser(db, user, { kind: 'session', sessionId, csrfToken });
}

async function actorFromApiToken(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .selectAll('users')
    .select(['apiTokens.id as tokenId', 'apiTokens.revokedAt', 'apiTokens.expiresAt as tokenExpiresAt'])
    .where('apiTokens.tokenHash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row?.active || row.revokedAt || (row.tokenExpiresAt && row.tokenExpiresAt.getTime() <= Date.now())) return null;
  await db.updateTable('apiTokens').set({ lastUsedAt: new Date() }).where('id', '=', row.tokenId).execute();
  const { tokenId, revokedAt: _r, tokenExpiresAt: _t, ...user } = row;
  return actorFromUser(db, user, { kind: 'token', tokenId });
}

/** Cookie-authenticated writes must echo the session's CSRF token; bearer tokens are not sent by browsers on their own. */
function checkCsrf(request: FastifyRequest, actor: Actor) {
  if (SAFE_METHODS.has(request.method) || actor.via.kind !== 'session') return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameSecret(header, actor.via.csrfToken)) throw new AppError(403, 'auth.csrf');
}

/** A sign-in form posted from another site is refused even though it carries no session yet. */
export function checkSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  try {
    if (new URL(origin).host !== host) throw new AppError(403, 'auth.csrf');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(403, 'auth.csrf');
  }
}

export function registerAuthentication(app: FastifyInstance, db: Kysely<DB>) {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    request.actor = bearer
      ? await actorFromApiToken(db, bearer)
      : cookie
        ? await actorFromSession(db, cookie)
        : null;
    if (access === 'public') return;
    if (!request.actor) throw errors.unauthenticated();
    checkCsrf(request, request.actor);
    if (access !== 'authenticated' && !request.actor.permissions.has(access)) throw errors.forbidden();
  });
}

/** The actor of a route whose access rule already required one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
