import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { requestLocale } from '../../platform/messages.ts';
import {
  dashboardDistribution,
  dashboardOptions,
  dashboardOptionsView,
  dashboardOrders,
  dashboardRanking,
  dashboardTrends,
  dashboardWorkbook,
  distributionQuery,
  distributionView,
  exportQuery,
  ordersQuery,
  ordersView,
  rankingQuery,
  rankingView,
  trendsQuery,
  trendsView,
} from './dashboard.ts';

// Appraisal dashboards (issue 6 point 6). appraisal.records lets HR, managers, admins and
// supervisors in; the service narrows a supervisor to the teams they lead (403 for another).
const tags = ['appraisal'];
const read = { access: 'appraisal.records' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const appraisalDashboardRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/appraisal/dashboard/options', { config: read, schema: { tags, response: { 200: dashboardOptionsView } } }, async (request) =>
    dashboardOptions(contextOf(request, deps)),
  );
  r.get('/api/v1/appraisal/dashboard/trends', { config: read, schema: { tags, querystring: trendsQuery, response: { 200: trendsView } } }, async (request) =>
    dashboardTrends(contextOf(request, deps), request.query),
  );
  r.get(
    '/api/v1/appraisal/dashboard/distribution',
    { config: read, schema: { tags, querystring: distributionQuery, response: { 200: distributionView } } },
    async (request) => dashboardDistribution(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/appraisal/dashboard/ranking', { config: read, schema: { tags, querystring: rankingQuery, response: { 200: rankingView } } }, async (request) =>
    dashboardRanking(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/appraisal/dashboard/orders', { config: read, schema: { tags, querystring: ordersQuery, response: { 200: ordersView } } }, async (request) =>
    dashboardOrders(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/appraisal/dashboard/export', { config: read, schema: { tags, querystring: exportQuery } }, async (request, reply) => {
    const { buffer, filename } = await dashboardWorkbook(contextOf(request, deps), request.query, requestLocale(request));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
  });
};
