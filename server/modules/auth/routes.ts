import { z } from 'zod';
import { checkSameOrigin, SESSION_COOKIE } from '../../platform/auth.ts';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { changePasswordBody, me, signInBody, updateMeBody } from './schemas.ts';
import { changePassword, presentMe, setLocale, signIn, signOut } from './service.ts';

const tags = ['auth'];

export const authRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  const secure = (protocol: string) =>
    deps.config.cookieSecure === 'true' || (deps.config.cookieSecure === 'auto' && protocol === 'https');

  r.post(
    '/api/v1/auth/sign-in',
    { config: { access: 'public' }, schema: { tags, body: signInBody, response: { 200: me } } },
    async (request, reply) => {
      checkSameOrigin(request);
      const result = await signIn(
        deps.db,
        {
          ...request.body,
          userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
          ip: request.ip,
          requestId: request.id,
        },
        deps.config.sessionTtlHours,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request.protocol),
        path: '/',
        expires: result.expiresAt,
      });
      return presentMe(result.actor);
    },
  );

  r.post('/api/v1/auth/sign-out', { config: { access: 'authenticated' }, schema: { tags } }, async (request, reply) => {
    await signOut(deps.db, contextOf(request, deps).actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/v1/auth/me', { config: { access: 'authenticated' }, schema: { tags, response: { 200: me } } }, async (request) =>
    presentMe(contextOf(request, deps).actor),
  );

  r.patch(
    '/api/v1/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, body: updateMeBody, response: { 200: me } } },
    async (request) => presentMe(await setLocale(contextOf(request, deps), request.body.locale)),
  );

  r.post(
    '/api/v1/auth/change-password',
    { config: { access: 'authenticated' }, schema: { tags, body: changePasswordBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await changePassword(contextOf(request, deps), request.body);
      return reply.code(204).send(null);
    },
  );
};
