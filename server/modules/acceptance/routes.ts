import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { acceptanceParams, orderAcceptanceView, surveyBody, surveyDone, surveyParams, surveyView } from './schemas.ts';
import { getOrderAcceptance, getSignature } from './service.ts';
import { getSurvey, submitSurvey } from './survey.ts';

const tags = ['acceptance'];
const readOrder = { access: 'work_orders.read' } as const;
// The survey link is the customer's credential (P5.1.1): signed, expiring, single use; no sign-in.
const publicLink = { access: 'public' } as const;

export const acceptanceRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get(
    '/api/v1/work-orders/:id/acceptance',
    { config: readOrder, schema: { tags, params: idParams, response: { 200: orderAcceptanceView } } },
    async (request) => getOrderAcceptance(contextOf(request, deps), request.params.id),
  );
  r.get(
    '/api/v1/work-orders/:id/acceptance/:acceptanceId/signature.png',
    { config: readOrder, schema: { tags, params: acceptanceParams } },
    async (request, reply) => {
      const png = await getSignature(contextOf(request, deps), request.params.id, request.params.acceptanceId);
      return reply.type('image/png').header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(png);
    },
  );

  r.get('/api/v1/surveys/:token', { config: publicLink, schema: { tags, params: surveyParams, response: { 200: surveyView } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return getSurvey(deps.db, request.params.token);
  });
  r.post(
    '/api/v1/surveys/:token',
    { config: publicLink, schema: { tags, params: surveyParams, body: surveyBody, response: { 200: surveyDone } } },
    async (request) => submitSurvey(deps.db, request.id, request.params.token, request.body),
  );
};
