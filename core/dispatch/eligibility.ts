import type { LatLng } from '../geo.ts';

// Who may take a job (issue 5 point 1, P4.1.2): the skill at the level the work needs, every
// certificate the work type requires held and unexpired, on shift and not on leave, in the
// order's team. Pure: the server gathers the facts, the rules live here, so the ranking,
// the planner, drag and drop on the board and the assign action all refuse the same way.

export interface Interval {
  start: Date;
  end: Date;
}

export interface TechnicianFacts {
  id: string;
  name: string;
  teamId: string | null;
  skills: readonly { skill: string; level: number }[];
  certificates: readonly { name: string; expiresOn: string | null }[];
  /** The working window on the day in question; null when off (no shift, a day off). */
  shift: Interval | null;
  leave: readonly (Interval & { kind: string })[];
  /** Where the day starts and ends (home or the team base). */
  start: LatLng | null;
  end: LatLng | null;
}

export interface Requirement {
  skill: string | null;
  level: number;
  certificates: readonly string[];
  teamId: string | null;
}

export type Reason =
  | { code: 'skill_missing'; skill: string; level: number }
  | { code: 'skill_level'; skill: string; level: number; held: number }
  | { code: 'certificate_missing'; certificate: string }
  | { code: 'certificate_expired'; certificate: string; expiredOn: string }
  | { code: 'off_shift' }
  | { code: 'on_leave'; kind: string; from: string; to: string }
  | { code: 'other_team' }
  | { code: 'deadline'; deadline: string; earliest: string }
  | { code: 'no_location' }
  | { code: 'window'; number: string }
  | { code: 'shift_end' };

export type ReasonCode = Reason['code'];

/** The hours a technician can work on a day: the longest part of the shift not on leave. */
export function availableWindow(t: Pick<TechnicianFacts, 'shift' | 'leave'>): Interval | null {
  if (!t.shift) return null;
  let parts: Interval[] = [t.shift];
  for (const l of t.leave) {
    parts = parts.flatMap((p) => {
      if (l.end <= p.start || l.start >= p.end) return [p];
      const out: Interval[] = [];
      if (l.start > p.start) out.push({ start: p.start, end: l.start });
      if (l.end < p.end) out.push({ start: l.end, end: p.end });
      return out;
    });
  }
  let best: Interval | null = null;
  for (const p of parts) if (!best || p.end.getTime() - p.start.getTime() > best.end.getTime() - best.start.getTime()) best = p;
  return best;
}

/**
 * Why the technician may not take the work on `day` (YYYY-MM-DD, for certificate expiry);
 * empty when they may. Time (the deadline) is checked by the caller, who knows the travel.
 */
export function ineligibility(t: TechnicianFacts, req: Requirement, day: string): Reason[] {
  const reasons: Reason[] = [];
  if (req.teamId !== null && t.teamId !== req.teamId) reasons.push({ code: 'other_team' });
  if (req.skill !== null) {
    const held = t.skills.find((s) => s.skill === req.skill);
    if (!held) reasons.push({ code: 'skill_missing', skill: req.skill, level: req.level });
    else if (held.level < req.level) reasons.push({ code: 'skill_level', skill: req.skill, level: req.level, held: held.level });
  }
  for (const name of req.certificates) {
    const held = t.certificates.filter((c) => c.name === name);
    if (held.length === 0) reasons.push({ code: 'certificate_missing', certificate: name });
    else if (!held.some((c) => c.expiresOn === null || c.expiresOn >= day)) {
      const latest = held.map((c) => c.expiresOn!).sort().at(-1)!;
      reasons.push({ code: 'certificate_expired', certificate: name, expiredOn: latest });
    }
  }
  if (!t.shift) reasons.push({ code: 'off_shift' });
  else if (!availableWindow(t)) {
    const l = t.leave.find((x) => x.start <= t.shift!.start && x.end >= t.shift!.end) ?? t.leave[0]!;
    reasons.push({ code: 'on_leave', kind: l.kind, from: l.start.toISOString(), to: l.end.toISOString() });
  }
  return reasons;
}

/** A reason in plain English, for logs, audit entries and API clients without a catalogue. */
export function describeReason(r: Reason): string {
  switch (r.code) {
    case 'skill_missing':
      return `lacks the skill ${r.skill} (level ${r.level} needed)`;
    case 'skill_level':
      return `holds ${r.skill} at level ${r.held}, level ${r.level} needed`;
    case 'certificate_missing':
      return `holds no ${r.certificate}`;
    case 'certificate_expired':
      return `certificate ${r.certificate} expired on ${r.expiredOn}`;
    case 'off_shift':
      return 'not on shift that day';
    case 'on_leave':
      return `on ${r.kind} leave`;
    case 'other_team':
      return 'belongs to another team';
    case 'deadline':
      return `cannot arrive before the deadline ${r.deadline} (earliest ${r.earliest})`;
    case 'no_location':
      return 'no location to plan from';
    case 'window':
      return `would miss the appointment window of ${r.number}`;
    case 'shift_end':
      return 'the day would end after the shift';
  }
}
