import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EffectInput } from '../work-orders/effects.ts';

// PLACEHOLDER, to be replaced by the acceptance module (see the brief).

/** `customer_accept`: validates and stores the signature, and the rating when given. */
export async function recordAcceptance(_input: EffectInput): Promise<void> {}

/** `customer_refuse`: stores the refusal with its reason. */
export async function recordRefusal(_input: EffectInput): Promise<void> {}

/** `settle_refusal`: marks the latest unhandled refusal handled, with the dispatcher's note. */
export async function settleRefusal(_input: EffectInput): Promise<void> {}

/** True when the latest acceptance is "accepted", or a refusal that a dispatcher handled. */
export async function acceptanceSettled(_db: Kysely<DB>, _orderId: string): Promise<boolean> {
  return true;
}
