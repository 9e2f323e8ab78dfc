import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { addDays, appealDueOn, deadlines, type PeriodSpan, periodOfLabel, stepBeforePublication, weakIndicators } from '../../../core/appraisal/cycle.ts';
import type { ScoredIndicator } from '../../../core/appraisal/indicators.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { message } from '../../platform/messages.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { insertInAppNotices } from '../notifications/queries.ts';
import { countFacts, type FactsWindow } from './facts-queries.ts';
import {
  activeTemplate,
  factsHashes,
  findPeriod,
  insertPeriodEvent,
  insertPeriodIfAbsent,
  insertDevelopmentActions,
  listPeriodRows,
  markComputed,
  monthsOfYear,
  type PeriodRow,
  periodCounts,
  periodEvents,
  publishResults,
  reopenResults,
  resultsToReopen,
  usersOfEmployees,
} from './queries.ts';
import { policyAsOf, policyOf, policyVersion, regrade, scoreResults } from './scoring.ts';
import { evaluationsOf, writeResults } from './scoring-queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

// Appraisal periods (P5.2): opened once (claimed in the database), computed and frozen,
// recomputed only while open, published by HR (development actions follow, P5.4.3), closed,
// and reopened only by HR with a reason. Every step leaves a period event.

const actorLabel = (ctx: ServiceContext) => `${ctx.actor.displayName} (${ctx.actor.username})`;

/** The instants and dates a period's facts are counted between (its days in the company's time zone). */
export async function periodWindow(db: Db, span: Pick<PeriodSpan, 'startsOn' | 'endsOn'>): Promise<FactsWindow> {
  const zone = await getSetting(db, 'company.timeZone', span.startsOn);
  return { start: zonedDayStart(span.startsOn, zone), end: zonedDayStart(span.endsOn, zone), startsOn: span.startsOn, endsOn: span.endsOn };
}

const SCORE_BATCH = 1000;

/**
 * Computes a period: counts every technician's facts, scores them with the evaluations already
 * given (a recompute keeps them) and, for an annual period, the year's months, and writes each
 * result once, its facts frozen in it. The period takes the forms HR maintains the first time (a recompute keeps them).
 */
async function compute(trx: Transaction<DB>, period: PeriodRow) {
  const [self, review] = await Promise.all([activeTemplate(trx, 'self'), activeTemplate(trx, 'supervisor')]);
  const given = new Map((await evaluationsOf(trx, period.id)).map((e) => [e.employeeId, e]));
  const facts = (await countFacts(trx, await periodWindow(trx, period))).map((f) => ({ ...f, resultId: given.get(f.employeeId)?.id ?? randomUUID() }));
  const monthly = period.kind === 'annual' ? await publishedMonths(trx, period) : null;
  const none = { selfScore: null, supervisorScore: null, teamworkRating: null, calibratedScore: null };
  const inputOf = (f: (typeof facts)[number]) => ({ ...f, ...none, ...given.get(f.employeeId), resultId: f.resultId, monthly: monthly?.get(f.employeeId) ?? [] });
  const status = period.kind === 'monthly' ? ('self_pending' as const) : ('review_pending' as const);
  const start = { periodId: period.id, status, monthly, fresh: given.size === 0 };
  // Scored and written a batch at a time: on the server the database writes one batch while the
  // next is scored. A forced distribution grades each result against all the others: after all are written.
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < facts.length; i += SCORE_BATCH) {
    const batch = facts.slice(i, i + SCORE_BATCH);
    const { rows, graded } = scoreResults(period, batch.map(inputOf), false);
    await writing;
    writing = writeResults(trx, start, batch, rows, graded);
    writing.catch(() => {}); // awaited below; this only keeps a failure from being reported unhandled if scoring throws first
  }
  await writing;
  if (policyOf(period).grades.value.forcedShares) await regrade(trx, period);
  await markComputed(trx, period.id, { selfTemplate: period.kind === 'monthly' ? self.items : null, reviewTemplate: review.items });
}

/** An annual result combines the year's published monthly results (P5.2); it has no self-evaluation. */
async function publishedMonths(trx: Transaction<DB>, period: PeriodRow) {
  const byEmployee = new Map<string, { label: string; score: number; grade: string | null }[]>();
  for (const m of await monthsOfYear(trx, period)) {
    const score = m.calibratedScore ?? m.composite;
    if (score === null) continue;
    const list = byEmployee.get(m.employeeId) ?? [];
    list.push({ label: m.label, score: Number(score), grade: m.grade });
    byEmployee.set(m.employeeId, list);
  }
  return byEmployee;
}

/**
 * Opens a period once: the row is claimed by INSERT ... ON CONFLICT DO NOTHING, so of two
 * instances (or a job and HR) exactly one computes it; the other gets null. The policy in
 * force on the opening day is frozen with the period.
 */
