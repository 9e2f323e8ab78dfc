import type { FeedbackAction, FeedbackDepartment, FeedbackSource } from '../../../core/feedback.ts';
import type { ActorKind } from '../../../core/work-order-lifecycle.ts';
import { type Actor, can } from '../../platform/actor.ts';

/** Which feedback a caller sees (P4.4.3): one of these, applied to every list and every read. */
export type FeedbackScope =
  | { kind: 'all' }
  | { kind: 'department'; department: FeedbackDepartment }
  | { kind: 'customer_sourced' }
  | { kind: 'raised_by'; userId: string }
  | { kind: 'none' };

type FeedbackRef = { department: FeedbackDepartment; source: FeedbackSource; raisedBy: string | null };

export const feedbackPolicy = {
  /**
   * A department sees its own inbox; supervisors, managers and administrators see all feedback;
   * agents see what customers raised; a technician sees what they raised.
   */
  scope(actor: Actor): FeedbackScope {
    if (!can(actor, 'feedback.read')) return { kind: 'none' };
    switch (actor.role) {
      case 'department':
        return actor.department ? { kind: 'department', department: actor.department } : { kind: 'none' };
      case 'supervisor':
      case 'manager':
      case 'admin':
        return { kind: 'all' };
      case 'agent':
        return { kind: 'customer_sourced' };
      case 'technician':
        return { kind: 'raised_by', userId: actor.userId };
      default:
        return { kind: 'none' };
    }
  },

  read(actor: Actor, f: FeedbackRef): boolean {
    const s = this.scope(actor);
    if (s.kind === 'all') return true;
    if (s.kind === 'department') return f.department === s.department;
    if (s.kind === 'customer_sourced') return f.source === 'customer';
    if (s.kind === 'raised_by') return f.raisedBy === s.userId;
    return false;
  },

  /** The department the record went to answers it (an administrator may stand in for any). */
  act(actor: Actor, f: FeedbackRef, _action: FeedbackAction): boolean {
    if (!can(actor, 'feedback.answer')) return false;
    return actor.role === 'admin' || (actor.department !== null && actor.department === f.department);
  },

  /** The order's assignee, a dispatcher or a consultant raises feedback from it; never the customer. */
  raise(actor: Actor, kinds: ReadonlySet<ActorKind>, consultant: boolean): boolean {
    if (actor.role === 'customer') return false;
    return kinds.has('assignee') || kinds.has('dispatcher') || consultant;
  },

  /** The defect report is for product managers and the departments, not for technicians or agents (P2.2.2). */
  defectReport(actor: Actor): boolean {
    return can(actor, 'feedback.read') && actor.role !== 'technician' && actor.role !== 'agent';
  },

  /** Department users may not open the work order itself: they see its number and product only. */
  openOrder(actor: Actor): boolean {
    return can(actor, 'work_orders.read') && actor.role !== 'customer' && actor.role !== 'department';
  },
};

export const followUpPolicy = {
  /** A dispatcher of the order or its assignee adds follow-ups (P4.4.3). */
  create(actor: Actor, kinds: ReadonlySet<ActorKind>): boolean {
    return actor.role !== 'customer' && (kinds.has('dispatcher') || kinds.has('assignee'));
  },
  /** The assignee completes it; a dispatcher of the order may too (an escalated task lands with the supervisor). */
  complete(actor: Actor, f: { status: string; assigneeId: string }, orderKinds: ReadonlySet<ActorKind>): boolean {
    if (f.status !== 'open' || actor.role === 'customer') return false;
    return (actor.employeeId !== null && actor.employeeId === f.assigneeId) || orderKinds.has('dispatcher');
  },
};
