import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import {
  createGrowth,
  excellentList,
  fulfilDevelopmentAction,
  getExcuse,
  getTemplate,
  listDevelopmentActions,
  listExcuses,
  listGrowth,
  listTemplates,
  payCoefficients,
  putExcuse,
  putTemplate,
  removeExcuse,
  removeGrowth,
} from './records.ts';
import {
  createGrowthBody,
  developmentActionView,
  developmentQuery,
  excellentQuery,
  excellentView,
  excuseParams,
  excusesQuery,
  excuseView,
  fulfilBody,
  growthQuery,
  growthRecordView,
  payCoefficientView,
  payQuery,
  putExcuseBody,
  putTemplateBody,
  templateParams,
  templateView,
} from './schemas.ts';

// Appraisal records (issue 6): evaluation templates (P5.3.1-2), growth records (P5.1.4),
// excused arrivals (P5.1.2), and the results applied (P5.4): pay coefficients for payroll,
// the annual excellent list, development actions. Object-level scope is checked in records.ts.
const tags = ['appraisal'];
const read = { access: 'authenticated' } as const;
const records = { access: 'appraisal.records' } as const;
const readAll = { access: 'appraisal.read_all' } as const;
const manage = { access: 'appraisal.manage' } as const;

export const appraisalRecordRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/appraisal/templates', { config: read, schema: { tags, response: { 200: z.array(templateView) } } }, async (request) =>
    listTemplates(contextOf(request, deps)),
  );
  r.get(
    '/api/v1/appraisal/templates/:kind',
    { config: read, schema: { tags, params: templateParams, response: { 200: templateView } } },
    async (request) => getTemplate(contextOf(request, deps), request.params.kind),
  );
  r.put(
    '/api/v1/appraisal/templates/:kind',
    { config: manage, schema: { tags, params: templateParams, body: putTemplateBody, response: { 200: templateView } } },
    async (request) => putTemplate(contextOf(request, deps), request.params.kind, request.body),
  );

  r.get(
    '/api/v1/appraisal/growth',
    { config: read, schema: { tags, querystring: growthQuery, response: { 200: z.array(growthRecordView) } } },
    async (request) => listGrowth(contextOf(request, deps), request.query),
  );
  r.post(
    '/api/v1/appraisal/growth',
    { config: records, schema: { tags, body: createGrowthBody, response: { 201: growthRecordView } } },
    async (request, reply) => reply.code(201).send(await createGrowth(contextOf(request, deps), request.body)),
  );
  r.delete(
    '/api/v1/appraisal/growth/:id',
    { config: records, schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeGrowth(contextOf(request, deps), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/appraisal/excuses',
    { config: records, schema: { tags, querystring: excusesQuery, response: { 200: z.array(excuseView) } } },
    async (request) => listExcuses(contextOf(request, deps), request.query),
  );
  r.get(
    '/api/v1/appraisal/excuses/:workOrderId',
    { config: read, schema: { tags, params: excuseParams, response: { 200: excuseView } } },
    async (request) => getExcuse(contextOf(request, deps), request.params.workOrderId),
  );
  r.put(
    '/api/v1/appraisal/excuses/:workOrderId',
    { config: records, schema: { tags, params: excuseParams, body: putExcuseBody, response: { 200: excuseView, 201: excuseView } } },
    async (request, reply) => {
      const { created, excuse } = await putExcuse(contextOf(request, deps), request.params.workOrderId, request.body);
      return reply.code(created ? 201 : 200).send(excuse);
    },
  );
  r.delete(
    '/api/v1/appraisal/excuses/:workOrderId',
    { config: records, schema: { tags, params: excuseParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeExcuse(contextOf(request, deps), request.params.workOrderId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/appraisal/pay-coefficients',
    { config: readAll, schema: { tags, querystring: payQuery, response: { 200: z.array(payCoefficientView) } } },
    async (request) => payCoefficients(contextOf(request, deps), request.query.period),
  );
  r.get(
    '/api/v1/appraisal/excellent',
    { config: readAll, schema: { tags, querystring: excellentQuery, response: { 200: z.array(excellentView) } } },
    async (request) => excellentList(contextOf(request, deps), request.query.year),
  );

  r.get(
    '/api/v1/appraisal/development-actions',
    { config: read, schema: { tags, querystring: developmentQuery, response: { 200: z.array(developmentActionView) } } },
    async (request) => listDevelopmentActions(contextOf(request, deps), request.query),
  );
  r.post(
    '/api/v1/appraisal/development-actions/:id/fulfil',
    { config: manage, schema: { tags, params: idParams, body: fulfilBody, response: { 200: developmentActionView } } },
    async (request) => fulfilDevelopmentAction(contextOf(request, deps), request.params.id, request.body),
  );
};