export async function openPeriod(db: Kysely<DB>, span: PeriodSpan, by: { label: string; today?: string }): Promise<{ periodId: string } | null> {
  return db.transaction().execute(async (trx) => {
    const today = by.today ?? (await companyToday(trx));
    const policy = await policyAsOf(trx, today);
    const due = deadlines(span, policy.cycle.value);
    const claimed = await insertPeriodIfAbsent(trx, span, { policy, ...due, openedByLabel: by.label });
    if (!claimed) return null;
    const period = (await findPeriod(trx, claimed.id))!;
    await compute(trx, period);
    await insertPeriodEvent(trx, { periodId: period.id, actorLabel: by.label, action: 'opened' });
    return { periodId: period.id };
  });
}

function presentPeriod(p: PeriodRow, counts: { results: number; selfDone: number; reviewed: number; appealsOpen: number } | undefined, ctx: ServiceContext) {
  const manage = ctx.actor.permissions.has('appraisal.manage');
  return {
    id: p.id,
    kind: p.kind,
    label: p.label,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    selfDueOn: p.selfDueOn,
    reviewDueOn: p.reviewDueOn,
    publishDueOn: p.publishDueOn,
    openedAt: p.openedAt.toISOString(),
    openedByLabel: p.openedByLabel,
    computedAt: p.computedAt?.toISOString() ?? null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    policy: policyVersion(policyOf(p)),
    counts: counts ?? { results: 0, selfDone: 0, reviewed: 0, appealsOpen: 0 },
    version: p.version,
    abilities: {
      recompute: manage && p.status === 'open',
      publish: manage && p.status === 'open',
      reopen: manage && p.status !== 'open',
      close: manage && p.status === 'published',
    },
  };
}
export type PresentedPeriod = ReturnType<typeof presentPeriod>;

export async function listPeriods(ctx: ServiceContext) {
  const rows = await listPeriodRows(ctx.db);
  const counts = new Map((await periodCounts(ctx.db, rows.map((r) => r.id))).map((c) => [c.periodId, c]));
  return rows.map((r) => presentPeriod(r, counts.get(r.id), ctx));
}

async function presentOne(db: Db, ctx: ServiceContext, id: string) {
  const p = await findPeriod(db, id);
  if (!p) throw errors.notFound();
  const [counts] = await periodCounts(db, [id]);
  return presentPeriod(p, counts, ctx);
}

export async function getPeriod(ctx: ServiceContext, id: string) {
  return presentOne(ctx.db, ctx, id);
}

export async function listPeriodEvents(ctx: ServiceContext, id: string) {
  if (!(await findPeriod(ctx.db, id))) throw errors.notFound();
  return (await periodEvents(ctx.db, id)).map((e) => ({ ...e, at: e.at.toISOString() }));
}

/** HR opens a period by hand (a month that has ended, or a past year). */
export async function openPeriodByHand(ctx: ServiceContext, label: string) {
  const span = periodOfLabel(label);
  if (!span) throw errors.invalidField('label', 'field.invalid');
  const today = await companyToday(ctx.db);
  if (span.endsOn > today) throw errors.rule('appraisal.period_not_ended', { label });
  const opened = await openPeriod(ctx.db, span, { label: actorLabel(ctx), today });
  if (!opened) throw new AppError(409, 'appraisal.period_exists', { params: { label } });
  await writeAudit(ctx.db, ctx, { action: 'appraisal.period.open', entityType: 'appraisal_period', entityId: opened.periodId, after: { label } });
  return presentOne(ctx.db, ctx, opened.periodId);
}

/** 409: a published or closed period changes only after HR reopens it (P5.2). */
export const closedError = (label: string) => new AppError(409, 'appraisal.period_closed', { params: { label } });

async function lockPeriod(trx: Transaction<DB>, id: string, version: number) {
  const p = await findPeriod(trx, id);
  if (!p) throw errors.notFound();
  if (p.version !== version) throw errors.stale();
  return p;
}

async function bumpPeriod(trx: Transaction<DB>, p: PeriodRow, values: Partial<{ status: PeriodRow['status']; publishedAt: Date | null; closedAt: Date | null }>) {
  const row = await trx
    .updateTable('appraisalPeriods')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw errors.stale();
}

/** Recomputes an open period from the records (e.g. after an excuse was recorded late); a published or closed one must be reopened first. */
export async function recomputePeriod(ctx: ServiceContext, id: string, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await lockPeriod(trx, id, version);
    if (p.status !== 'open') throw closedError(p.label);
    const before = await hashes(trx, id);
    await compute(trx, p);
    const after = await hashes(trx, id);
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).length;
    await bumpPeriod(trx, p, {});
    await insertPeriodEvent(trx, { periodId: id, actorLabel: actorLabel(ctx), action: 'recomputed', data: { changed } });
    await writeAudit(trx, ctx, { action: 'appraisal.period.recompute', entityType: 'appraisal_period', entityId: id, after: { changed } });
  });
  return presentOne(ctx.db, ctx, id);
}

