import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { apiTokenRoutes } from './modules/api-tokens/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { consultationRoutes } from './modules/consultations/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { inboundEmailRoutes } from './modules/inbound-email/routes.ts';
import { knowledgeRoutes } from './modules/knowledge/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { employeeRoutes } from './modules/people/routes.ts';
import { teamRoutes } from './modules/people/team-routes.ts';
import { settingRoutes } from './modules/settings/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { workOrderRoutes } from './modules/work-orders/routes.ts';
import { acceptanceRoutes } from './modules/acceptance/routes.ts';
import { feedbackRoutes } from './modules/feedback/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { siteWorkRoutes } from './modules/site-work/routes.ts';
import { stockRoutes } from './modules/stock/routes.ts';
import { dispatchPlanRoutes } from './modules/dispatch/plan-routes.ts';
import { dispatchRoutes } from './modules/dispatch/routes.ts';
import { workingTimeRoutes } from './modules/working-time/routes.ts';
import { appraisalDashboardRoutes } from './modules/appraisal/dashboard-routes.ts';
import { appraisalRecordRoutes } from './modules/appraisal/records-routes.ts';
import { appraisalRoutes } from './modules/appraisal/routes.ts';
import { registerAuthentication } from './platform/auth.ts';
import type { AppDeps, RouteModule } from './platform/deps.ts';
import { errorHandler, notFoundHandler } from './platform/errors.ts';

const modules: RouteModule[] = [
  authRoutes,
  userRoutes,
  apiTokenRoutes,
  employeeRoutes,
  teamRoutes,
  customerRoutes,
  auditRoutes,
  settingRoutes,
  calendarRoutes,
  workOrderRoutes,
  consultationRoutes,
  knowledgeRoutes,
  notificationRoutes,
  inboundEmailRoutes,
  stockRoutes,
  siteWorkRoutes,
  acceptanceRoutes,
  reportRoutes,
  feedbackRoutes,
  dispatchRoutes,
  dispatchPlanRoutes,
  workingTimeRoutes,
  appraisalRoutes,
  appraisalRecordRoutes,
  appraisalDashboardRoutes,
];

export type BuildOptions = { logger?: FastifyServerOptions['logger']; webDist?: string | null };

/** The Fastify application; main.ts and the tests build it the same way. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aftersales API',
        version: '1',
        description: 'After-sales technical service run by its policy. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'as_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAuthentication(app, deps.db);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ready', database: deps.engine };
    } catch (err) {
      request.log.error({ err }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable', database: deps.engine });
    }
  });

  for (const register of modules) await app.register(async (scope) => register(scope, deps));

  const webDist = options.webDist;
  if (webDist && existsSync(`${webDist}/index.html`)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const html = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (html && webDist && existsSync(`${webDist}/index.html`)) return reply.sendFile('index.html');
    return notFoundHandler(request, reply);
  });
  return app;
}
