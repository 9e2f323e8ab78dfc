import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { createCode, listCodes, setCodeActive, updateCode } from './fault-codes.ts';
import {
  createFaultCodeBody,
  faultCodeList,
  faultCodeParams,
  faultCodeStateBody,
  faultCodeView,
  fileReportBody,
  listFaultCodesQuery,
  pdfQuery,
  renderBody,
  renderResult,
  reportView,
  saveReportBody,
  updateFaultCodeBody,
} from './schemas.ts';
import { fileReport, getReport, reportPdf, rerenderReport, saveReport } from './service.ts';

const tags = ['reports'];
const manage = { access: 'fault_codes.manage' } as const;
// Order readers reach the report; the service narrows it (the assignee edits and files).
const orderRead = { access: 'work_orders.read' } as const;

export const reportRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/fault-codes', { config: { access: 'authenticated' }, schema: { tags, querystring: listFaultCodesQuery, response: { 200: faultCodeList } } }, async (request) =>
    listCodes(contextOf(request, deps), request.query),
  );
  r.post('/api/v1/fault-codes', { config: manage, schema: { tags, body: createFaultCodeBody, response: { 201: faultCodeView } } }, async (request, reply) =>
    reply.code(201).send(await createCode(contextOf(request, deps), request.body)),
  );
  r.patch('/api/v1/fault-codes/:code', { config: manage, schema: { tags, params: faultCodeParams, body: updateFaultCodeBody, response: { 200: faultCodeView } } }, async (request) =>
    updateCode(contextOf(request, deps), request.params.code, request.body),
  );
  r.post(
    '/api/v1/fault-codes/:code/deactivate',
    { config: manage, schema: { tags, params: faultCodeParams, body: faultCodeStateBody, response: { 200: faultCodeView } } },
    async (request) => setCodeActive(contextOf(request, deps), request.params.code, request.body.version, false),
  );
  r.post(
    '/api/v1/fault-codes/:code/reactivate',
    { config: manage, schema: { tags, params: faultCodeParams, body: faultCodeStateBody, response: { 200: faultCodeView } } },
    async (request) => setCodeActive(contextOf(request, deps), request.params.code, request.body.version, true),
  );

  r.get('/api/v1/work-orders/:id/report', { config: orderRead, schema: { tags, params: idParams, response: { 200: reportView } } }, async (request) =>
    getReport(contextOf(request, deps), request.params.id),
  );
  r.put('/api/v1/work-orders/:id/report', { config: orderRead, schema: { tags, params: idParams, body: saveReportBody, response: { 200: reportView } } }, async (request) =>
    saveReport(contextOf(request, deps), request.params.id, request.body),
  );
  r.post(
    '/api/v1/work-orders/:id/report/file',
    { config: orderRead, schema: { tags, params: idParams, querystring: pdfQuery, body: fileReportBody, response: { 200: reportView } } },
    async (request) => fileReport(contextOf(request, deps), request.params.id, request.body, request.query.locale),
  );
  r.post(
    '/api/v1/work-orders/:id/report/render',
    { config: orderRead, schema: { tags, params: idParams, body: renderBody, response: { 200: renderResult } } },
    async (request) => rerenderReport(contextOf(request, deps), request.params.id, request.body?.locale),
  );
  r.get('/api/v1/work-orders/:id/report.pdf', { config: orderRead, schema: { tags, params: idParams, querystring: pdfQuery } }, async (request, reply) => {
    const file = await reportPdf(contextOf(request, deps), request.params.id, request.query.locale);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.data);
  });
};
