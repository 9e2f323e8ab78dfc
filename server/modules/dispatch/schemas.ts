import { z } from 'zod';
import { DISPATCH_MODES } from '../../../core/settings.ts';
import { dateOnly, id, version } from '../../platform/schemas.ts';
import { dispatchPlanView, reason } from './plan-schemas.ts';

// The dispatch board's requests and answers (web/src/features/dispatch/types.ts is the contract).

export const dayQuery = z.object({ day: dateOnly.optional() }).strict();
/** The same as the day plans' (plan-schemas.ts). */
export { teamParams } from './plan-schemas.ts';
export const orderParams = z.object({ orderId: id }).strict();
export const eventsQuery = z.object({ teamId: id.optional() }).strict();

export const assignBody = z.object({ technicianId: id, version }).strict();
export type AssignBody = z.infer<typeof assignBody>;

export const requirementBody = z
  .object({
    requiredSkill: z.string().trim().min(1).max(100).nullable(),
    requiredSkillLevel: z.number().int().min(1).max(5),
    serviceMinutes: z.number().int().min(5).max(1440),
    version,
  })
  .strict();
export type RequirementBody = z.infer<typeof requirementBody>;

const place = z.object({ latitude: z.number(), longitude: z.number() });
const instant = z.string();

/** The reasons (core/dispatch/eligibility.ts) and the plan shape are shared with the day plans' schemas. */
export const reasonView = reason;

export const teamRefList = z.array(z.object({ id: z.string(), name: z.string() }).meta({ id: 'TeamRef' }));

export const boardOrderView = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    state: z.string(),
    priority: z.enum(['urgent', 'high', 'normal', 'low']),
    category: z.string(),
    customerName: z.string(),
    address: z.string().nullable(),
    location: place.nullable(),
    requiredSkill: z.string().nullable(),
    requiredSkillLevel: z.number().nullable(),
    serviceMinutes: z.number(),
    windowFrom: instant.nullable(),
    windowTo: instant.nullable(),
    arrivalDueAt: instant.nullable(),
    assigneeId: z.string().nullable(),
    plannedArrivalAt: instant.nullable(),
    routeSequence: z.number().nullable(),
    started: z.boolean(),
    atRisk: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'BoardOrder' });

const boardTechnicianView = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.string(),
    skills: z.array(z.object({ skill: z.string(), level: z.number() })),
    available: z.object({ start: instant, end: instant }).nullable(),
    shift: z
      .object({ start: instant, end: instant, startsFrom: z.enum(['home', 'office']), endsAt: z.enum(['home', 'office']), source: z.enum(['record', 'default']) })
      .nullable(),
    leave: z.array(z.object({ kind: z.string(), start: instant, end: instant })),
    start: place.nullable(),
    end: place.nullable(),
    current: place.extend({ at: instant }).nullable(),
  })
  .meta({ id: 'BoardTechnician' });

export const boardView = z
  .object({
    team: z.object({ id: z.string(), name: z.string(), region: z.string(), base: place.nullable(), baseAddress: z.string().nullable() }),
    day: z.string(),
    timeZone: z.string(),
    mode: z.enum(DISPATCH_MODES),
    tileUrl: z.string(),
    technicians: z.array(boardTechnicianView),
    orders: z.array(boardOrderView),
    plan: dispatchPlanView.nullable(),
  })
  .meta({ id: 'Board' });

const factor = z.number();
export const candidatesView = z
  .object({
    orderId: z.string(),
    requirement: z.object({ skill: z.string().nullable(), level: z.number(), certificates: z.array(z.string()) }),
    candidates: z.array(
      z
        .object({
          technicianId: z.string(),
          name: z.string(),
          eligible: z.boolean(),
          reasons: z.array(reasonView),
          score: z.number(),
          factors: z.object({ skillFit: factor, travel: factor, workload: factor, deadline: factor, history: factor }),
          travelMinutes: z.number().nullable(),
          from: z.enum(['current', 'planned', 'start']),
          workloadMinutes: z.number(),
          earliestArrival: instant.nullable(),
          meetsDeadline: z.boolean().nullable(),
          servedLast: z.boolean(),
        })
        .meta({ id: 'RankedCandidate' }),
    ),
  })
  .meta({ id: 'Candidates' });
