import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableWindow, describeReason, ineligibility, type Requirement, type TechnicianFacts } from './eligibility.ts';

// P4.1.2: who may take a job. Pure rules; the server gathers the facts.

const DAY = '2026-11-27';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`);
const shift = { start: at('08:30'), end: at('17:30') };

function tech(overrides: Partial<TechnicianFacts> = {}): TechnicianFacts {
  return {
    id: 't1',
    name: '李维修',
    teamId: 'team-a',
    skills: [{ skill: '电气故障排查', level: 3 }],
    certificates: [{ name: '低压电工作业证', expiresOn: '2030-01-01' }],
    shift,
    leave: [],
    start: { latitude: 31.2, longitude: 121.4 },
    end: { latitude: 31.2, longitude: 121.4 },
    ...overrides,
  };
}

const repair: Requirement = { skill: '电气故障排查', level: 2, certificates: ['低压电工作业证'], teamId: 'team-a' };

describe('ineligibility (P4.1.2)', () => {
  it('is empty for a technician with the skill at the level, a valid certificate, on shift, in the team', () => {
    expect(ineligibility(tech(), repair, DAY)).toEqual([]);
  });

  it('names a missing skill, and a level below the one needed with the level held', () => {
    expect(ineligibility(tech({ skills: [{ skill: '焊接', level: 5 }] }), repair, DAY)).toEqual([{ code: 'skill_missing', skill: '电气故障排查', level: 2 }]);
    expect(ineligibility(tech({ skills: [{ skill: '电气故障排查', level: 1 }] }), repair, DAY)).toEqual([
      { code: 'skill_level', skill: '电气故障排查', level: 2, held: 1 },
    ]);
  });

  it('needs no skill when the work names none', () => {
    expect(ineligibility(tech({ skills: [] }), { ...repair, skill: null }, DAY)).toEqual([]);
  });

  it('blocks on an expired certificate, naming it and its latest expiry; valid through its expiry day; no expiry never expires', () => {
    const expired = tech({
      certificates: [
        { name: '低压电工作业证', expiresOn: '2025-03-01' },
        { name: '低压电工作业证', expiresOn: '2026-11-26' },
      ],
    });
    expect(ineligibility(expired, repair, DAY)).toEqual([{ code: 'certificate_expired', certificate: '低压电工作业证', expiredOn: '2026-11-26' }]);
    expect(ineligibility(tech({ certificates: [{ name: '低压电工作业证', expiresOn: DAY }] }), repair, DAY)).toEqual([]);
    expect(ineligibility(tech({ certificates: [{ name: '低压电工作业证', expiresOn: null }] }), repair, DAY)).toEqual([]);
    expect(ineligibility(tech({ certificates: [] }), repair, DAY)).toEqual([{ code: 'certificate_missing', certificate: '低压电工作业证' }]);
  });

  it('is off shift without a shift that day, and on leave when leave covers the whole shift', () => {
    expect(ineligibility(tech({ shift: null }), repair, DAY)).toEqual([{ code: 'off_shift' }]);
    const allDay = { kind: 'sick', start: at('00:00'), end: new Date(at('00:00').getTime() + 86_400_000) };
    expect(ineligibility(tech({ leave: [allDay] }), repair, DAY)).toEqual([
      { code: 'on_leave', kind: 'sick', from: allDay.start.toISOString(), to: allDay.end.toISOString() },
    ]);
  });

  it('a morning off leaves the afternoon: still eligible', () => {
    const morning = { kind: 'personal', start: at('08:00'), end: at('12:00') };
    expect(ineligibility(tech({ leave: [morning] }), repair, DAY)).toEqual([]);
    expect(availableWindow(tech({ leave: [morning] }))).toEqual({ start: at('12:00'), end: at('17:30') });
  });

  it('another team is refused only when the order has a team', () => {
    expect(ineligibility(tech({ teamId: 'team-b' }), repair, DAY)).toEqual([{ code: 'other_team' }]);
    expect(ineligibility(tech({ teamId: 'team-b' }), { ...repair, teamId: null }, DAY)).toEqual([]);
  });

  it('lists every reason at once', () => {
    const codes = ineligibility(tech({ teamId: null, skills: [], certificates: [], shift: null }), repair, DAY).map((r) => r.code);
    expect(codes).toEqual(['other_team', 'skill_missing', 'certificate_missing', 'off_shift']);
    for (const r of ineligibility(tech({ teamId: null, skills: [], certificates: [], shift: null }), repair, DAY)) expect(describeReason(r)).not.toBe('');
  });
});

describe('availableWindow', () => {
  it('is the longest part of the shift not on leave, and never outside the shift', () => {
    const minute = 60_000;
    const s = shift.start.getTime();
    const e = shift.end.getTime();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -120, max: 660 }), fc.integer({ min: 1, max: 600 })), { maxLength: 4 }), (spans) => {
        const leave = spans.map(([from, length]) => ({ kind: 'annual', start: new Date(s + from * minute), end: new Date(s + (from + length) * minute) }));
        const w = availableWindow({ shift, leave });
        if (!w) return;
        expect(w.start.getTime()).toBeGreaterThanOrEqual(s);
        expect(w.end.getTime()).toBeLessThanOrEqual(e);
        expect(w.end.getTime()).toBeGreaterThan(w.start.getTime());
        for (const l of leave) expect(l.end <= w.start || l.start >= w.end).toBe(true);
      }),
    );
  });
});
