import { z } from 'zod';
import { arrivalOutcome } from '../../../core/service-record.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { consultationsOfOrder, participantsOf } from '../consultations/queries.ts';
import { getSetting } from '../settings/service.ts';
import { closingGaps } from './closing.ts';
import { firstVisit, latestRating } from './queries.ts';
import { loadForActor } from './read.ts';

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const serviceRecordView = z.object({
  arrival: z.object({
    arrivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    status: z.enum(['on_time', 'late', 'not_arrived', 'no_deadline']),
    minutes: z.number().int().nullable(),
    checkInDistanceMeters: z.number().int().nullable(),
    withinRadius: z.boolean().nullable(),
  }),
  resolution: z.object({ resolvedAt: z.string().nullable(), dueAt: z.string().nullable(), reopenCount: z.number().int() }),
  rating: z.object({ rating: z.number().int(), source: z.enum(['on_site', 'portal', 'survey']), ratedAt: z.string() }).nullable(),
  consultationParticipants: z.array(z.object({ employeeId: z.string(), name: z.string(), role: z.enum(['owner', 'invited']), contributed: z.boolean() })),
  toClose: z.array(
    z.union([
      z.object({ kind: z.enum(['report', 'acceptance']) }),
      z.object({ kind: z.literal('checklist_item'), checklistId: z.string(), itemKey: z.string(), label: localized }),
      z.object({ kind: z.literal('follow_up'), followUpId: z.string(), title: z.string(), dueAt: z.string() }),
    ]),
  ),
});

/**
 * What the order's record holds for a later appraisal (P4.4, P5.1): arrival against its
 * deadline with the check-in distance, resolution and reopens, the customer's rating, the
 * consultation participants, and what is still missing before it may close. Staff only.
 */
export async function serviceRecord(ctx: ServiceContext, id: string): Promise<z.infer<typeof serviceRecordView>> {
  const { order } = await loadForActor(ctx, id);
  if (ctx.actor.role === 'customer') throw errors.forbidden();
  const [visit, rating, consultations, radius, toClose] = await Promise.all([
    firstVisit(ctx.db, id),
    latestRating(ctx.db, id),
    consultationsOfOrder(ctx.db, id),
    getSetting(ctx.db, 'visits.checkInRadiusMeters'),
    order.state === 'closed' || order.state === 'cancelled' ? Promise.resolve([]) : closingGaps({ trx: ctx.db, order }),
  ]);
  const participants = await participantsOf(
    ctx.db,
    consultations.map((c) => c.id),
  );
  const outcome = arrivalOutcome(order.arrivedAt, order.arrivalDueAt);
  const distance = visit?.checkInDistanceM ?? null;
  return {
    arrival: {
      arrivedAt: order.arrivedAt?.toISOString() ?? null,
      dueAt: order.arrivalDueAt?.toISOString() ?? null,
      status: outcome.status,
      minutes: outcome.status === 'on_time' ? outcome.marginMinutes : outcome.status === 'late' ? outcome.lateMinutes : null,
      checkInDistanceMeters: distance,
      withinRadius: distance === null ? null : distance <= radius,
    },
    resolution: { resolvedAt: order.resolvedAt?.toISOString() ?? null, dueAt: order.resolutionDueAt?.toISOString() ?? null, reopenCount: order.reopenCount },
    rating: rating ? { rating: rating.rating, source: rating.source, ratedAt: rating.ratedAt.toISOString() } : null,
    // One line per colleague, even when they joined several consultations of the order.
    consultationParticipants: [...new Map(participants.map((p) => [p.employeeId, p])).values()].map((p) => ({
      employeeId: p.employeeId,
      name: p.name,
      role: p.role,
      contributed: p.contributed,
    })),
    toClose,
  };
}
