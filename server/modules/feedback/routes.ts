import { requestLocale } from '../../platform/messages.ts';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { decodeAttachments } from '../work-orders/attachments.ts';
import { defectReport, defectReportWorkbook } from './defect-report.ts';
import { completeFollowUp, createFollowUp, listFollowUps } from './follow-ups.ts';
import {
  completeFollowUpBody,
  createFollowUpBody,
  defectReportQuery,
  defectReportView,
  feedbackOptionsView,
  feedbackPage,
  feedbackTransitionBody,
  feedbackView,
  followUpPage,
  followUpView,
  listFeedbackQuery,
  listFollowUpsQuery,
  orderFeedbackView,
  photoParams,
  raiseFeedbackBody,
} from './schemas.ts';
import { feedbackOptions, getFeedback, listFeedback, orderFeedback, raiseFeedback, readFeedbackPhoto, transitionFeedback } from './service.ts';
import { bodyLimitFor } from '../work-orders/schemas.ts';

const tags = ['feedback'];
const read = { access: 'feedback.read' } as const;
const answer = { access: 'feedback.answer' } as const;
// Raised from an order and followed up on it: the order's own rules (loadForActor) decide who.
const onOrder = { access: 'work_orders.read' } as const;
// Ten photos of up to 10 MB each, base64.
const bodyLimit = bodyLimitFor(10);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const feedbackRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/feedback', { config: read, schema: { tags, querystring: listFeedbackQuery, response: { 200: feedbackPage } } }, async (request) =>
    listFeedback(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/feedback/options', { config: { access: 'authenticated' }, schema: { tags, response: { 200: feedbackOptionsView } } }, async (request) =>
    feedbackOptions(contextOf(request, deps)),
  );
  r.get('/api/v1/feedback/defect-report', { config: read, schema: { tags, querystring: defectReportQuery, response: { 200: defectReportView } } }, async (request) =>
    defectReport(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/feedback/defect-report.xlsx', { config: read, schema: { tags, querystring: defectReportQuery } }, async (request, reply) => {
    const { buffer, filename } = await defectReportWorkbook(contextOf(request, deps), request.query, requestLocale(request));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
  });
  r.get('/api/v1/feedback/:id', { config: read, schema: { tags, params: idParams, response: { 200: feedbackView } } }, async (request) =>
    getFeedback(contextOf(request, deps), request.params.id),
  );
  r.post(
    '/api/v1/feedback/:id/transitions',
    { config: answer, schema: { tags, params: idParams, body: feedbackTransitionBody, response: { 200: feedbackView } } },
    async (request) => transitionFeedback(contextOf(request, deps), request.params.id, request.body),
  );
  r.get('/api/v1/feedback/:id/photos/:attachmentId', { config: read, schema: { tags, params: photoParams } }, async (request, reply) => {
    const photo = await readFeedbackPhoto(contextOf(request, deps), request.params.id, request.params.attachmentId);
    return reply
      .type(photo.contentType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(photo.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(photo.data));
  });

  r.get('/api/v1/work-orders/:id/feedback', { config: onOrder, schema: { tags, params: idParams, response: { 200: orderFeedbackView } } }, async (request) =>
    orderFeedback(contextOf(request, deps), request.params.id),
  );
  r.post(
    '/api/v1/work-orders/:id/feedback',
    { bodyLimit, config: onOrder, schema: { tags, params: idParams, body: raiseFeedbackBody, response: { 201: feedbackView } } },
    async (request, reply) =>
      reply.code(201).send(await raiseFeedback(contextOf(request, deps), request.params.id, request.body, decodeAttachments(request.body.photos, 'photos'))),
  );
  r.post(
    '/api/v1/work-orders/:id/follow-ups',
    { config: onOrder, schema: { tags, params: idParams, body: createFollowUpBody, response: { 201: followUpView } } },
    async (request, reply) => reply.code(201).send(await createFollowUp(contextOf(request, deps), request.params.id, request.body)),
  );
  r.get('/api/v1/follow-ups', { config: { access: 'authenticated' }, schema: { tags, querystring: listFollowUpsQuery, response: { 200: followUpPage } } }, async (request) =>
    listFollowUps(contextOf(request, deps), request.query),
  );
  r.post(
    '/api/v1/follow-ups/:id/complete',
    { config: onOrder, schema: { tags, params: idParams, body: completeFollowUpBody, response: { 200: followUpView } } },
    async (request) => completeFollowUp(contextOf(request, deps), request.params.id, request.body),
  );
};
