import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { explainIndicator } from './explain.ts';
import { closePeriod, getPeriod, listPeriodEvents, listPeriods, openPeriodByHand, publishPeriod, recomputePeriod, reopenPeriod } from './periods.ts';
import { acknowledge, answerAppeal, appeal, calibrate, getResult, listAppeals, listResults, submitReview, submitSelf } from './results.ts';
import {
  acknowledgeBody,
  answerBody,
  appealBody,
  appealListItemView,
  appealsQuery,
  calibrateBody,
  explainParams,
  explainView,
  openPeriodBody,
  periodActionBody,
  periodEventView,
  periodView,
  reopenBody,
  resultDetailView,
  resultSummaryView,
  resultsQuery,
  reviewBody,
  selfBody,
} from './schemas.ts';

// Performance appraisal (issue 6, P5): periods (HR runs them), results (each step of P5.3 by
// whoever owns it: the services check the team and the person), the drill-down, appeals.
const tags = ['appraisal'];
const anyone = { access: 'authenticated' } as const;
const hr = { access: 'appraisal.manage' } as const;

export const appraisalRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/appraisal/periods', { config: anyone, schema: { tags, response: { 200: z.array(periodView) } } }, async (request) =>
    listPeriods(contextOf(request, deps)),
  );
  r.post('/api/v1/appraisal/periods', { config: hr, schema: { tags, body: openPeriodBody, response: { 201: periodView } } }, async (request, reply) =>
    reply.code(201).send(await openPeriodByHand(contextOf(request, deps), request.body.label)),
  );
  r.get('/api/v1/appraisal/periods/:id', { config: anyone, schema: { tags, params: idParams, response: { 200: periodView } } }, async (request) =>
    getPeriod(contextOf(request, deps), request.params.id),
  );
  r.get('/api/v1/appraisal/periods/:id/events', { config: hr, schema: { tags, params: idParams, response: { 200: z.array(periodEventView) } } }, async (request) =>
    listPeriodEvents(contextOf(request, deps), request.params.id),
  );
  r.post('/api/v1/appraisal/periods/:id/recompute', { config: hr, schema: { tags, params: idParams, body: periodActionBody, response: { 200: periodView } } }, async (request) =>
    recomputePeriod(contextOf(request, deps), request.params.id, request.body.version),
  );
  r.post('/api/v1/appraisal/periods/:id/publish', { config: hr, schema: { tags, params: idParams, body: periodActionBody, response: { 200: periodView } } }, async (request) =>
    publishPeriod(contextOf(request, deps), request.params.id, request.body.version),
  );
  r.post('/api/v1/appraisal/periods/:id/close', { config: hr, schema: { tags, params: idParams, body: periodActionBody, response: { 200: periodView } } }, async (request) =>
    closePeriod(contextOf(request, deps), request.params.id, request.body.version),
  );
  r.post('/api/v1/appraisal/periods/:id/reopen', { config: hr, schema: { tags, params: idParams, body: reopenBody, response: { 200: periodView } } }, async (request) =>
    reopenPeriod(contextOf(request, deps), request.params.id, request.body.version, request.body.reason),
  );

  r.get('/api/v1/appraisal/results', { config: anyone, schema: { tags, querystring: resultsQuery, response: { 200: z.array(resultSummaryView) } } }, async (request) =>
    listResults(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/appraisal/results/:id', { config: anyone, schema: { tags, params: idParams, response: { 200: resultDetailView } } }, async (request) =>
    getResult(contextOf(request, deps), request.params.id),
  );
  r.get('/api/v1/appraisal/results/:id/explain/:indicator', { config: anyone, schema: { tags, params: explainParams, response: { 200: explainView } } }, async (request) =>
    explainIndicator(contextOf(request, deps), request.params.id, request.params.indicator),
  );
  r.put('/api/v1/appraisal/results/:id/self', { config: anyone, schema: { tags, params: idParams, body: selfBody, response: { 200: resultDetailView } } }, async (request) =>
    submitSelf(contextOf(request, deps), request.params.id, request.body),
  );
  r.put('/api/v1/appraisal/results/:id/review', { config: anyone, schema: { tags, params: idParams, body: reviewBody, response: { 200: resultDetailView } } }, async (request) =>
    submitReview(contextOf(request, deps), request.params.id, request.body),
  );
  r.post('/api/v1/appraisal/results/:id/calibrate', { config: hr, schema: { tags, params: idParams, body: calibrateBody, response: { 200: resultDetailView } } }, async (request) =>
    calibrate(contextOf(request, deps), request.params.id, request.body),
  );
  r.post('/api/v1/appraisal/results/:id/acknowledge', { config: anyone, schema: { tags, params: idParams, body: acknowledgeBody, response: { 200: resultDetailView } } }, async (request) =>
    acknowledge(contextOf(request, deps), request.params.id, request.body),
  );
  r.post('/api/v1/appraisal/results/:id/appeal', { config: anyone, schema: { tags, params: idParams, body: appealBody, response: { 200: resultDetailView } } }, async (request) =>
    appeal(contextOf(request, deps), request.params.id, request.body),
  );
  r.post('/api/v1/appraisal/results/:id/answer', { config: hr, schema: { tags, params: idParams, body: answerBody, response: { 200: resultDetailView } } }, async (request) =>
    answerAppeal(contextOf(request, deps), request.params.id, request.body),
  );
  r.get('/api/v1/appraisal/appeals', { config: hr, schema: { tags, querystring: appealsQuery, response: { 200: z.array(appealListItemView) } } }, async (request) =>
    listAppeals(contextOf(request, deps), request.query.status),
  );
};
