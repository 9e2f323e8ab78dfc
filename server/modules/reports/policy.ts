import type { ActorKind, State } from '../../../core/work-order-lifecycle.ts';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/actor.ts';

// Who may do what with an order's service report (P4.4.2). Reading follows the order
// (work-orders/read.ts loadForActor); a customer sees the report only once it is filed.

/** The assignee drafts the report from arrival on site until the order closes. */
export const EDITABLE_STATES: readonly State[] = ['on_site', 'work_done', 'customer_accepted', 'resolved_remotely'];
/** Filing needs the work done (or the fault solved remotely). */
export const FILEABLE_STATES: readonly State[] = ['work_done', 'customer_accepted', 'resolved_remotely'];

type Report = { status: 'draft' | 'filed' } | undefined;

export const reportPolicy = {
  read: (actor: Actor, report: Report) => actor.role !== 'customer' || report?.status === 'filed',
  /**
   * A filed report is frozen while the order stays done; once the order went back to work (the
   * customer refused, or it was reopened) the assignee may change it, and must file it again.
   */
  edit: (kinds: ReadonlySet<ActorKind>, state: State, report: Report) =>
    kinds.has('assignee') && EDITABLE_STATES.includes(state) && !(report?.status === 'filed' && FILEABLE_STATES.includes(state)),
  file: (kinds: ReadonlySet<ActorKind>, state: State, report: Report) =>
    kinds.has('assignee') && FILEABLE_STATES.includes(state) && report?.status !== 'filed',
  render: (kinds: ReadonlySet<ActorKind>, report: Report) => (kinds.has('assignee') || kinds.has('dispatcher')) && report?.status === 'filed',
};

export const faultCodePolicy = {
  /** Staff who work or dispatch orders read the list; it is not for customers. */
  read: (actor: Actor) => actor.role !== 'customer',
  manage: (actor: Actor) => can(actor, 'fault_codes.manage'),
  abilities(actor: Actor, code: { active: boolean }) {
    const manage = this.manage(actor);
    return { update: manage, deactivate: manage && code.active, reactivate: manage && !code.active };
  },
};
