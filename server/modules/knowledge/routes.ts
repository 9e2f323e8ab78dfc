import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { similarQuery, similarView } from './schemas.ts';
import { similarOrders } from './service.ts';

const tags = ['knowledge'];

// Knowledge at hand (P2.1.1-P2.1.2): staff only; a customer gets 404.
export const knowledgeRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  r.get(
    '/api/v1/work-orders/:id/similar',
    { config: { access: 'work_orders.read' }, schema: { tags, params: idParams, querystring: similarQuery, response: { 200: similarView } } },
    async (request) => similarOrders(contextOf(request, deps), request.params.id, request.query.limit),
  );
};
