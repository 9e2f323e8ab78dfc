import { z } from 'zod';
import { dateOnly, id, version } from '../../platform/schemas.ts';

// Day plans (issue 5 point 4): requests and the DispatchPlan answer
// (web/src/features/dispatch/types.ts; the shapes are core/dispatch/plan.ts's).

export const teamParams = z.object({ teamId: id }).strict();
export const planParams = z.object({ planId: id }).strict();

/** `seconds` above dispatch.limits.maxSeconds is refused by the service, naming the limit (422). */
export const createPlanBody = z.object({ day: dateOnly, seconds: z.number().positive().max(3600).optional() }).strict();
export const moveBody = z
  .object({ orderId: id, technicianId: id.nullable(), position: z.number().int().min(0).max(10_000), version })
  .strict();
export const urgentBody = z.object({ orderId: id, version }).strict();
export const planVersionBody = z.object({ version }).strict();

export type CreatePlan = z.infer<typeof createPlanBody>;
export type MovePlan = z.infer<typeof moveBody>;
export type UrgentPlan = z.infer<typeof urgentBody>;

const place = z.object({ latitude: z.number(), longitude: z.number() });
const instant = z.string();

export const reason = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('skill_missing'), skill: z.string(), level: z.number() }),
    z.object({ code: z.literal('skill_level'), skill: z.string(), level: z.number(), held: z.number() }),
    z.object({ code: z.literal('certificate_missing'), certificate: z.string() }),
    z.object({ code: z.literal('certificate_expired'), certificate: z.string(), expiredOn: z.string() }),
    z.object({ code: z.literal('off_shift') }),
    z.object({ code: z.literal('on_leave'), kind: z.string(), from: instant, to: instant }),
    z.object({ code: z.literal('other_team') }),
    z.object({ code: z.literal('deadline'), deadline: instant, earliest: z.string() }),
    z.object({ code: z.literal('no_location') }),
    z.object({ code: z.literal('window'), number: z.string() }),
    z.object({ code: z.literal('shift_end') }),
  ])
  .meta({ id: 'DispatchReason' });

const stop = z.object({
  orderId: id,
  number: z.string(),
  title: z.string(),
  priority: z.string(),
  location: place,
  arriveAt: instant,
  startAt: instant,
  endAt: instant,
  travelMinutes: z.number(),
  distanceMeters: z.number(),
  waitMinutes: z.number(),
  lateMinutes: z.number(),
  deadline: instant.nullable(),
  fixed: z.boolean(),
});

const route = z.object({
  technicianId: id,
  name: z.string(),
  start: place,
  end: place,
  departAt: instant,
  returnAt: instant,
  stops: z.array(stop),
  travelMinutes: z.number(),
  distanceMeters: z.number(),
  workMinutes: z.number(),
});

const unassigned = z.object({
  orderId: id,
  number: z.string(),
  title: z.string(),
  priority: z.string(),
  deadline: instant.nullable(),
  reasons: z.array(reason),
});

const summary = z.object({
  orders: z.number(),
  planned: z.number(),
  unassigned: z.number(),
  missedDeadlines: z.number(),
  lateMinutes: z.number(),
  travelMinutes: z.number(),
  distanceKm: z.number(),
  work: z.object({ minMinutes: z.number(), maxMinutes: z.number(), meanMinutes: z.number(), stddevMinutes: z.number() }),
  technicians: z.number(),
  solveMs: z.number(),
  iterations: z.number(),
  travelSource: z.string(),
});

const change = z.object({
  orderId: id,
  number: z.string(),
  kind: z.enum(['added', 'moved', 'resequenced', 'retimed', 'dropped']),
  fromTechnicianId: id.nullable(),
  toTechnicianId: id.nullable(),
  fromArrival: instant.nullable(),
  toArrival: instant.nullable(),
});

export const dispatchPlanView = z
  .object({
    id,
    teamId: id,
    day: z.string(),
    status: z.enum(['proposed', 'accepted', 'discarded', 'superseded']),
    basedOnId: id.nullable(),
    routes: z.array(route),
    unassigned: z.array(unassigned),
    summary,
    changes: z.array(change),
    createdAt: instant,
    acceptedAt: instant.nullable(),
    version: z.number(),
  })
  .meta({ id: 'DispatchPlan' });
