import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ServiceContext } from './actor.ts';

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'searchText', 'searchGrams']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_FIELDS.has(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row; call it with the transaction that makes the change, so both land or neither. */
export async function writeAudit(
  trx: Transaction<DB> | Kysely<DB>,
  ctx: Pick<ServiceContext, 'actor' | 'requestId'> | { actor: null; requestId: string | null; label: string; userId?: string | null },
  entry: AuditEntry,
): Promise<void> {
  await trx
    .insertInto('auditLog')
    .values({
      actorUserId: ctx.actor ? ctx.actor.userId : 'userId' in ctx ? (ctx.userId ?? null) : null,
      actorLabel: ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.username})` : 'label' in ctx ? ctx.label : 'system',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      requestId: ctx.requestId,
    })
    .execute();
}
