import type { DispatchRanking } from '../settings.ts';
import { availableWindow, ineligibility, type Reason, type Requirement, type TechnicianFacts } from './eligibility.ts';

// Ranking with reasons (issue 5 point 2, P4.1.2): for one order, every technician of the team
// with a score from five factors, each 0-100 and shown, weighted by the dispatch.ranking
// setting. Ineligible technicians are listed last with the reasons they cannot take it.

export interface CandidateFacts {
  technician: TechnicianFacts;
  /** Minutes from where they are (or will be) to the site; null when unknown. */
  travelMinutes: number | null;
  /** Where travel is measured from: their last check-in today, the end of their last planned job, or their start. */
  from: 'current' | 'planned' | 'start';
  /** When they finish what they already have that comes first (null: free now). */
  busyUntil: Date | null;
  /** Minutes of work (service plus travel) they already have that day. */
  workloadMinutes: number;
  /** Whether they served this customer last. */
  servedLast: boolean;
}

export interface OrderTiming {
  /** The SLA arrival deadline (or the end of the customer's appointment window), if any. */
  deadline: Date | null;
  /** Whether missing it forbids the assignment (dispatch.objective.hardDeadline by priority). */
  hardDeadline: boolean;
  /** The customer's appointment window opens here: no point arriving earlier. */
  notBefore: Date | null;
}

export interface RankedCandidate {
  technicianId: string;
  name: string;
  eligible: boolean;
  reasons: Reason[];
  score: number;
  factors: { skillFit: number; travel: number; workload: number; deadline: number; history: number };
  travelMinutes: number | null;
  from: CandidateFacts['from'];
  workloadMinutes: number;
  earliestArrival: string | null;
  meetsDeadline: boolean | null;
  servedLast: boolean;
}

/** The earliest a technician can be on site: not before their hours, their current job or the window. */
export function earliestArrival(c: CandidateFacts, timing: OrderTiming, now: Date): Date | null {
  const window = availableWindow(c.technician);
  if (!window || c.travelMinutes === null) return null;
  const leave = Math.max(now.getTime(), window.start.getTime(), c.busyUntil?.getTime() ?? 0);
  const arrive = Math.max(leave + c.travelMinutes * 60_000, timing.notBefore?.getTime() ?? 0);
  return arrive > window.end.getTime() ? null : new Date(arrive);
}

const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));

export function rankCandidates(
  req: Requirement,
  timing: OrderTiming,
  day: string,
  candidates: readonly CandidateFacts[],
  weights: DispatchRanking,
  now: Date,
): RankedCandidate[] {
  const total = weights.skillFit + weights.travel + weights.workload + weights.deadline + weights.history || 1;
  const ranked = candidates.map((c): RankedCandidate => {
    const t = c.technician;
    const reasons = ineligibility(t, req, day);
    const arrival = earliestArrival(c, timing, now);
    const meets = timing.deadline === null ? null : arrival !== null && arrival <= timing.deadline;
    if (timing.hardDeadline && timing.deadline !== null && meets === false && reasons.length === 0) {
      reasons.push({
        code: 'deadline',
        deadline: timing.deadline.toISOString(),
        earliest: arrival?.toISOString() ?? '',
      });
    }
    const held = req.skill === null ? null : t.skills.find((s) => s.skill === req.skill);
    // The right level scores best: a level above the need keeps an expert from harder work.
    const skillFit = req.skill === null ? 100 : held && held.level >= req.level ? 100 - weights.levelAbovePenalty * (held.level - req.level) : 0;
    const travel = c.travelMinutes === null ? 0 : 100 * (1 - c.travelMinutes / weights.travelZeroMinutes);
    const window = availableWindow(t);
    const shiftMinutes = window ? (window.end.getTime() - window.start.getTime()) / 60_000 : 0;
    const workload = shiftMinutes > 0 ? 100 * (1 - c.workloadMinutes / shiftMinutes) : 0;
    const lateMinutes = arrival && timing.deadline ? (arrival.getTime() - timing.deadline.getTime()) / 60_000 : 0;
    const deadline = meets === null ? 100 : meets ? 100 : arrival ? 100 - lateMinutes : 0;
    const history = c.servedLast ? 100 : 0;
    const factors = {
      skillFit: clamp(skillFit),
      travel: clamp(travel),
      workload: clamp(workload),
      deadline: clamp(deadline),
      history,
    };
    const score =
      Math.round(
        ((factors.skillFit * weights.skillFit +
          factors.travel * weights.travel +
          factors.workload * weights.workload +
          factors.deadline * weights.deadline +
          factors.history * weights.history) /
          total) *
          10,
      ) / 10;
    return {
      technicianId: t.id,
      name: t.name,
      eligible: reasons.length === 0,
      reasons,
      score,
      factors,
      travelMinutes: c.travelMinutes === null ? null : Math.round(c.travelMinutes),
      from: c.from,
      workloadMinutes: Math.round(c.workloadMinutes),
      earliestArrival: arrival?.toISOString() ?? null,
      meetsDeadline: meets,
      servedLast: c.servedLast,
    };
  });
  return ranked.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.name.localeCompare(b.name));
}
