import type { Transaction } from 'kysely';
import { appealDueOn, type ResultAction, resultActionProblem } from '../../../core/appraisal/cycle.ts';
import { type Answers, answersProblems, formScore, type TemplateItem } from '../../../core/appraisal/forms.ts';
import { dateInZone } from '../../../core/settings.ts';
import type { DB, Locale } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { message } from '../../platform/messages.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { abilitiesOn, assertMay, listScope, mayRead } from './access.ts';
import {
  findPeriod,
  findResult,
  insertHistory,
  listResultRows,
  openAppeal,
  type ResultRow,
  resultAppeals,
  appealRows,
  resultDevelopmentActions,
  resultHistory,
  updateResultAt,
  usersByRole,
  usersOfEmployees,
} from './queries.ts';
import { insertInAppNotices } from '../notifications/queries.ts';
import { closedError } from './periods.ts';
import { policyOf, policyVersion, rescore } from './scoring.ts';

// One technician's result through the steps of P5.3: the self-evaluation (P5.3.1), the
// supervisor's review (P5.3.2), HR's calibration with a reason (P5.3.4), and after
// publication the employee's acknowledgement or appeal and HR's answer. Every change keeps
// history; a published result changes only by calibration or an answered appeal.

const label = (ctx: ServiceContext) => `${ctx.actor.displayName} (${ctx.actor.username})`;
const num = (v: string | number | null) => (v === null ? null : Number(v));
const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

async function zoneDate(ctx: Pick<ServiceContext, 'db'>, at: Date | null) {
  if (!at) return null;
  return dateInZone(at, await getSetting(ctx.db, 'company.timeZone'));
}

export function presentSummary(r: ResultRow) {
  return {
    id: r.id,
    periodId: r.periodId,
    periodLabel: r.periodLabel,
    periodKind: r.periodKind,
    periodStatus: r.periodStatus,
    employee: { id: r.employeeId, name: r.employeeName, employeeNo: r.employeeNo },
    teamId: r.teamId,
    teamName: r.teamName,
    status: r.status,
    selfScore: num(r.selfScore),
    selfLate: r.selfLate,
    supervisorScore: num(r.supervisorScore),
    teamworkRating: r.teamworkRating,
    customerScore: num(r.customerScore),
    indicatorScore: num(r.indicatorScore),
    composite: num(r.composite),
    calibratedScore: num(r.calibratedScore),
    computedGrade: r.computedGrade,
    grade: r.grade,
    samples: { ratings: r.ratingCount, arrivals: r.arrivals, excused: r.excused, closed: r.closed },
    version: r.version,
  };
}

export async function listResults(ctx: ServiceContext, q: { periodId?: string; teamId?: string; employeeId?: string; status?: string }) {
  const scope = listScope(ctx.actor);
  const filter: { periodId?: string; teamIds?: readonly string[]; employeeId?: string; status?: string } = { ...q, teamIds: q.teamId ? [q.teamId] : undefined };
  if (scope !== 'all') {
    if (scope.teamIds) filter.teamIds = q.teamId ? scope.teamIds.filter((t) => t === q.teamId) : scope.teamIds;
    if (scope.employeeId) {
      if (q.employeeId && q.employeeId !== scope.employeeId) throw errors.forbidden();
      filter.employeeId = scope.employeeId;
    }
  }
  return (await listResultRows(ctx.db, filter)).map(presentSummary);
}

async function loadReadable(ctx: ServiceContext, id: string, db: ServiceContext['db'] | Transaction<DB> = ctx.db) {
  const r = await findResult(db, id);
  if (!r) throw errors.notFound();
  if (!mayRead(ctx.actor, r) && !abilitiesOn(ctx.actor, r).review) throw errors.forbidden();
  return r;
}

