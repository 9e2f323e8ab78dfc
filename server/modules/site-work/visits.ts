import type { Kysely, Selectable, Transaction } from 'kysely';
import { haversineMeters, isWithinRadius } from '../../../core/geo.ts';
import { dateInZone } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import type { EffectInput } from '../work-orders/effects.ts';
import { loadForActor } from '../work-orders/read.ts';
import { mayReadFieldRecords, siteWorkPolicy } from './policy.ts';
import { lastDeparture, openVisit, orderVisits, siteOf } from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Fix = { latitude: number; longitude: number; accuracyMeters?: number };
type VisitRow = Selectable<DB['siteVisits']> & { employeeName: string | null };

const minutesBetween = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000)) : null);

/** Metres from a GPS fix to the order's site, or null when either is unknown. */
async function distanceToSite(db: Db, siteId: string | null, fix: Fix | undefined): Promise<number | null> {
  const site = await siteOf(db, siteId);
  if (!fix || !site || site.latitude === null || site.longitude === null) return null;
  return Math.round(haversineMeters(fix, { latitude: Number(site.latitude), longitude: Number(site.longitude) }));
}

/** The check-in radius in force on the company date of an instant (a dated setting, P5.1.2). */
async function radiusOn(db: Db, at: Date): Promise<number> {
  const zone = await getSetting(db, 'company.timeZone', at.toISOString().slice(0, 10));
  return getSetting(db, 'visits.checkInRadiusMeters', dateInZone(at, zone));
}

/**
 * P4.3.2, P5.1.2: the `arrive` step checks in: the time, the GPS fix and its distance to the
 * site as evidence, and when the technician set off (the latest `depart`). Answers what the
 * timeline records.
 */
export async function insertCheckIn(input: EffectInput): Promise<{ distanceMeters: number | null; withinRadius: boolean | null }> {
  const { trx, order, location, now, ctx } = input;
  const distanceMeters = await distanceToSite(trx, order.siteId, location);
  await trx
    .insertInto('siteVisits')
    .values({
      workOrderId: order.id,
      employeeId: ctx.actor.employeeId,
      departedAt: await lastDeparture(trx, order.id),
      checkInAt: now,
      checkInLatitude: location?.latitude ?? null,
      checkInLongitude: location?.longitude ?? null,
      checkInAccuracyM: location?.accuracyMeters === undefined ? null : Math.round(location.accuracyMeters),
      checkInDistanceM: distanceMeters,
    })
    .execute();
  return { distanceMeters, withinRadius: isWithinRadius(distanceMeters, await radiusOn(trx, now)) };
}

function fixOf(lat: string | null, lng: string | null, accuracy: number | null) {
  return lat === null || lng === null ? null : { latitude: Number(lat), longitude: Number(lng), accuracyMeters: accuracy };
}

async function presentVisit(db: Db, v: VisitRow) {
  const radiusMeters = await radiusOn(db, v.checkInAt);
  return {
    id: v.id,
    employee: v.employeeId ? { id: v.employeeId, name: v.employeeName ?? '' } : null,
    departedAt: v.departedAt?.toISOString() ?? null,
    checkInAt: v.checkInAt.toISOString(),
    checkIn: fixOf(v.checkInLatitude, v.checkInLongitude, v.checkInAccuracyM),
    distanceMeters: v.checkInDistanceM,
    withinRadius: isWithinRadius(v.checkInDistanceM, radiusMeters),
    radiusMeters,
    checkOutAt: v.checkOutAt?.toISOString() ?? null,
    checkOut: fixOf(v.checkOutLatitude, v.checkOutLongitude, v.checkOutAccuracyM),
    checkOutDistanceMeters: v.checkOutDistanceM,
    travelMinutes: minutesBetween(v.departedAt, v.checkInAt),
    onSiteMinutes: minutesBetween(v.checkInAt, v.checkOutAt),
  };
}

const total = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
};

/** The visits of an order with their times, for the visit panel and the service report (P4.4.2). */
export async function orderVisitSummary(db: Db, orderId: string) {
  const visits = await Promise.all((await orderVisits(db, orderId)).map((v) => presentVisit(db, v)));
  const first = visits[0];
  return {
    visits,
    travelMinutes: total(visits.map((v) => v.travelMinutes)),
    onSiteMinutes: total(visits.map((v) => v.onSiteMinutes)),
    firstCheckInAt: first?.checkInAt ?? null,
    firstCheckInDistanceM: first?.distanceMeters ?? null,
  };
}

export async function listVisits(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!mayReadFieldRecords(ctx.actor)) throw errors.notFound();
  const summary = await orderVisitSummary(ctx.db, orderId);
  const open = summary.visits.some((v) => v.checkOutAt === null);
  return {
    items: summary.visits,
    travelMinutes: summary.travelMinutes,
    onSiteMinutes: summary.onSiteMinutes,
    abilities: {
      checkOut: open && siteWorkPolicy.checkOut(kinds),
      checkIn: !open && order.state === 'on_site' && siteWorkPolicy.checkOut(kinds),
    },
  };
}

/**
 * P4.3.2, P4.4.1: a return visit. Work the customer refused goes back on site; when the
 * technician had already checked out, they check in again, with the same evidence as on arrival.
 */
export async function checkInAgain(ctx: ServiceContext, orderId: string, location: Fix | undefined, now = new Date()) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!mayReadFieldRecords(ctx.actor)) throw errors.notFound();
  if (!siteWorkPolicy.checkOut(kinds)) throw errors.forbidden();
  if (order.state !== 'on_site') throw errors.illegalTransition(order.state, []);
  await ctx.db.transaction().execute(async (trx) => {
    if (await openVisit(trx, orderId)) throw new AppError(409, 'visit.already_open');
    const evidence = await insertCheckIn({ trx, ctx, order, kinds, payload: {}, location, now, eventData: {} });
    await writeAudit(trx, ctx, { action: 'site_visit.check_in', entityType: 'work_order', entityId: orderId, after: { ...evidence, at: now } });
  });
  return listVisits(ctx, orderId);
}

/** P4.3.2, P5.1.2: the assignee checks out of the open visit, with a GPS fix when the phone gives one. */
export async function checkOut(ctx: ServiceContext, orderId: string, location: Fix | undefined, now = new Date()) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!mayReadFieldRecords(ctx.actor)) throw errors.notFound();
  if (!siteWorkPolicy.checkOut(kinds)) throw errors.forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const visit = await openVisit(trx, orderId);
    if (!visit) throw new AppError(409, 'visit.not_open');
    const at = now < visit.checkInAt ? visit.checkInAt : now;
    const after = await trx
      .updateTable('siteVisits')
      .set({
        checkOutAt: at,
        checkOutLatitude: location?.latitude ?? null,
        checkOutLongitude: location?.longitude ?? null,
        checkOutAccuracyM: location?.accuracyMeters === undefined ? null : Math.round(location.accuracyMeters),
        checkOutDistanceM: await distanceToSite(trx, order.siteId, location),
      })
      .where('id', '=', visit.id)
      .where('checkOutAt', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError(409, 'visit.not_open');
    await writeAudit(trx, ctx, { action: 'site_visit.check_out', entityType: 'site_visit', entityId: visit.id, before: visit, after });
  });
  return listVisits(ctx, orderId);
}
