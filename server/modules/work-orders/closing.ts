import { acceptanceSettled } from '../acceptance/effects.ts';
import { openFollowUps } from '../feedback/follow-up-status.ts';
import { reportFiled } from '../reports/status.ts';
import { missingChecklistItems } from '../site-work/effects.ts';
import { errors } from '../../platform/errors.ts';
import type { EffectInput } from './effects.ts';

/** Something that must be done before an order closes; the client lists them in its own words. */
export type ClosingGap =
  | { kind: 'report' }
  | { kind: 'acceptance' }
  | { kind: 'checklist_item'; checklistId: string; itemKey: string; label: { 'zh-CN': string; en: string } }
  | { kind: 'follow_up'; followUpId: string; title: string; dueAt: string };

/**
 * An order closes only when its service report is filed (P4.4.2), the customer's acceptance is
 * recorded or their refusal handled (P4.4.1), every required checklist item is done (P4.3.2)
 * and every follow-up is done (P4.4.3). Otherwise 422 `closing.incomplete` with the gaps.
 */
export async function closingGaps({ trx, order }: Pick<EffectInput, 'trx' | 'order'>): Promise<ClosingGap[]> {
  const [filed, settled, items, followUps] = await Promise.all([
    reportFiled(trx, order.id),
    acceptanceSettled(trx, order.id),
    missingChecklistItems(trx, order.id),
    openFollowUps(trx, order.id),
  ]);
  return [
    ...(filed ? [] : [{ kind: 'report' } as const]),
    ...(settled ? [] : [{ kind: 'acceptance' } as const]),
    ...items.map((i) => ({ kind: 'checklist_item' as const, ...i })),
    ...followUps.map((f) => ({ kind: 'follow_up' as const, followUpId: f.id, title: f.title, dueAt: f.dueAt.toISOString() })),
  ];
}

export async function requireClosable(input: EffectInput): Promise<void> {
  const missing = await closingGaps(input);
  if (missing.length > 0) throw errors.rule('closing.incomplete', { count: missing.length }, { missing });
}