export async function getResult(ctx: ServiceContext, id: string) {
  const r = await loadReadable(ctx, id);
  const [period, history, appeals, actions, today] = await Promise.all([
    findPeriod(ctx.db, r.periodId),
    resultHistory(ctx.db, id),
    resultAppeals(ctx.db, id),
    resultDevelopmentActions(ctx.db, id),
    companyToday(ctx.db),
  ]);
  const policy = policyOf(period!);
  const publishedOn = await zoneDate(ctx, r.publishedAt);
  const indicators = parse<{ items: unknown[]; formula: string }>(r.indicatorsText);
  const ab = abilitiesOn(ctx.actor, r);
  const may = (action: ResultAction) =>
    resultActionProblem(action, r.status, r.periodStatus, {
      today,
      selfDueOn: r.selfDueOn,
      selfSubmitted: r.selfSubmittedAt !== null,
      publishedOn,
      cycle: policy.cycle.value,
    }) === null;
  return {
    ...presentSummary(r),
    indicators: (indicators?.items ?? []) as never[],
    indicatorFormula: indicators?.formula ?? null,
    compositeFormula: r.compositeFormula,
    factsHash: r.factsHash,
    policy: policyVersion(policy),
    selfTemplate: parse<TemplateItem[]>(r.selfTemplateText),
    selfAnswers: parse<Answers>(r.selfAnswersText),
    selfSubmittedAt: r.selfSubmittedAt?.toISOString() ?? null,
    reviewTemplate: parse<TemplateItem[]>(r.reviewTemplateText),
    reviewAnswers: parse<Answers>(r.reviewAnswersText),
    reviewComment: r.reviewComment,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByLabel: r.reviewedByLabel,
    calibrationReason: r.calibrationReason,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    deadlines: {
      selfDueOn: r.selfDueOn,
      reviewDueOn: r.reviewDueOn,
      publishDueOn: r.publishDueOn,
      appealDueOn: publishedOn ? appealDueOn(publishedOn, policy.cycle.value) : null,
    },
    monthly: parse<{ label: string; score: number; grade: string | null }[]>(r.monthlyText),
    history: history.map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      actorLabel: h.actorLabel,
      action: h.action,
      reason: h.reason,
      before: parse(h.beforeText),
      after: parse(h.afterText),
    })),
    appeals: appeals.map(presentAppeal),
    developmentActions: actions.map((a) => ({
      id: a.id,
      employeeId: a.employeeId,
      employeeName: r.employeeName,
      resultId: a.resultId,
      periodLabel: r.periodLabel,
      indicator: a.indicator as never,
      points: num(a.points),
      suggestion: a.suggestion as { 'zh-CN': string; en: string },
      dueOn: a.dueOn,
      status: a.status,
      fulfilledAt: a.fulfilledAt?.toISOString() ?? null,
      fulfilmentNote: a.fulfilmentNote,
      version: a.version,
    })),
    abilities: {
      self: ab.self && may('self'),
      review: ab.review && may('review'),
      calibrate: ab.calibrate && may('calibrate'),
      acknowledge: ab.acknowledge && may('acknowledge'),
      appeal: ab.appeal && may('appeal'),
      answer: ab.answer && may('answer'),
    },
  };
}

type Appeal = Awaited<ReturnType<typeof resultAppeals>>[number];
function presentAppeal(a: Appeal) {
  return {
    id: a.id,
    resultId: a.resultId,
    reason: a.reason,
    raisedAt: a.raisedAt.toISOString(),
    status: a.status,
    outcome: a.outcome,
    answer: a.answer,
    answeredByLabel: a.answeredByLabel,
    answeredAt: a.answeredAt?.toISOString() ?? null,
    version: a.version,
  };
}

export async function listAppeals(ctx: ServiceContext, status?: 'open' | 'answered') {
  return (await appealRows(ctx.db, status)).map((a) => ({ ...presentAppeal(a), periodLabel: a.periodLabel, employeeName: a.employeeName }));
}

const PROBLEMS = {
  published: () => new AppError(409, 'appraisal.published'),
  step_done: () => new AppError(409, 'appraisal.step_done'),
  not_published: () => new AppError(409, 'appraisal.not_published'),
  no_appeal: () => new AppError(409, 'appraisal.no_appeal'),
} as const;

/**
 * Loads a result inside the transaction, checks the caller may take the step (403) and that
 * the step is allowed now (409/422 with the reason), and the version (409 stale).
 */
