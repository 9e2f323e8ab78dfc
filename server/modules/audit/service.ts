import { zonedDayStart } from '../../../core/time.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import { type AuditFilter, findAuditRows } from './queries.ts';

export type AuditQuery = {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
};

async function filterOf(ctx: ServiceContext, query: AuditQuery, limit: number): Promise<AuditFilter> {
  const zone = await getSetting(ctx.db, 'company.timeZone');
  let beforeId: number | undefined;
  if (query.cursor) {
    beforeId = Number(query.cursor);
    if (!Number.isSafeInteger(beforeId) || beforeId < 1) throw errors.invalidField('cursor', 'field.invalid');
  }
  if (query.from && query.to && query.to < query.from) throw errors.invalidField('to', 'field.date_range');
  return {
    entityType: query.entityType,
    entityId: query.entityId,
    actorUserId: query.actorUserId,
    action: query.action,
    // Dates are business days in the company time zone; "to" includes its whole day.
    fromInstant: query.from ? zonedDayStart(query.from, zone) : undefined,
    toInstant: query.to ? zonedDayStart(query.to, zone, 1) : undefined,
    beforeId,
    limit,
  };
}

function present(row: Awaited<ReturnType<typeof findAuditRows>>[number]) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorUserId, label: row.actorLabel },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
  };
}

export async function listAudit(ctx: ServiceContext, query: AuditQuery) {
  const rows = await findAuditRows(ctx.db, await filterOf(ctx, query, query.limit + 1));
  const items = rows.slice(0, query.limit).map(present);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

const EXPORT_LIMIT = 50_000;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a byte-order mark so Excel reads the Chinese correctly; the export itself is audited. */
export async function exportAudit(ctx: ServiceContext, query: AuditQuery): Promise<string> {
  const rows = (await findAuditRows(ctx.db, await filterOf(ctx, query, EXPORT_LIMIT))).map(present);
  const header = ['id', 'at', 'actor', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId'];
  const lines = rows.map((r) => [r.id, r.at, r.actor.label, r.action, r.entityType, r.entityId, r.before, r.after, r.requestId].map(csvCell).join(','));
  await writeAudit(ctx.db, ctx, {
    action: 'audit.export',
    entityType: 'audit_log',
    entityId: 'export',
    after: { filters: { ...query, cursor: undefined, limit: undefined }, rows: rows.length },
  });
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
