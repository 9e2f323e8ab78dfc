import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { dateOnly, id, listQuery, page } from '../../platform/schemas.ts';
import { exportAudit, listAudit } from './service.ts';

const tags = ['audit'];
const config = { access: 'audit.read' } as const;

const filters = {
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(80).optional(),
  actorUserId: id.optional(),
  action: z.string().trim().max(60).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
};
const listAuditQuery = z.object({ ...listQuery, ...filters }).strict();
const exportQuery = z.object(filters).strict();

const auditView = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), label: z.string() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  r.get('/api/v1/audit-log', { config, schema: { tags, querystring: listAuditQuery, response: { 200: page(auditView) } } }, async (request) =>
    listAudit(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/audit-log/export', { config, schema: { tags, querystring: exportQuery } }, async (request, reply) => {
    const csv = await exportAudit(contextOf(request, deps), { ...request.query, limit: 0 });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });
};