async function prepare(ctx: ServiceContext, trx: Transaction<DB>, id: string, action: ResultAction, version: number) {
  const r = await findResult(trx, id);
  if (!r) throw errors.notFound();
  assertMay(ctx.actor, r, action);
  const period = (await findPeriod(trx, r.periodId))!;
  const policy = policyOf(period);
  const today = await companyToday(trx);
  const publishedOn = r.publishedAt ? dateInZone(r.publishedAt, await getSetting(trx, 'company.timeZone')) : null;
  const problem = resultActionProblem(action, r.status, r.periodStatus, {
    today,
    selfDueOn: r.selfDueOn,
    selfSubmitted: r.selfSubmittedAt !== null,
    publishedOn,
    cycle: policy.cycle.value,
  });
  if (problem === 'closed') {
    throw closedError(r.periodLabel);
  }
  if (problem === 'late') throw errors.rule('appraisal.self_late', { dueOn: r.selfDueOn });
  if (problem === 'appeal_window') throw errors.rule('appraisal.appeal_window', { dueOn: appealDueOn(publishedOn!, policy.cycle.value) });
  if (problem) throw PROBLEMS[problem]();
  if (r.version !== version) throw errors.stale();
  return { r, period, policy, today };
}

async function save(trx: Transaction<DB>, r: ResultRow, values: Record<string, unknown>) {
  if (!(await updateResultAt(trx, r.id, r.version, values))) throw errors.stale();
}

function checkAnswers(items: TemplateItem[] | null, answers: Answers) {
  const problems = answersProblems(items ?? [], answers);
  const fields = Object.entries(problems).map(([key, code]) => ({
    field: `answers.${key}`,
    code,
    key: code === 'required' ? ('field.required' as const) : ('field.invalid' as const),
  }));
  if (fields.length) throw errors.invalid(fields);
}

function notify(trx: Transaction<DB>, users: { id: string; locale: Locale }[], event: string, subject: (l: Locale) => string, body: (l: Locale) => string) {
  return insertInAppNotices(
    trx,
    users.map((u) => ({ userId: u.id, locale: u.locale, event, subject: subject(u.locale), body: body(u.locale) })),
  );
}

/** P5.3.1: the employee's self-evaluation on the form the period copied; late ones are refused or marked, as appraisal.cycle says. */
export async function submitSelf(ctx: ServiceContext, id: string, body: { version: number; answers: Answers }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r, period, today } = await prepare(ctx, trx, id, 'self', body.version);
    const items = parse<TemplateItem[]>(r.selfTemplateText);
    checkAnswers(items, body.answers);
    const { score } = formScore(items ?? [], body.answers);
    const late = today > r.selfDueOn;
    await save(trx, r, {
      selfAnswers: JSON.stringify(body.answers),
      selfScore: score,
      selfSubmittedAt: new Date(),
      selfLate: late,
      status: r.status === 'self_pending' ? 'review_pending' : r.status,
    });
    await insertHistory(trx, { resultId: id, actorLabel: label(ctx), action: 'self_evaluated', after: { score, late } });
    await rescore(trx, period, [id]);
  });
  return getResult(ctx, id);
}

/** P5.3.2: the supervisor's evaluation and teamwork rating (P5.1.5), for their own teams only (403 otherwise). */
export async function submitReview(ctx: ServiceContext, id: string, body: { version: number; answers: Answers; teamworkRating: number; comment?: string | null }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r, period } = await prepare(ctx, trx, id, 'review', body.version);
    const items = parse<TemplateItem[]>(r.reviewTemplateText);
    checkAnswers(items, body.answers);
    const { score } = formScore(items ?? [], body.answers);
    const before = r.reviewedAt ? { score: num(r.supervisorScore), teamworkRating: r.teamworkRating } : undefined;
    await save(trx, r, {
      reviewAnswers: JSON.stringify(body.answers),
      supervisorScore: score,
      teamworkRating: body.teamworkRating,
      reviewComment: body.comment ?? null,
      reviewedAt: new Date(),
      reviewedByLabel: label(ctx),
      status: 'reviewed',
    });
    await insertHistory(trx, { resultId: id, actorLabel: label(ctx), action: 'reviewed', before, after: { score, teamworkRating: body.teamworkRating } });
    await rescore(trx, period, [id]);
  });
  return getResult(ctx, id);
}

