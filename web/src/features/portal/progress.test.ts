// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TimelineEvent, WoState } from '../../api/types.ts';
import { customerProgress } from './progress.ts';

let id = 0;
const ev = (action: string, data: Record<string, unknown> = {}): TimelineEvent => ({
  id: ++id,
  at: `2026-11-26T0${id % 10}:00:00.000Z`,
  actor: 'x',
  action,
  fromState: null,
  toState: null,
  data,
  location: null,
});
const progress = (state: WoState, actions: TimelineEvent[]) => customerProgress({ state, timeline: actions }).map((s) => `${s.step}:${s.status}`);

describe('customerProgress', () => {
  it('shows a new order as received, waiting for a technician', () => {
    expect(progress('new', [ev('receive')])).toEqual([
      'received:finish',
      'assigned:process',
      'en_route:wait',
      'on_site:wait',
      'done:wait',
      'report_ready:wait',
    ]);
  });

  it('follows a visit to the site', () => {
    const steps = customerProgress({
      state: 'en_route',
      timeline: [ev('receive'), ev('assign', { assigneeName: '张三' }), ev('accept'), ev('depart', { expectedArrivalAt: '2026-11-26T08:00:00.000Z' })],
    });
    expect(steps.map((s) => s.status)).toEqual(['finish', 'finish', 'finish', 'process', 'wait', 'wait']);
    expect(steps[1]?.event?.data).toEqual({ assigneeName: '张三' });
  });

  it('skips the visit when solved remotely, and a closed order has its report', () => {
    expect(progress('closed', [ev('receive'), ev('take'), ev('resolve_remotely'), ev('customer_accept'), ev('close')])).toEqual([
      'received:finish',
      'assigned:finish',
      'done:finish',
      'report_ready:finish',
    ]);
  });

  it('starts again after a reopen', () => {
    expect(progress('assigned', [ev('receive'), ev('assign'), ev('depart'), ev('arrive'), ev('complete_work'), ev('reopen')])).toEqual([
      'received:finish',
      'assigned:finish',
      'en_route:process',
      'on_site:wait',
      'done:wait',
      'report_ready:wait',
    ]);
  });

  it('marks where a cancelled order stopped', () => {
    expect(progress('cancelled', [ev('receive'), ev('cancel')])[1]).toBe('assigned:error');
  });
});
