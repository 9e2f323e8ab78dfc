import { arrivalOutcome } from '../../../core/service-record.ts';
import type { IndicatorKey, ScoredIndicator } from '../../../core/appraisal/indicators.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { arrivalRows, assistRows, closureRows, consultationRows, factIds, growthRows, ratingRows } from './explain-queries.ts';
import { findPeriod } from './queries.ts';
import { policyOf } from './scoring.ts';
import { loadReadable } from './results.ts';

// Every score opens to its inputs (issue 6 point 5): the records the frozen facts name, each
// with why it counted (on time, late, excused with its reason and evidence, reopened...), the
// indicator's formula, and the policy it was scored by with the date that policy took effect.

type Item = {
  kind: 'order' | 'rating' | 'growth' | 'consultation' | 'assist';
  status: string;
  workOrderId: string | null;
  number: string | null;
  title: string;
  at: string | null;
  dueAt: string | null;
  minutes: number | null;
  rating: number | null;
  excuse: { reason: 'customer_reschedule' | 'customer_absent' | 'access_denied' | 'force_majeure' | 'other'; evidence: string; recordedByLabel: string; recordedAt: string } | null;
};
const blank = { workOrderId: null, number: null, at: null, dueAt: null, minutes: null, rating: null, excuse: null };


async function arrivals(ctx: ServiceContext, ids: { onTimeIds: string[]; lateIds: string[]; excusedIds: string[] }): Promise<Item[]> {
  const all = [...ids.onTimeIds, ...ids.lateIds, ...ids.excusedIds];
  const rows = await arrivalRows(ctx.db, all);
  const excused = new Set(ids.excusedIds);
  const late = new Set(ids.lateIds);
  return rows.map((o) => {
    const outcome = arrivalOutcome(o.arrivedAt, o.arrivalDueAt);
    const minutes = outcome.status === 'on_time' ? outcome.marginMinutes : outcome.status === 'late' ? outcome.lateMinutes : null;
    const status = excused.has(o.id) ? 'excused' : late.has(o.id) ? 'late' : 'on_time';
    return {
      ...blank,
      kind: 'order',
      status,
      workOrderId: o.id,
      number: o.number,
      title: o.title,
      at: o.arrivedAt?.toISOString() ?? null,
      dueAt: o.arrivalDueAt?.toISOString() ?? null,
      minutes,
      excuse:
        status === 'excused' && o.reason
          ? { reason: o.reason, evidence: o.evidence!, recordedByLabel: o.recordedByLabel!, recordedAt: o.recordedAt!.toISOString() }
          : null,
    };
  });
}

async function closures(ctx: ServiceContext, ids: { closedIds: string[]; reopenedIds: string[] }): Promise<Item[]> {
  const reopened = new Set(ids.reopenedIds);
  const rows = await closureRows(ctx.db, ids.closedIds);
  return rows.map((o) => ({
    ...blank,
    kind: 'order',
    status: reopened.has(o.id) ? 'reopened' : 'closed',
    workOrderId: o.id,
    number: o.number,
    title: o.title,
    at: o.closedAt?.toISOString() ?? null,
  }));
}

async function ratings(ctx: ServiceContext, ids: string[]): Promise<Item[]> {
  const rows = await ratingRows(ctx.db, ids);
  return rows.map((r) => ({ ...blank, kind: 'rating', status: r.source, workOrderId: r.id, number: r.number, title: r.title, at: r.ratedAt.toISOString(), rating: r.rating }));
}

async function growth(ctx: ServiceContext, ids: string[]): Promise<Item[]> {
  const rows = await growthRows(ctx.db, ids);
  return rows.map((g) => ({
    ...blank,
    kind: 'growth',
    status: g.kind === 'exam' ? (g.passed ? 'exam' : 'exam_failed') : g.kind === 'innovation' && !g.accepted ? 'innovation_pending' : g.kind,
    title: g.hours ? `${g.title} (${Number(g.hours)} h)` : g.score !== null ? `${g.title} (${g.score})` : g.title,
    at: g.occurredOn,
  }));
}

async function teamwork(ctx: ServiceContext, employeeId: string, ids: { consultationIds: string[]; assistIds: string[] }): Promise<Item[]> {
  const consultations = await consultationRows(ctx.db, employeeId, ids.consultationIds);
  const assists = await assistRows(ctx.db, employeeId, ids.assistIds);
  return [
    ...consultations.map((c) => ({
      ...blank,
      kind: 'consultation' as const,
      status: c.contributed && c.status === 'agreed' ? 'helped' : 'joined',
      workOrderId: c.id,
      number: c.number,
      title: c.topic,
      at: c.joinedAt?.toISOString() ?? null,
    })),
    ...assists.map((a) => ({ ...blank, kind: 'assist' as const, status: 'assist', workOrderId: a.id, number: a.number, title: a.title, at: a.at ? new Date(a.at).toISOString() : null })),
  ];
}

export async function explainIndicator(ctx: ServiceContext, resultId: string, indicator: IndicatorKey) {
  const r = await loadReadable(ctx, resultId);
  const period = await findPeriod(ctx.db, r.periodId);
  if (!period) throw errors.notFound();
  const policy = policyOf(period);
  const ids = await factIds(ctx.db, resultId);
  const scored = r.indicatorsText ? (JSON.parse(r.indicatorsText) as { items: ScoredIndicator[] }).items.find((i) => i.key === indicator) : undefined;
  if (!scored) throw errors.notFound();
  const items =
    indicator === 'onTime'
      ? await arrivals(ctx, ids)
      : indicator === 'resolution'
        ? await closures(ctx, ids)
        : indicator === 'customerSatisfaction'
          ? await ratings(ctx, ids.ratingIds)
          : indicator === 'growth'
            ? await growth(ctx, ids.growthIds)
            : await teamwork(ctx, ids.employeeId, ids);
  const p = policy.indicators.value[indicator];
  return {
    resultId,
    periodLabel: r.periodLabel,
    employeeName: r.employeeName,
    indicator: scored,
    policy: {
      key: 'appraisal.indicators',
      effectiveFrom: policy.indicators.effectiveFrom,
      target: p.target,
      curve: p.curve.map(([x, y]) => [x, y] as [number, number]),
      weight: p.weight,
      minSamples: p.minSamples,
      insufficient: policy.indicators.value.insufficient,
    },
    items,
  };
}
