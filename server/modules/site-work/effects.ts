import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EffectInput } from '../work-orders/effects.ts';

// PLACEHOLDER, to be replaced by the site-work module (see the brief).

/** `arrive`: records the check-in (site_visits) with the GPS fix and its distance to the site. */
export async function recordCheckIn(_input: EffectInput): Promise<void> {}

/** `complete_work`: refuses (422 checklist.incomplete, with `missing`) while required items are not done. */
export async function requireChecklistsDone(_input: EffectInput): Promise<void> {}

export type MissingChecklistItem = { checklistId: string; itemKey: string; label: { 'zh-CN': string; en: string } };

/** The order's required checklist items not yet done (empty when the order has no checklists). */
export async function missingChecklistItems(_db: Kysely<DB>, _orderId: string): Promise<MissingChecklistItem[]> {
  return [];
}
