import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { createPlanBody, dispatchPlanView, moveBody, planParams, planVersionBody, teamParams, urgentBody } from './plan-schemas.ts';
import { closePlanner } from './planner.ts';
import { acceptPlan, createPlan, discardPlan, getPlan, moveInPlan, urgentReplan } from './plans.ts';

// Day plans (issue 5 point 4): plan a team's day, edit, insert an urgent order, accept, discard.
const tags = ['dispatch'];
const plan = { access: 'dispatch.plan' } as const;

export const dispatchPlanRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  // The planning worker goes with the application.
  app.addHook('onClose', async () => closePlanner());

  r.post(
    '/api/v1/dispatch/teams/:teamId/plans',
    { config: plan, schema: { tags, params: teamParams, body: createPlanBody, response: { 201: dispatchPlanView } } },
    async (request, reply) => reply.code(201).send(await createPlan(contextOf(request, deps), request.params.teamId, request.body)),
  );
  r.get(
    '/api/v1/dispatch/plans/:planId',
    { config: { access: 'work_orders.dispatch' }, schema: { tags, params: planParams, response: { 200: dispatchPlanView } } },
    async (request) => getPlan(contextOf(request, deps), request.params.planId),
  );
  r.post(
    '/api/v1/dispatch/plans/:planId/moves',
    { config: plan, schema: { tags, params: planParams, body: moveBody, response: { 200: dispatchPlanView } } },
    async (request) => moveInPlan(contextOf(request, deps), request.params.planId, request.body),
  );
  r.post(
    '/api/v1/dispatch/plans/:planId/urgent',
    { config: plan, schema: { tags, params: planParams, body: urgentBody, response: { 201: dispatchPlanView } } },
    async (request, reply) => reply.code(201).send(await urgentReplan(contextOf(request, deps), request.params.planId, request.body)),
  );
  r.post(
    '/api/v1/dispatch/plans/:planId/accept',
    { config: plan, schema: { tags, params: planParams, body: planVersionBody, response: { 200: dispatchPlanView } } },
    async (request) => acceptPlan(contextOf(request, deps), request.params.planId, request.body.version),
  );
  r.post(
    '/api/v1/dispatch/plans/:planId/discard',
    { config: plan, schema: { tags, params: planParams, body: planVersionBody, response: { 200: dispatchPlanView } } },
    async (request) => discardPlan(contextOf(request, deps), request.params.planId, request.body.version),
  );
};
