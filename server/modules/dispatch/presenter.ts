import { availableWindow } from '../../../core/dispatch/eligibility.ts';
import type { PlanChange, PlanRoute, PlanSummary, PlanUnassigned } from '../../../core/dispatch/plan.ts';
import type { DispatchPlansTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { OrderDay, TechnicianDay } from './facts.ts';

// The board's and the plans' answers (web/src/features/dispatch/types.ts is the contract).

export function presentPlan(p: Selectable<DispatchPlansTable>) {
  return {
    id: p.id,
    teamId: p.teamId,
    day: p.day,
    status: p.status,
    basedOnId: p.basedOnId,
    routes: p.routes as PlanRoute[],
    unassigned: p.unassigned as PlanUnassigned[],
    summary: p.summary as PlanSummary,
    changes: p.changes as PlanChange[],
    createdAt: p.createdAt.toISOString(),
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
    version: p.version,
  };
}

export function presentBoardOrder(o: OrderDay, now: Date) {
  const plannedLate = o.deadline !== null && o.plannedArrivalAt !== null && o.plannedArrivalAt > o.deadline;
  const warned = o.arrivalWarnAt !== null && o.arrivalWarnAt <= now;
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    state: o.state,
    priority: o.priority as 'urgent' | 'high' | 'normal' | 'low',
    category: o.category,
    customerName: o.customerName,
    address: o.address,
    location: o.location,
    requiredSkill: o.requirement.skill,
    requiredSkillLevel: o.requirement.skill === null ? null : o.requirement.level,
    serviceMinutes: o.serviceMinutes,
    windowFrom: o.windowFrom?.toISOString() ?? null,
    windowTo: o.windowTo?.toISOString() ?? null,
    arrivalDueAt: o.deadline?.toISOString() ?? null,
    assigneeId: o.assigneeId,
    plannedArrivalAt: o.plannedArrivalAt?.toISOString() ?? null,
    routeSequence: o.routeSequence,
    started: o.started,
    // P5.1.2: past the SLA warning point of the arrival clock, or planned to arrive late.
    atRisk: !o.started && (warned || plannedLate),
    version: o.version,
  };
}

export function presentBoardTechnician(t: TechnicianDay) {
  const a = t.availability;
  const window = availableWindow(t);
  return {
    id: t.id,
    name: t.name,
    position: t.position,
    skills: t.skills.map((s) => ({ ...s })),
    available: window ? { start: window.start.toISOString(), end: window.end.toISOString() } : null,
    shift: a.shift
      ? { start: a.shift.start.toISOString(), end: a.shift.end.toISOString(), startsFrom: a.shift.startsFrom, endsAt: a.shift.endsAt, source: a.shift.source }
      : null,
    leave: a.leave.map((l) => ({ kind: l.kind, start: l.start.toISOString(), end: l.end.toISOString() })),
    start: t.start,
    end: t.end,
    current: t.current ? { latitude: t.current.latitude, longitude: t.current.longitude, at: t.current.at.toISOString() } : null,
  };
}
