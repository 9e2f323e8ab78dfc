// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allowedActions } from '../../../../core/work-order-lifecycle.ts';
import { WO_STATES, type WorkOrderSummary } from '../../api/types.ts';
import { ASSIGNEE_ACTIONS, byDeadline, nextDeadline } from './workflow.ts';

describe('ASSIGNEE_ACTIONS', () => {
  it('matches the lifecycle rules for the assigned technician', () => {
    for (const state of WO_STATES) {
      const heldFromState = state === 'on_hold' ? 'diagnosing' : null;
      expect(ASSIGNEE_ACTIONS[state], state).toEqual(allowedActions({ state, heldFromState }, new Set(['assignee'])));
    }
  });
});

const order = (patch: Partial<WorkOrderSummary>): WorkOrderSummary => ({
  id: 'x',
  number: 'WO-1',
  channel: 'phone',
  title: 't',
  category: 'fault_repair',
  priority: 'normal',
  state: 'assigned',
  customer: null,
  site: null,
  product: null,
  team: null,
  assignee: null,
  receivedAt: '2026-11-26T01:00:00.000Z',
  preferredFrom: null,
  preferredTo: null,
  responseDueAt: '2026-11-26T05:00:00.000Z',
  arrivalDueAt: '2026-11-27T05:00:00.000Z',
  resolutionDueAt: '2026-11-28T05:00:00.000Z',
  slaStatus: 'on_track',
  version: 1,
  ...patch,
});

describe('nextDeadline', () => {
  it('is the response deadline before the customer is contacted', () => {
    expect(nextDeadline(order({ state: 'accepted' }))?.clock).toBe('response');
  });
  it('is the arrival deadline on the way to a visit', () => {
    expect(nextDeadline(order({ state: 'en_route' }))?.clock).toBe('arrival');
  });
  it('is the resolution deadline while diagnosing, and none once resolved', () => {
    expect(nextDeadline(order({ state: 'diagnosing' }))?.clock).toBe('resolution');
    expect(nextDeadline(order({ state: 'work_done' }))).toBeNull();
  });
  it('sorts soonest first and orders without a deadline last', () => {
    const late = order({ id: 'late', state: 'diagnosing' });
    const soon = order({ id: 'soon', state: 'assigned' });
    const none = order({ id: 'none', state: 'work_done' });
    expect([none, late, soon].sort(byDeadline).map((o) => o.id)).toEqual(['soon', 'late', 'none']);
  });
});
