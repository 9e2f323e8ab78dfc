import type { Kysely } from 'kysely';
import type { Action, ActorKind } from '../../../core/work-order-lifecycle.ts';
import type { DB, WorkOrder } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { recordAcceptance, recordRefusal, settleRefusal } from '../acceptance/effects.ts';
import { requireEligible } from '../dispatch/effects.ts';
import { redraftReport } from '../reports/effects.ts';
import { recordCheckIn, requireChecklistsDone } from '../site-work/effects.ts';
import { requireClosable } from './closing.ts';

/** What a transition's effect sees: it runs inside the transition's transaction, before the order is saved. */
export type EffectInput = {
  trx: Kysely<DB>;
  ctx: ServiceContext;
  order: WorkOrder;
  kinds: ReadonlySet<ActorKind>;
  payload: Record<string, unknown>;
  location: { latitude: number; longitude: number; accuracyMeters?: number } | undefined;
  now: Date;
  /** What the timeline records for this step; an effect may add facts to it. */
  eventData: Record<string, unknown>;
};

/**
 * A rule or a record that belongs to another module but must hold or be written with a
 * lifecycle step: throwing refuses the step and rolls everything back.
 */
export type TransitionEffect = (input: EffectInput) => Promise<void>;

/** The effects of each action, in the order they run. */
export function effectsFor(action: Action): TransitionEffect[] {
  switch (action) {
    case 'assign':
    case 'reassign':
    case 'take':
      return [requireEligible]; // P4.1.2: skill, certificates, shift, leave, team, a hard arrival deadline
    case 'arrive':
      return [recordCheckIn]; // P4.3.2, P5.1.2: the check-in with its distance to the site
    case 'complete_work':
      return [requireChecklistsDone]; // P4.3.2: required procedure and safety items first
    case 'customer_accept':
      return [recordAcceptance]; // P4.4.1: signature and rating
    case 'customer_refuse':
      return [recordRefusal];
    case 'settle_refusal':
      return [settleRefusal];
    case 'close':
      return [requireClosable]; // P4.4.2-P4.4.3
    case 'reopen':
      return [redraftReport]; // the report is filed anew for the work done after the reopen
    default:
      return [];
  }
}