/** P5.3.4: HR sets the final score with a reason; the computed composite stays beside it and history keeps both. */
export async function calibrate(ctx: ServiceContext, id: string, body: { version: number; score: number; reason: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r, period } = await prepare(ctx, trx, id, 'calibrate', body.version);
    await save(trx, r, { calibratedScore: body.score, calibrationReason: body.reason });
    await rescore(trx, period, [id]);
    const after = (await findResult(trx, id))!;
    await insertHistory(trx, {
      resultId: id,
      actorLabel: label(ctx),
      action: 'calibrated',
      reason: body.reason,
      before: { score: num(r.calibratedScore) ?? num(r.composite), grade: r.grade },
      after: { score: body.score, grade: after.grade },
    });
    await writeAudit(trx, ctx, { action: 'appraisal.result.calibrate', entityType: 'appraisal_result', entityId: id, before: { score: num(r.calibratedScore) ?? num(r.composite), grade: r.grade }, after: { score: body.score, grade: after.grade, reason: body.reason } });
    if (r.publishedAt) {
      const users = await usersOfEmployees(trx, [r.employeeId]);
      await notify(
        trx,
        users,
        'appraisal_calibrated',
        (l) => message('appraisal.calibrated.subject', l, { label: r.periodLabel }),
        (l) => message('appraisal.calibrated.body', l, { score: body.score, grade: after.grade ?? '-', reason: body.reason }),
      );
    }
  });
  return getResult(ctx, id);
}

export async function acknowledge(ctx: ServiceContext, id: string, body: { version: number }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r } = await prepare(ctx, trx, id, 'acknowledge', body.version);
    await save(trx, r, { status: 'acknowledged', acknowledgedAt: new Date() });
    await insertHistory(trx, { resultId: id, actorLabel: label(ctx), action: 'acknowledged' });
  });
  return getResult(ctx, id);
}

/** The employee appeals a published result within the appeal window (appraisal.cycle.appealDays); HR is told. */
export async function appeal(ctx: ServiceContext, id: string, body: { version: number; reason: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r } = await prepare(ctx, trx, id, 'appeal', body.version);
    await save(trx, r, { status: 'appealed' });
    await trx.insertInto('appraisalAppeals').values({ resultId: id, reason: body.reason }).execute();
    await insertHistory(trx, { resultId: id, actorLabel: label(ctx), action: 'appealed', reason: body.reason });
    const hr = await usersByRole(trx, ['hr']);
    await notify(
      trx,
      hr,
      'appraisal_appealed',
      (l) => message('appraisal.appeal.subject', l, { name: r.employeeName, label: r.periodLabel }),
      (l) => message('appraisal.appeal.body', l, { name: r.employeeName, label: r.periodLabel, reason: body.reason }),
    );
  });
  return getResult(ctx, id);
}

/** HR answers an appeal: upheld (the result stands) or adjusted (a new score, kept as a calibration); the employee is told. */
export async function answerAppeal(ctx: ServiceContext, id: string, body: { version: number; outcome: 'upheld' | 'adjusted'; answer: string; score?: number }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r, period } = await prepare(ctx, trx, id, 'answer', body.version);
    const open = await openAppeal(trx, id);
    if (!open) throw PROBLEMS.no_appeal();
    const now = new Date();
    await trx
      .updateTable('appraisalAppeals')
      .set((eb) => ({ status: 'answered', outcome: body.outcome, answer: body.answer, answeredByLabel: label(ctx), answeredAt: now, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', open.id)
      .execute();
    const adjusted = body.outcome === 'adjusted' && body.score !== undefined;
    await save(trx, r, { status: 'answered', ...(adjusted ? { calibratedScore: body.score, calibrationReason: body.answer } : {}) });
    if (adjusted) await rescore(trx, period, [id]);
    const after = (await findResult(trx, id))!;
    await insertHistory(trx, {
      resultId: id,
      actorLabel: label(ctx),
      action: 'appeal_answered',
      reason: body.answer,
      before: { score: num(r.calibratedScore) ?? num(r.composite), grade: r.grade },
      after: { outcome: body.outcome, score: num(after.calibratedScore) ?? num(after.composite), grade: after.grade },
    });
    await writeAudit(trx, ctx, { action: 'appraisal.appeal.answer', entityType: 'appraisal_result', entityId: id, after: { outcome: body.outcome } });
    const users = await usersOfEmployees(trx, [r.employeeId]);
    await notify(
      trx,
      users,
      'appraisal_appeal_answered',
      (l) => message('appraisal.answered.subject', l, { label: r.periodLabel }),
      (l) => message('appraisal.answered.body', l, { answer: body.answer }),
    );
  });
  return getResult(ctx, id);
}

export { loadReadable };
