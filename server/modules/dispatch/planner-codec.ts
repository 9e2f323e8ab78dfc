import type { PlanInput, PlanOrder, PlanTechnician } from '../../../core/dispatch/plan.ts';

// What crosses into the planning worker: the planner's input with every instant as epoch
// milliseconds, and only the fields planDay() reads (the facts carry more for the board).

const ms = (d: Date) => d.getTime();
const msOrNull = (d: Date | null) => (d === null ? null : d.getTime());
const date = (n: number) => new Date(n);
const dateOrNull = (n: number | null) => (n === null ? null : new Date(n));

export function encodePlanInput(input: PlanInput) {
  return {
    day: input.day,
    dayStart: ms(input.dayStart),
    now: ms(input.now),
    objective: input.objective,
    technicians: input.technicians.map((t) => ({
      id: t.id,
      name: t.name,
      teamId: t.teamId,
      skills: t.skills.map((s) => ({ skill: s.skill, level: s.level })),
      certificates: t.certificates.map((c) => ({ name: c.name, expiresOn: c.expiresOn })),
      shift: t.shift ? { start: ms(t.shift.start), end: ms(t.shift.end) } : null,
      leave: t.leave.map((l) => ({ kind: l.kind, start: ms(l.start), end: ms(l.end) })),
      start: t.start,
      end: t.end,
      started: t.started
        ? { orderId: t.started.orderId, number: t.started.number, at: t.started.at, arrivedAt: ms(t.started.arrivedAt), until: ms(t.started.until) }
        : null,
    })),
    orders: input.orders.map((o) => ({
      id: o.id,
      number: o.number,
      title: o.title,
      priority: o.priority,
      location: o.location,
      requirement: { skill: o.requirement.skill, level: o.requirement.level, certificates: [...o.requirement.certificates], teamId: o.requirement.teamId },
      serviceMinutes: o.serviceMinutes,
      windowFrom: msOrNull(o.windowFrom),
      windowTo: msOrNull(o.windowTo),
      deadline: msOrNull(o.deadline),
      hardDeadline: o.hardDeadline,
      currentTechnicianId: o.currentTechnicianId,
    })),
  };
}

export type EncodedPlanInput = ReturnType<typeof encodePlanInput>;

export function decodePlanInput(e: EncodedPlanInput): PlanInput {
  const technicians: PlanTechnician[] = e.technicians.map((t) => ({
    ...t,
    shift: t.shift ? { start: date(t.shift.start), end: date(t.shift.end) } : null,
    leave: t.leave.map((l) => ({ kind: l.kind, start: date(l.start), end: date(l.end) })),
    started: t.started ? { ...t.started, arrivedAt: date(t.started.arrivedAt), until: date(t.started.until) } : null,
  }));
  const orders: PlanOrder[] = e.orders.map((o) => ({
    ...o,
    windowFrom: dateOrNull(o.windowFrom),
    windowTo: dateOrNull(o.windowTo),
    deadline: dateOrNull(o.deadline),
  }));
  return { day: e.day, dayStart: date(e.dayStart), now: date(e.now), objective: e.objective, technicians, orders };
}
