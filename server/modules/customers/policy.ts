import { type Actor, can } from '../../platform/actor.ts';

// A portal customer sees only their own account; staff with customers.read see all.
export const customerPolicy = {
  read: (actor: Actor, customerId: string) =>
    can(actor, 'customers.read') && (actor.role !== 'customer' || actor.customerId === customerId),
  /** The one account a portal user is bound to, or null for staff who see every account. */
  scope: (actor: Actor): string | null => (actor.role === 'customer' ? (actor.customerId ?? '00000000-0000-0000-0000-000000000000') : null),
  update: (actor: Actor) => can(actor, 'customers.write'),
  deactivate: (actor: Actor, c: { status: 'active' | 'inactive' }) => can(actor, 'customers.write') && c.status === 'active',
  abilities(actor: Actor, c: { status: 'active' | 'inactive' }) {
    return { update: this.update(actor), deactivate: this.deactivate(actor, c) };
  },
};
