import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { bodyLimitFor } from '../work-orders/schemas.ts';
import { agreeBody, consultationList, consultationParams, consultationView, inviteBody, messageBody, openConsultationBody } from './schemas.ts';
import { agreeSolution, inviteToConsultation, joinConsultation, listConsultations, openConsultation, postMessage } from './service.ts';

const tags = ['consultations'];
// Ten attachments of up to 10 MB, base64-encoded, fit in one message.
const bodyLimit = bodyLimitFor(10);
const one = { 200: consultationView };

// Team consultation on a complex fault (P4.2.3). Internal: staff only; participants act.
export const consultationRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get(
    '/api/v1/work-orders/:id/consultations',
    { config: { access: 'work_orders.read' }, schema: { tags, params: idParams, response: { 200: consultationList } } },
    async (request) => listConsultations(contextOf(request, deps), request.params.id),
  );

  r.post(
    '/api/v1/work-orders/:id/consultations',
    { config: { access: 'work_orders.work' }, schema: { tags, params: idParams, body: openConsultationBody, response: { 201: consultationView } } },
    async (request, reply) => reply.code(201).send(await openConsultation(contextOf(request, deps), request.params.id, request.body)),
  );

  r.post(
    '/api/v1/consultations/:consultationId/join',
    { config: { access: 'work_orders.work' }, schema: { tags, params: consultationParams, response: one } },
    async (request) => joinConsultation(contextOf(request, deps), request.params.consultationId),
  );

  r.post(
    '/api/v1/consultations/:consultationId/invite',
    { config: { access: 'work_orders.work' }, schema: { tags, params: consultationParams, body: inviteBody, response: one } },
    async (request) => inviteToConsultation(contextOf(request, deps), request.params.consultationId, request.body.inviteeIds),
  );

  r.post(
    '/api/v1/consultations/:consultationId/messages',
    { bodyLimit, config: { access: 'work_orders.work' }, schema: { tags, params: consultationParams, body: messageBody, response: { 201: consultationView } } },
    async (request, reply) => reply.code(201).send(await postMessage(contextOf(request, deps), request.params.consultationId, request.body)),
  );

  r.post(
    '/api/v1/consultations/:consultationId/agree',
    { config: { access: 'work_orders.work' }, schema: { tags, params: consultationParams, body: agreeBody, response: one } },
    async (request) => agreeSolution(contextOf(request, deps), request.params.consultationId, request.body),
  );
};
