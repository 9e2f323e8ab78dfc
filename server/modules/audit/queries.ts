import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  /** first and last business day, as UTC instants bounding them in the company time zone */
  fromInstant?: Date;
  toInstant?: Date;
  beforeId?: number;
  limit: number;
};

export function findAuditRows(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(f.limit);
  if (f.entityType) q = q.where('entityType', '=', f.entityType);
  if (f.entityId) q = q.where('entityId', '=', f.entityId);
  if (f.actorUserId) q = q.where('actorUserId', '=', f.actorUserId);
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.fromInstant) q = q.where('at', '>=', f.fromInstant);
  if (f.toInstant) q = q.where('at', '<', f.toInstant);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.execute();
}
