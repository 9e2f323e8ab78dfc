// The dispatch module's API shapes (issue 5): the board, ranked candidates, day plans,
// working-time records. The plan shapes are the planner's own (core/dispatch/plan.ts).
import type { Reason } from '../../../../core/dispatch/eligibility.ts';
import type { RankedCandidate } from '../../../../core/dispatch/ranking.ts';
import type { PlanChange, PlanRoute, PlanSummary, PlanUnassigned } from '../../../../core/dispatch/plan.ts';
import type { DispatchMode } from '../../../../core/settings.ts';

export type { DispatchMode, PlanChange, PlanRoute, PlanSummary, PlanUnassigned, RankedCandidate, Reason };

export interface Place {
  latitude: number;
  longitude: number;
}

export interface BoardTechnician {
  id: string;
  name: string;
  position: string;
  skills: { skill: string; level: number }[];
  /** The working window that day (shift less leave), ISO instants; null when off or on leave all day. */
  available: { start: string; end: string } | null;
  shift: { start: string; end: string; startsFrom: 'home' | 'office'; endsAt: 'home' | 'office'; source: 'record' | 'default' } | null;
  leave: { kind: string; start: string; end: string }[];
  start: Place | null;
  end: Place | null;
  /** Last known position today (latest check-in), if any. */
  current: (Place & { at: string }) | null;
}

export interface BoardOrder {
  id: string;
  number: string;
  title: string;
  state: string;
  priority: 'urgent' | 'high' | 'normal' | 'low';
  category: string;
  customerName: string;
  address: string | null;
  location: Place | null;
  requiredSkill: string | null;
  requiredSkillLevel: number | null;
  serviceMinutes: number;
  windowFrom: string | null;
  windowTo: string | null;
  arrivalDueAt: string | null;
  assigneeId: string | null;
  plannedArrivalAt: string | null;
  routeSequence: number | null;
  /** En route or on site: the planner never moves it. */
  started: boolean;
  /** Past the SLA warning point of its arrival clock, or planned to arrive after the deadline. */
  atRisk: boolean;
  version: number;
}

export interface DispatchPlan {
  id: string;
  teamId: string;
  day: string;
  status: 'proposed' | 'accepted' | 'discarded' | 'superseded';
  basedOnId: string | null;
  routes: PlanRoute[];
  unassigned: PlanUnassigned[];
  summary: PlanSummary;
  changes: PlanChange[];
  createdAt: string;
  acceptedAt: string | null;
  version: number;
}

export interface Board {
  team: { id: string; name: string; region: string; base: Place | null; baseAddress: string | null };
  day: string;
  timeZone: string;
  mode: DispatchMode;
  tileUrl: string;
  technicians: BoardTechnician[];
  /** Open orders of the team that need a visit that day, assigned or not. */
  orders: BoardOrder[];
  /** The latest proposed or accepted plan for the team and day. */
  plan: DispatchPlan | null;
}

export interface TeamRef {
  id: string;
  name: string;
}

export interface ShiftRecord {
  id: string;
  employeeId: string;
  day: string;
  off: boolean;
  startsAt: string | null;
  endsAt: string | null;
  startsFrom: 'home' | 'office';
  endsAtPlace: 'home' | 'office';
  version: number;
}

export interface LeaveRecord {
  id: string;
  employeeId: string;
  kind: 'annual' | 'sick' | 'personal' | 'training' | 'other';
  startsAt: string;
  endsAt: string;
  note: string | null;
}

/** Server-sent event on /api/v1/dispatch/events?teamId=…: something on the board changed. */
export type BoardEvent = { type: 'order'; orderId: string; teamId: string | null } | { type: 'plan'; planId: string; teamId: string };

/** GET /dispatch/orders/:orderId/candidates. */
export interface CandidatesAnswer {
  orderId: string;
  requirement: { skill: string | null; level: number; certificates: string[] };
  candidates: RankedCandidate[];
}

/** The 422 `dispatch.ineligible` problem's extra members. */
export interface IneligibleProblem {
  technicianName?: string;
  reasons?: Reason[];
  /** The order, when the refusal comes from accepting a plan. */
  number?: string;
}
