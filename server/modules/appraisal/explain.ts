import { arrivalOutcome } from '../../../core/service-record.ts';
import type { IndicatorKey, ScoredIndicator } from '../../../core/appraisal/indicators.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { arrivalRows, assistRows, closureRows, consultationRows, frozenDigests, growthRows, ratingRows } from './explain-queries.ts';
import { digestsNow, type FactSet, type FactsWindow } from './facts-queries.ts';
import { periodWindow } from './periods.ts';
import { findPeriod } from './queries.ts';
import { policyOf } from './scoring.ts';
import { loadReadable } from './results.ts';

// Every score opens to its inputs (issue 6 point 5): the records behind it, each with why it
// counted (on time, late, excused with its reason and evidence, reopened...), the indicator's
// formula, and the policy it was scored by with the date that policy took effect. The records
// are derived by the conditions the close counted them by and checked against the digests frozen
// with the result: `recordsChanged` says when they are no longer the records that were counted
// (an excuse recorded, an order reopened since), which a recompute of an open period takes in.
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


type Db = ServiceContext['db'];

async function arrivals(db: Db, w: FactsWindow, employeeId: string): Promise<Item[]> {
  const rows = await arrivalRows(db, w, employeeId);
  return rows.map((o) => {
    const outcome = arrivalOutcome(o.arrivedAt, o.arrivalDueAt);
    const minutes = outcome.status === 'on_time' ? outcome.marginMinutes : outcome.status === 'late' ? outcome.lateMinutes : null;
    const status = o.part === 3 ? 'excused' : o.part === 2 ? 'late' : 'on_time';
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

async function closures(db: Db, w: FactsWindow, employeeId: string): Promise<Item[]> {
  const rows = await closureRows(db, w, employeeId);
  return rows.map((o) => ({
    ...blank,
    kind: 'order',
    status: o.part === 2 ? 'reopened' : 'closed',
    workOrderId: o.id,
    number: o.number,
    title: o.title,
    at: o.closedAt?.toISOString() ?? null,
  }));
}

async function ratings(db: Db, w: FactsWindow, employeeId: string): Promise<Item[]> {
  const rows = await ratingRows(db, w, employeeId);
  return rows.map((r) => ({ ...blank, kind: 'rating', status: r.source, workOrderId: r.id, number: r.number, title: r.title, at: r.ratedAt.toISOString(), rating: r.rating }));
}

async function growth(db: Db, w: FactsWindow, employeeId: string): Promise<Item[]> {
  const rows = await growthRows(db, w, employeeId);
  return rows.map((g) => ({
    ...blank,
    kind: 'growth',
    status: g.kind === 'exam' ? (g.passed ? 'exam' : 'exam_failed') : g.kind === 'innovation' && !g.accepted ? 'innovation_pending' : g.kind,
    title: g.hours ? `${g.title} (${Number(g.hours)} h)` : g.score !== null ? `${g.title} (${g.score})` : g.title,
    at: g.occurredOn,
  }));
}

async function teamwork(db: Db, w: FactsWindow, employeeId: string): Promise<Item[]> {
  const consultations = await consultationRows(db, w, employeeId);
  const assists = await assistRows(db, w, employeeId);
  return [
    ...consultations.map((c) => ({
      ...blank,
      kind: 'consultation' as const,
      status: c.part === 2 ? 'helped' : 'joined',
      workOrderId: c.id,
      number: c.number,
      title: c.topic,
      at: c.joinedAt?.toISOString() ?? null,
    })),
    ...assists.map((a) => ({ ...blank, kind: 'assist' as const, status: 'assist', workOrderId: a.id, number: a.number, title: a.title, at: a.at ? new Date(a.at).toISOString() : null })),
  ];
}

/** Each indicator's records: the sets they come from and how they are listed. */
const SOURCES: Record<IndicatorKey, { sets: FactSet[]; items: (db: Db, w: FactsWindow, employeeId: string) => Promise<Item[]> }> = {
  onTime: { sets: ['arrivals'], items: arrivals },
  resolution: { sets: ['closures'], items: closures },
  customerSatisfaction: { sets: ['ratings'], items: ratings },
  growth: { sets: ['growth'], items: growth },
  teamwork: { sets: ['consultations', 'assists'], items: teamwork },
};

export async function explainIndicator(ctx: ServiceContext, resultId: string, indicator: IndicatorKey) {
  const r = await loadReadable(ctx, resultId);
  const period = await findPeriod(ctx.db, r.periodId);
  if (!period) throw errors.notFound();
  const policy = policyOf(period);
  const scored = r.indicatorsText ? (JSON.parse(r.indicatorsText) as { items: ScoredIndicator[] }).items.find((i) => i.key === indicator) : undefined;
  if (!scored) throw errors.notFound();
  const source = SOURCES[indicator];
  const w = await periodWindow(ctx.db, period);
  const frozen = await frozenDigests(ctx.db, resultId);
  const [items, now] = [await source.items(ctx.db, w, frozen.employeeId), await digestsNow(ctx.db, w, frozen.employeeId, source.sets)];
  const recordsChanged = source.sets.some((set) => now[set] !== frozen[set]);
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
    recordsChanged,
    items,
  };
}
