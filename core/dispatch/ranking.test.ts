import { describe, expect, it } from 'vitest';
import type { Requirement, TechnicianFacts } from './eligibility.ts';
import { type CandidateFacts, earliestArrival, type OrderTiming, rankCandidates } from './ranking.ts';

// Issue 5 point 2 (P4.1.2): every technician ranked, each factor shown, the ineligible last
// with their reasons.

const DAY = '2026-11-27';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`);
const NOW = at('09:00');
const weights = { skillFit: 25, travel: 25, workload: 15, deadline: 25, history: 10, travelZeroMinutes: 120, levelAbovePenalty: 10 };
const req: Requirement = { skill: '电气故障排查', level: 2, certificates: [], teamId: 'team-a' };
const open: OrderTiming = { deadline: null, hardDeadline: false, notBefore: null };

function tech(id: string, overrides: Partial<TechnicianFacts> = {}): TechnicianFacts {
  return {
    id,
    name: id,
    teamId: 'team-a',
    skills: [{ skill: '电气故障排查', level: 2 }],
    certificates: [],
    shift: { start: at('08:30'), end: at('17:30') },
    leave: [],
    start: null,
    end: null,
    ...overrides,
  };
}

function candidate(t: TechnicianFacts, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return { technician: t, travelMinutes: 30, from: 'start', busyUntil: null, workloadMinutes: 0, servedLast: false, ...overrides };
}

describe('rankCandidates (P4.1.2)', () => {
  it('puts the nearer technician first, all else equal, and shows the travel factor', () => {
    const ranked = rankCandidates(req, open, DAY, [candidate(tech('far'), { travelMinutes: 90 }), candidate(tech('near'), { travelMinutes: 10 })], weights, NOW);
    expect(ranked.map((r) => r.technicianId)).toEqual(['near', 'far']);
    expect(ranked[0]!.factors.travel).toBeGreaterThan(ranked[1]!.factors.travel);
    expect(ranked[0]).toMatchObject({ eligible: true, reasons: [], travelMinutes: 10, from: 'start' });
  });

  it('scores travel and skill level on the curve the dispatch.ranking setting gives', () => {
    const expert = tech('expert', { skills: [{ skill: '电气故障排查', level: 4 }] });
    const [r] = rankCandidates(req, open, DAY, [candidate(expert, { travelMinutes: 30 })], { ...weights, travelZeroMinutes: 60, levelAbovePenalty: 15 }, NOW);
    expect(r!.factors.travel).toBe(50); // 30 of 60 minutes
    expect(r!.factors.skillFit).toBe(70); // two levels above the need, 15 points each
  });

  it('prefers the technician who served the customer last when travel is the same', () => {
    const ranked = rankCandidates(req, open, DAY, [candidate(tech('a')), candidate(tech('b'), { servedLast: true })], weights, NOW);
    expect(ranked.map((r) => r.technicianId)).toEqual(['b', 'a']);
    expect(ranked[0]!.factors.history).toBe(100);
    expect(ranked[1]!.factors.history).toBe(0);
  });

  it('lists the ineligible last, whatever their score, with the reasons', () => {
    const ranked = rankCandidates(
      req,
      open,
      DAY,
      [candidate(tech('unskilled', { skills: [] }), { travelMinutes: 0, servedLast: true }), candidate(tech('able'), { travelMinutes: 100 })],
      weights,
      NOW,
    );
    expect(ranked.map((r) => [r.technicianId, r.eligible])).toEqual([
      ['able', true],
      ['unskilled', false],
    ]);
    expect(ranked[1]!.reasons).toEqual([{ code: 'skill_missing', skill: '电气故障排查', level: 2 }]);
    expect(ranked[1]!.factors.skillFit).toBe(0);
  });

  it('a level above the need fits less well than the exact level (keeps experts for harder work)', () => {
    const ranked = rankCandidates(req, open, DAY, [candidate(tech('expert', { skills: [{ skill: '电气故障排查', level: 5 }] })), candidate(tech('exact'))], weights, NOW);
    expect(ranked.map((r) => r.technicianId)).toEqual(['exact', 'expert']);
    expect(ranked[1]!.factors.skillFit).toBe(70);
  });

  it('weighs the workload against the working window', () => {
    const ranked = rankCandidates(req, open, DAY, [candidate(tech('busy'), { workloadMinutes: 405 }), candidate(tech('free'))], weights, NOW);
    expect(ranked.map((r) => [r.technicianId, r.factors.workload])).toEqual([
      ['free', 100],
      ['busy', 25],
    ]);
  });

  it('a hard deadline out of reach makes a technician ineligible ("deadline"); a soft one only lowers the score', () => {
    const hard: OrderTiming = { deadline: at('10:00'), hardDeadline: true, notBefore: null };
    const late = candidate(tech('late'), { travelMinutes: 45, busyUntil: at('09:30') }); // earliest 10:15
    const onTime = candidate(tech('onTime'), { travelMinutes: 40 }); // earliest 09:40
    const ranked = rankCandidates(req, hard, DAY, [late, onTime], weights, NOW);
    expect(ranked[0]).toMatchObject({ technicianId: 'onTime', eligible: true, meetsDeadline: true, earliestArrival: at('09:40').toISOString() });
    expect(ranked[1]).toMatchObject({
      technicianId: 'late',
      eligible: false,
      meetsDeadline: false,
      reasons: [{ code: 'deadline', deadline: at('10:00').toISOString(), earliest: at('10:15').toISOString() }],
    });
    const soft = rankCandidates(req, { ...hard, hardDeadline: false }, DAY, [late], weights, NOW)[0]!;
    expect(soft).toMatchObject({ eligible: true, meetsDeadline: false, reasons: [] });
    expect(soft.factors.deadline).toBe(85); // 15 minutes late
  });

  it('the score is the weighted mean of the factors', () => {
    const [r] = rankCandidates(req, open, DAY, [candidate(tech('x'), { travelMinutes: 60, workloadMinutes: 270 })], weights, NOW);
    const f = r!.factors;
    expect(f).toEqual({ skillFit: 100, travel: 50, workload: 50, deadline: 100, history: 0 });
    expect(r!.score).toBe((100 * 25 + 50 * 25 + 50 * 15 + 100 * 25 + 0 * 10) / 100);
  });
});

describe('earliestArrival', () => {
  it('leaves no earlier than now, the shift start or the end of the current job, and never arrives before the window opens', () => {
    const t = tech('t');
    expect(earliestArrival(candidate(t, { travelMinutes: 20 }), open, at('07:00'))).toEqual(at('08:50'));
    expect(earliestArrival(candidate(t, { travelMinutes: 20, busyUntil: at('11:00') }), open, NOW)).toEqual(at('11:20'));
    expect(earliestArrival(candidate(t, { travelMinutes: 20 }), { ...open, notBefore: at('14:00') }, NOW)).toEqual(at('14:00'));
  });

  it('is null off shift, with unknown travel, or past the end of the day', () => {
    expect(earliestArrival(candidate(tech('t', { shift: null })), open, NOW)).toBeNull();
    expect(earliestArrival(candidate(tech('t'), { travelMinutes: null }), open, NOW)).toBeNull();
    expect(earliestArrival(candidate(tech('t'), { travelMinutes: 30 }), open, at('17:15'))).toBeNull();
  });
});
