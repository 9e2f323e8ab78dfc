import type { EffectInput } from '../work-orders/effects.ts';

/**
 * `reopen` (P4.4.2, P5.1.3): the fault came back, so the report of the first fix no longer closes
 * the order; it is a draft again, to be completed and filed for the work done now.
 */
export async function redraftReport({ trx, order }: EffectInput): Promise<void> {
  await trx
    .updateTable('serviceReports')
    .set((eb) => ({ status: 'draft', filedAt: null, filedByLabel: null, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('workOrderId', '=', order.id)
    .where('status', '=', 'filed')
    .execute();
}
