import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { errors } from '../../platform/errors.ts';
import { idParams } from '../../platform/schemas.ts';
import { addComment, readAttachment } from './comments.ts';
import { decodeAttachments } from './attachments.ts';
import { getOrder, listOrders } from './read.ts';
import {
  apiIntakeBody,
  attachmentParams,
  bodyLimitFor,
  commentBody,
  listWorkOrdersQuery,
    portalIntakeBody,
  staffIntakeBody,
  transitionBody,
  workOrderPage,
  workOrderView,
} from './schemas.ts';
import { serviceRecord, serviceRecordView } from './service-record.ts';
import { intakeByApi, intakeByCustomer, intakeByStaff } from './service.ts';
import { transitionOrder } from './transitions.ts';

const tags = ['work-orders'];
// Ten attachments of up to 10 MB, base64-encoded, fit in one request.
const bodyLimit = bodyLimitFor(10);
const one = { 200: workOrderView };

export const workOrderRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/work-orders', { config: { access: 'work_orders.read' }, schema: { tags, querystring: listWorkOrdersQuery, response: { 200: workOrderPage } } }, async (request) =>
    listOrders(contextOf(request, deps), request.query),
  );

  r.post(
    '/api/v1/work-orders',
    { bodyLimit, config: { access: 'work_orders.create' }, schema: { tags, body: staffIntakeBody, response: { 201: workOrderView } } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      // A portal customer reports through the portal route, which fixes the customer.
      if (ctx.actor.role === 'customer') throw errors.forbidden();
      return reply.code(201).send(await intakeByStaff(ctx, request.body));
    },
  );

  r.post(
    '/api/v1/portal/work-orders',
    { bodyLimit, config: { access: 'work_orders.create' }, schema: { tags, body: portalIntakeBody, response: { 201: workOrderView } } },
    async (request, reply) => reply.code(201).send(await intakeByCustomer(contextOf(request, deps), request.body)),
  );

  r.post(
    '/api/v1/intake/work-orders',
    {
      bodyLimit,
      config: { access: 'work_orders.create' },
      schema: {
        tags,
        description: 'Webhook intake for chat systems and bots. Send an Idempotency-Key header: a retried delivery answers the same order with 200.',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: apiIntakeBody,
        response: { 200: workOrderView, 201: workOrderView },
      },
    },
    async (request, reply) => {
      const result = await intakeByApi(contextOf(request, deps), request.body, request.headers['idempotency-key']);
      return reply.code(result.created ? 201 : 200).send(result.order);
    },
  );

  r.get('/api/v1/work-orders/:id', { config: { access: 'work_orders.read' }, schema: { tags, params: idParams, response: one } }, async (request) =>
    getOrder(contextOf(request, deps), request.params.id),
  );

  r.get(
    '/api/v1/work-orders/:id/service-record',
    {
      config: { access: 'work_orders.read' },
      schema: {
        tags,
        description: 'What the record holds for the appraisal (arrival against its deadline, resolution, rating, consultation participants) and what is still missing before the order may close. Staff only.',
        params: idParams,
        response: { 200: serviceRecordView },
      },
    },
    async (request) => serviceRecord(contextOf(request, deps), request.params.id),
  );

  r.post(
    '/api/v1/work-orders/:id/transitions',
    // An acceptance carries the drawn signature (a PNG data URL).
    { bodyLimit: bodyLimitFor(0) + 2 * 1024 * 1024, config: { access: 'work_orders.read' }, schema: { tags, params: idParams, body: transitionBody, response: one } },
    async (request) => transitionOrder(contextOf(request, deps), request.params.id, request.body),
  );

  r.post(
    '/api/v1/work-orders/:id/comments',
    { bodyLimit, config: { access: 'work_orders.read' }, schema: { tags, params: idParams, body: commentBody, response: { 201: workOrderView } } },
    async (request, reply) =>
      reply.code(201).send(await addComment(contextOf(request, deps), request.params.id, { ...request.body, attachments: decodeAttachments(request.body.attachments) })),
  );

  r.get('/api/v1/work-orders/:id/attachments/:attachmentId', { config: { access: 'work_orders.read' }, schema: { tags, params: attachmentParams } }, async (request, reply) => {
    const file = await readAttachment(contextOf(request, deps), request.params.id, request.params.attachmentId);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.data));
  });
};
