import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type ActorKind,
  allowedActions,
  mayReopen,
  type OrderSnapshot,
  planTransition,
  RULES,
  STATES,
  type State,
  TERMINAL_STATES,
} from './work-order-lifecycle.ts';

const all = new Set<ActorKind>(['dispatcher', 'assignee', 'pool_member', 'customer']);
const only = (...kinds: ActorKind[]) => new Set<ActorKind>(kinds);

describe('work-order lifecycle (P4.1-P4.4)', () => {
  it('walks the whole on-site path in order', () => {
    const path: [string, State][] = [
      ['assign', 'assigned'],
      ['accept', 'accepted'],
      ['contact_customer', 'contacted'],
      ['start_diagnosis', 'diagnosing'],
      ['propose_solution', 'solution_proposed'],
      ['schedule_visit', 'visit_scheduled'],
      ['depart', 'en_route'],
      ['arrive', 'on_site'],
      ['complete_work', 'work_done'],
      ['customer_accept', 'customer_accepted'],
      ['close', 'closed'],
    ];
    let order: OrderSnapshot = { state: 'new', heldFromState: null };
    for (const [action, to] of path) {
      const plan = planTransition(order, action as never, all);
      expect(plan, action).toMatchObject({ ok: true, to });
      order = { state: to, heldFromState: null };
    }
  });

  it('stamps the SLA facts: contact stops the response clock, arrival the arrival clock, completion the resolution clock', () => {
    expect(planTransition({ state: 'accepted', heldFromState: null }, 'contact_customer', all)).toMatchObject({ marks: ['respondedAt'] });
    expect(planTransition({ state: 'en_route', heldFromState: null }, 'arrive', all)).toMatchObject({ marks: ['arrivedAt'] });
    expect(planTransition({ state: 'on_site', heldFromState: null }, 'complete_work', all)).toMatchObject({ marks: ['resolvedAt'] });
    expect(planTransition({ state: 'solution_proposed', heldFromState: null }, 'resolve_remotely', all)).toMatchObject({ marks: ['resolvedAt'] });
  });

  it('resumes an order on hold in the state it was held from', () => {
    expect(planTransition({ state: 'on_hold', heldFromState: 'on_site' }, 'resume', only('assignee'))).toMatchObject({ ok: true, to: 'on_site' });
  });

  it('lets only the assignee do the technician steps, and lists what is allowed instead', () => {
    const plan = planTransition({ state: 'assigned', heldFromState: null }, 'accept', only('dispatcher'));
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.allowed).toEqual(['reassign', 'cancel']);
    expect(planTransition({ state: 'new', heldFromState: null }, 'take', only('pool_member'))).toMatchObject({ ok: true, to: 'accepted' });
  });

  it('lets a customer cancel only before work starts, and reopen after it ends', () => {
    const customer = only('customer');
    expect(allowedActions({ state: 'new', heldFromState: null }, customer)).toEqual(['cancel']);
    expect(allowedActions({ state: 'diagnosing', heldFromState: null }, customer)).toEqual([]);
    expect(allowedActions({ state: 'work_done', heldFromState: null }, customer)).toEqual(['customer_accept', 'customer_refuse']);
    expect(allowedActions({ state: 'closed', heldFromState: null }, customer)).toEqual(['reopen']);
  });

  it('sends refused work back to work, and lets only a dispatcher settle a refusal (P4.4.1)', () => {
    expect(planTransition({ state: 'work_done', heldFromState: null }, 'customer_refuse', only('customer'))).toMatchObject({ ok: true, to: 'on_site' });
    expect(planTransition({ state: 'resolved_remotely', heldFromState: null }, 'customer_refuse', only('assignee'))).toMatchObject({ ok: true, to: 'diagnosing' });
    expect(planTransition({ state: 'on_site', heldFromState: null }, 'settle_refusal', only('assignee')).ok).toBe(false);
    expect(planTransition({ state: 'on_site', heldFromState: null }, 'settle_refusal', only('dispatcher'))).toMatchObject({ ok: true, to: 'customer_accepted', marks: ['resolvedAt'] });
  });

  it('reopens only within the set number of days after resolution', () => {
    const resolved = new Date('2026-11-01T00:00:00Z');
    expect(mayReopen(resolved, new Date('2026-11-30T00:00:00Z'), 30)).toBe(true);
    expect(mayReopen(resolved, new Date('2026-12-02T00:00:00Z'), 30)).toBe(false);
  });

  it('never leaves the known states, and a cancelled order stays cancelled', () => {
    const action = fc.constantFrom(...ACTIONS);
    const actors = fc.subarray(['dispatcher', 'assignee', 'pool_member', 'customer'] as ActorKind[]).map((a) => new Set(a));
    fc.assert(
      fc.property(fc.array(fc.tuple(action, actors), { maxLength: 40 }), (steps) => {
        let order: OrderSnapshot = { state: 'new', heldFromState: null };
        for (const [a, who] of steps) {
          const plan = planTransition(order, a, who);
          if (!plan.ok) {
            expect(plan.allowed).not.toContain(a);
            continue;
          }
          expect(STATES).toContain(plan.to);
          if (order.state === 'cancelled') throw new Error('left cancelled');
          order = { state: plan.to, heldFromState: plan.to === 'on_hold' ? order.state : null };
        }
      }),
    );
  });

  it('has a way out of every state but the terminal ones, and every action is reachable', () => {
    for (const s of STATES) {
      if (TERMINAL_STATES.includes(s) && s === 'cancelled') continue;
      expect(allowedActions({ state: s, heldFromState: 'accepted' }, all).length, s).toBeGreaterThan(0);
    }
    for (const a of ACTIONS) expect(RULES.some((r) => r.action === a), a).toBe(true);
  });
});