const hashes = async (db: Db, periodId: string) => new Map((await factsHashes(db, periodId)).map((r) => [r.id, r.factsHash]));

/**
 * Publishes a period's results (P5.2, by the 10th): each employee is told, and each weak
 * indicator becomes a development action with the suggested training (P5.4.3).
 */
export async function publishPeriod(ctx: ServiceContext, id: string, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await lockPeriod(trx, id, version);
    if (p.status !== 'open') throw closedError(p.label);
    const now = new Date();
    const today = await companyToday(trx, now);
    await bumpPeriod(trx, p, { status: 'published', publishedAt: now });
    const results = await publishResults(trx, id, now);
    const policy = policyOf(p);
    const actions = results.flatMap((r) => {
      const items = r.indicatorsText ? ((JSON.parse(r.indicatorsText) as { items: ScoredIndicator[] }).items ?? []) : [];
      return weakIndicators(items, policy.development.value).map((w) => ({
        employeeId: r.employeeId,
        resultId: r.id,
        indicator: w.indicator,
        points: w.points,
        suggestion: JSON.stringify(w.suggestion),
        dueOn: addDays(today, policy.development.value.dueDays),
      }));
    });
    await insertDevelopmentActions(trx, actions);
    const users = await usersOfEmployees(trx, results.map((r) => r.employeeId));
    const byEmployee = new Map(results.map((r) => [r.employeeId, r]));
    const dueOn = appealDueOn(today, policy.cycle.value);
    await insertInAppNotices(
      trx,
      users.map((u) => {
        const r = byEmployee.get(u.employeeId!)!;
        const score = r.calibratedScore ?? r.composite;
        return {
          userId: u.id,
          locale: u.locale,
          event: 'appraisal_published',
          subject: message('appraisal.published.subject', u.locale, { label: p.label }),
          body: message('appraisal.published.body', u.locale, { grade: r.grade ?? '-', score: score ?? '-', dueOn }),
        };
      }),
    );
    await insertPeriodEvent(trx, { periodId: id, actorLabel: actorLabel(ctx), action: 'published', data: { results: results.length, developmentActions: actions.length } });
    await writeAudit(trx, ctx, { action: 'appraisal.period.publish', entityType: 'appraisal_period', entityId: id, after: { results: results.length } });
  });
  return presentOne(ctx.db, ctx, id);
}

async function refuseOpenAppeals(trx: Transaction<DB>, p: PeriodRow) {
  const [counts] = await periodCounts(trx, [p.id]);
  if (counts && counts.appealsOpen > 0) throw errors.rule('appraisal.appeals_open', { count: counts.appealsOpen });
}

/** Closes a published period: nothing changes after this unless HR reopens it. Open appeals must be answered first. */
export async function closePeriod(ctx: ServiceContext, id: string, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await lockPeriod(trx, id, version);
    if (p.status !== 'published') {
      throw errors.rule('appraisal.period_not_published', { label: p.label });
    }
    await refuseOpenAppeals(trx, p);
    await bumpPeriod(trx, p, { status: 'closed', closedAt: new Date() });
    await insertPeriodEvent(trx, { periodId: id, actorLabel: actorLabel(ctx), action: 'closed' });
    await writeAudit(trx, ctx, { action: 'appraisal.period.close', entityType: 'appraisal_period', entityId: id });
  });
  return presentOne(ctx.db, ctx, id);
}

/**
 * HR reopens a published or closed period, with a reason: its results go back to the step
 * they had reached before publication so they can be recomputed and re-evaluated; the history
 * keeps what was published.
 */
export async function reopenPeriod(ctx: ServiceContext, id: string, version: number, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await lockPeriod(trx, id, version);
    if (p.status === 'open') {
      throw errors.rule('appraisal.period_already_open', { label: p.label });
    }
    await refuseOpenAppeals(trx, p);
    await bumpPeriod(trx, p, { status: 'open', closedAt: null });
    const results = await resultsToReopen(trx, id);
    const back = results.map((r) => ({ id: r.id, status: r.status, grade: r.grade, back: stepBeforePublication(r, p.kind) }));
    await reopenResults(trx, back, actorLabel(ctx), reason);
    await insertPeriodEvent(trx, { periodId: id, actorLabel: actorLabel(ctx), action: 'reopened', reason });
    await writeAudit(trx, ctx, { action: 'appraisal.period.reopen', entityType: 'appraisal_period', entityId: id, after: { reason } });
  });
  return presentOne(ctx.db, ctx, id);
}
