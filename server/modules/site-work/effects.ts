import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';
import type { EffectInput } from '../work-orders/effects.ts';
import { instantiateChecklists, missingItems } from './checklists.ts';
import { insertCheckIn } from './visits.ts';

/**
 * `arrive` (P4.3.2, P5.1.2): records the check-in (site_visits) with the GPS fix and its
 * distance to the site, puts the distance on the timeline, and gives the order its checklists.
 */
export async function recordCheckIn(input: EffectInput): Promise<void> {
  const evidence = await insertCheckIn(input);
  Object.assign(input.eventData, evidence);
  await instantiateChecklists(input);
}

/** `complete_work` (P4.3.2): refuses (422 checklist.incomplete, with `missing`) while required items are not done. */
export async function requireChecklistsDone(input: EffectInput): Promise<void> {
  const missing = await missingChecklistItems(input.trx, input.order.id);
  if (missing.length > 0) throw errors.rule('checklist.incomplete', { count: missing.length }, { missing });
}

export type MissingChecklistItem = { checklistId: string; itemKey: string; label: { 'zh-CN': string; en: string } };

/** The order's required checklist items not yet done (empty when the order has no checklists). */
export async function missingChecklistItems(db: Kysely<DB>, orderId: string): Promise<MissingChecklistItem[]> {
  return missingItems(db, orderId);
}
