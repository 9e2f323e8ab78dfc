import type { ServerResponse } from 'node:http';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { type BoardEvent, subscribeBoardEvents } from '../../platform/events.ts';
import { dispatchableTeamIds } from './policy.ts';
import {
  assignBody,
  boardOrderView,
  boardView,
  candidatesView,
  dayQuery,
  eventsQuery,
  orderParams,
  requirementBody,
  teamParams,
  teamRefList,
} from './schemas.ts';
import { assignOrder, getBoard, getCandidates, listDispatchTeams, requireTeam, updateRequirement } from './service.ts';

// The dispatch board (issue 5 points 1-3, 6, P4.1.2): teams, a team's day, ranked candidates,
// assigning from the board, an order's requirement, and the live event stream. Day plans are
// in plan-routes.ts.
const tags = ['dispatch'];
const dispatch = { access: 'work_orders.dispatch' } as const;

/** How often an idle event stream sends a comment, so proxies and browsers keep it open. */
const PING_MS = 25_000;

export const dispatchRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/dispatch/teams', { config: dispatch, schema: { tags, response: { 200: teamRefList } } }, async (request) =>
    listDispatchTeams(contextOf(request, deps)),
  );

  r.get(
    '/api/v1/dispatch/teams/:teamId/board',
    { config: dispatch, schema: { tags, params: teamParams, querystring: dayQuery, response: { 200: boardView } } },
    async (request) => getBoard(contextOf(request, deps), request.params.teamId, request.query.day),
  );

  r.get(
    '/api/v1/dispatch/orders/:orderId/candidates',
    {
      config: dispatch,
      schema: {
        tags,
        description: 'Every technician of the order’s team (all active technicians when it has none), ranked with the factors and, for those who may not take it, the reasons.',
        params: orderParams,
        querystring: dayQuery,
        response: { 200: candidatesView },
      },
    },
    async (request) => getCandidates(contextOf(request, deps), request.params.orderId, request.query.day),
  );

  r.post(
    '/api/v1/dispatch/orders/:orderId/assign',
    {
      config: dispatch,
      schema: {
        tags,
        description: 'Assigns (or reassigns) the order through its lifecycle. 422 `dispatch.ineligible` with `technicianName` and `reasons`; 409 on a stale version.',
        params: orderParams,
        body: assignBody,
        response: { 200: boardOrderView },
      },
    },
    async (request) => assignOrder(contextOf(request, deps), request.params.orderId, request.body),
  );

  r.patch(
    '/api/v1/dispatch/orders/:orderId/requirement',
    { config: dispatch, schema: { tags, params: orderParams, body: requirementBody, response: { 200: boardOrderView } } },
    async (request) => updateRequirement(contextOf(request, deps), request.params.orderId, request.body),
  );

  // Live updates (issue 5 point 6): server-sent events, one `data:` line of BoardEvent JSON per
  // change of the team's orders or plans (orders without a team reach every board).
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });
  r.get(
    '/api/v1/dispatch/events',
    {
      config: dispatch,
      schema: {
        tags,
        description: 'text/event-stream of BoardEvent JSON (`data:` lines) for one team, or every team the caller dispatches; `: ping` comments every 25 s.',
        querystring: eventsQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const teamId = request.query.teamId;
      if (teamId) await requireTeam(ctx, teamId);
      const teams = teamId ? [teamId] : dispatchableTeamIds(ctx.actor);
      const wanted = (e: BoardEvent) => teams === null || e.teamId === null || teams.includes(e.teamId);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n\n');
      streams.add(raw);
      const unsubscribe = subscribeBoardEvents((e) => {
        if (wanted(e)) raw.write(`data: ${JSON.stringify(e)}\n\n`);
      });
      const ping = setInterval(() => raw.write(': ping\n\n'), PING_MS);
      const stop = () => {
        clearInterval(ping);
        unsubscribe();
        streams.delete(raw);
      };
      request.raw.on('close', stop);
      raw.on('close', stop);
    },
  );
};
