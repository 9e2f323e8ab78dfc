import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { createTeamBody, teamView, updateTeamBody } from './schemas.ts';
import { createTeam, teamsOf, updateTeam } from './team-service.ts';

const tags = ['people'];

export const teamRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  r.get(
    '/api/v1/teams',
    { config: { access: 'teams.read' }, schema: { tags, response: { 200: z.object({ items: z.array(teamView) }) } } },
    async (request) => teamsOf(contextOf(request, deps)),
  );
  r.post(
    '/api/v1/teams',
    { config: { access: 'teams.write' }, schema: { tags, body: createTeamBody, response: { 201: teamView } } },
    async (request, reply) => reply.code(201).send(await createTeam(contextOf(request, deps), request.body)),
  );
  r.patch(
    '/api/v1/teams/:id',
    { config: { access: 'teams.write' }, schema: { tags, params: idParams, body: updateTeamBody, response: { 200: teamView } } },
    async (request) => updateTeam(contextOf(request, deps), request.params.id, request.body),
  );
};
