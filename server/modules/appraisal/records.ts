import type { z } from 'zod';
import type { TemplateItem } from '../../../core/appraisal/forms.ts';
import type { IndicatorKey } from '../../../core/appraisal/indicators.ts';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import { dateInZone } from '../../../core/settings.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { Actor, ServiceContext } from '../../platform/actor.ts';
import { can } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { loadForActor } from '../work-orders/read.ts';
import { closedError } from './periods.ts';
import { activeTemplate, findPeriodByLabel } from './queries.ts';
import {
  deleteExcuse,
  deleteGrowth,
  type DevelopmentRow,
  type EmployeeRef,
  type ExcuseRow,
  findAttachment,
  findDevelopment,
  findEmployee,
  findExcuse,
  findGrowth,
  findOrder,
  fulfilDevelopment,
  type GrowthRow,
  gradedResults,
  insertGrowth,
  listDevelopmentRows,
  listExcuseRows,
  listGrowthRows,
  type PeopleScope,
  periodStatusOf,
  rawExcuse,
  updateTemplate,
  upsertExcuse,
} from './records-queries.ts';
import type { CreateGrowth, developmentQuery, excusesQuery, fulfilBody, growthQuery, putExcuseBody, putTemplateBody } from './schemas.ts';
import { policyOf } from './scoring.ts';

// The appraisal records (issue 6) and the results as others use them:
// - the evaluation forms HR keeps (P5.3.1 self, P5.3.2 supervisor); a result keeps its own copy,
//   so a change reaches only the periods opened after it;
// - growth records (P5.1.4: training, exams, certificates, accepted innovations), entered by HR
//   and supervisors now and by the training module later;
// - excused late arrivals (P5.1.2), with their reason and evidence;
// - results applied (P5.4): the performance-pay coefficient per person for payroll (P5.4.1,
//   P7.1.2), the annual "excellent" list for promotion and raises (P5.4.2), and development
//   actions the training module fulfils (P5.4.3).
// A record dated in a month whose period is published or closed cannot change: the published
// figures would no longer match the records (HR reopens the period first).

type Kind = 'self' | 'supervisor';
const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const actorLabel = (actor: Actor) => `${actor.displayName} (${actor.username})`;
const num = (v: string | number | null) => (v === null ? null : Number(v));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function checkRange(q: { from: string; to: string }) {
  if (q.to < q.from) throw errors.invalidField('to', 'field.date_range');
  if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) throw errors.invalidField('to', 'field.appraisal.range_too_long', { days: MAX_RANGE_DAYS });
}

// ---- who ----------------------------------------------------------------------------------

/** A supervisor's people: the teams they lead and those who report to them (as in access.ts). */
const supervises = (actor: Actor, e: Pick<EmployeeRef, 'teamId' | 'supervisorId'>) =>
  actor.role === 'supervisor' && ((e.teamId !== null && actor.supervisedTeamIds.includes(e.teamId)) || (actor.employeeId !== null && e.supervisorId === actor.employeeId));

/** Whose records the caller reads: HR, managers and administrators everyone's, a supervisor their people's, anyone else their own. */
function readScope(actor: Actor): PeopleScope {
  if (can(actor, 'appraisal.read_all')) return 'all';
  if (actor.role === 'supervisor') return { teamIds: actor.supervisedTeamIds, supervisorId: actor.employeeId };
  return { employeeId: actor.employeeId };
}

/** A filter asked for outside the caller's scope is refused rather than silently emptied. */
function checkFilters(actor: Actor, scope: PeopleScope, f: { employeeId?: string; teamId?: string }) {
  if (scope === 'all') return;
  if ('employeeId' in scope) {
    if ((f.employeeId && f.employeeId !== scope.employeeId) || f.teamId) throw errors.forbidden();
    return;
  }
  if (f.teamId && !actor.supervisedTeamIds.includes(f.teamId)) throw errors.forbidden();
}

/** Records are written by holders of appraisal.records; a supervisor only for their people. */
function assertMayRecordFor(actor: Actor, e: Pick<EmployeeRef, 'teamId' | 'supervisorId'>) {
  if (!can(actor, 'appraisal.records')) throw errors.forbidden();
  if (actor.role === 'supervisor' && !supervises(actor, e)) throw errors.forbidden();
}

/** 409 when the month's period is published or closed (P5.2: published figures change only through a reopen). */
async function assertMonthOpen(_ctx: ServiceContext, db: Parameters<typeof periodStatusOf>[0], date: string) {
  const period = await periodStatusOf(db, 'monthly', date.slice(0, 7));
  if (period && period.status !== 'open') {
    throw closedError(period.label);
  }
}

// ---- templates (P5.3.1-P5.3.2) ------------------------------------------------------------

const presentTemplate = (t: { id: string; kind: Kind; name: string; items: TemplateItem[]; version: number }) => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  items: t.items,
  version: t.version,
});

export async function listTemplates(ctx: ServiceContext) {
  const self = await activeTemplate(ctx.db, 'self');
  const supervisor = await activeTemplate(ctx.db, 'supervisor');
  return [presentTemplate(self), presentTemplate(supervisor)];
}

export async function getTemplate(ctx: ServiceContext, kind: Kind) {
  return presentTemplate(await activeTemplate(ctx.db, kind));
}

/** HR edits a form in place (optimistic version); results already opened keep the copy they took. */
export async function putTemplate(ctx: ServiceContext, kind: Kind, input: z.infer<typeof putTemplateBody>) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await activeTemplate(trx, kind);
    if (before.version !== input.version) throw errors.stale();
    const row = await updateTemplate(trx, before.id, input.version, { name: input.name, items: input.items });
    if (!row) throw errors.stale();
    const after = presentTemplate({ ...row, items: JSON.parse(row.itemsText) as TemplateItem[] });
    await writeAudit(trx, ctx, { action: 'appraisal.template.update', entityType: 'appraisal_template', entityId: row.id, before, after });
    return after;
  });
}

// ---- growth records (P5.1.4) --------------------------------------------------------------

function presentGrowth(g: GrowthRow) {
  return {
    id: g.id,
    employeeId: g.employeeId,
    employeeName: g.employeeName,
    kind: g.kind,
    occurredOn: g.occurredOn,
    title: g.title,
    hours: num(g.hours),
    score: g.score,
    passed: g.passed,
    accepted: g.accepted,
    note: g.note,
    source: g.source,
    recordedByLabel: g.recordedByLabel,
    version: g.version,
  };
}

export async function listGrowth(ctx: ServiceContext, q: z.infer<typeof growthQuery>) {
  checkRange(q);
  const scope = readScope(ctx.actor);
  checkFilters(ctx.actor, scope, q);
  return (await listGrowthRows(ctx.db, { scope, ...q })).map(presentGrowth);
}

/** HR or a supervisor (their people) records training, an exam, a certificate or an accepted innovation. */
export async function createGrowth(ctx: ServiceContext, input: CreateGrowth) {
  const employee = await findEmployee(ctx.db, input.employeeId);
  if (!employee) throw errors.notFound();
  assertMayRecordFor(ctx.actor, employee);
  if (!(TECHNICIAN_POSITIONS as readonly string[]).includes(employee.position)) throw errors.rule('appraisal.not_technician');
  const today = await companyToday(ctx.db);
  if (input.occurredOn > today) throw errors.invalidField('occurredOn', 'field.appraisal.future', { today });
  return ctx.db.transaction().execute(async (trx) => {
    await assertMonthOpen(ctx, trx, input.occurredOn);
    const { id } = await insertGrowth(trx, {
      employeeId: employee.id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      title: input.title,
      hours: input.hours ?? null,
      score: input.score ?? null,
      passed: input.passed ?? null,
      accepted: input.accepted ?? null,
      note: input.note,
      recordedBy: ctx.actor.userId,
      recordedByLabel: actorLabel(ctx.actor),
    });
    const after = presentGrowth((await findGrowth(trx, id))!);
    await writeAudit(trx, ctx, { action: 'appraisal.growth.create', entityType: 'growth_record', entityId: id, after });
    return after;
  });
}

export async function removeGrowth(ctx: ServiceContext, id: string) {
  const record = await findGrowth(ctx.db, id);
  if (!record) throw errors.notFound();
  assertMayRecordFor(ctx.actor, record);
  await ctx.db.transaction().execute(async (trx) => {
    await assertMonthOpen(ctx, trx, record.occurredOn);
    const before = await deleteGrowth(trx, id);
    if (!before) throw errors.notFound();
    await writeAudit(trx, ctx, { action: 'appraisal.growth.delete', entityType: 'growth_record', entityId: id, before });
  });
}

// ---- excused arrivals (P5.1.2) ------------------------------------------------------------

function presentExcuse(x: ExcuseRow) {
  return {
    workOrderId: x.workOrderId,
    number: x.number,
    title: x.title,
    assigneeName: x.assigneeName,
    arrivedAt: x.arrivedAt?.toISOString() ?? null,
    arrivalDueAt: x.arrivalDueAt?.toISOString() ?? null,
    reason: x.reason,
    evidence: x.evidence,
    attachmentId: x.attachmentId,
    recordedByLabel: x.recordedByLabel,
    recordedAt: x.recordedAt.toISOString(),
  };
}

/** The order an excuse is about, once the caller may record for its team and it has an arrival. */
async function excusableOrder(ctx: ServiceContext, workOrderId: string) {
  const order = await findOrder(ctx.db, workOrderId);
  if (!order) throw errors.notFound();
  if (!can(ctx.actor, 'appraisal.records')) throw errors.forbidden();
  if (ctx.actor.role === 'supervisor' && !(order.teamId !== null && ctx.actor.supervisedTeamIds.includes(order.teamId))) throw errors.forbidden();
  if (!order.arrivedAt) throw errors.rule('appraisal.not_arrived');
  const timeZone = await getSetting(ctx.db, 'company.timeZone', order.arrivedAt.toISOString().slice(0, 10));
  return { order, arrivedOn: dateInZone(order.arrivedAt, timeZone) };
}

/** Records (or replaces) why a late arrival is not the technician's fault. */
export async function putExcuse(ctx: ServiceContext, workOrderId: string, input: z.infer<typeof putExcuseBody>) {
  const { order, arrivedOn } = await excusableOrder(ctx, workOrderId);
  const attachmentId = input.attachmentId ?? null;
  if (attachmentId) {
    const attachment = await findAttachment(ctx.db, attachmentId);
    if (!attachment || attachment.workOrderId !== order.id) throw errors.invalidField('attachmentId', 'field.appraisal.attachment_order');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await assertMonthOpen(ctx, trx, arrivedOn);
    const before = await rawExcuse(trx, order.id);
    await upsertExcuse(trx, {
      workOrderId: order.id,
      reason: input.reason,
      evidence: input.evidence,
      attachmentId,
      recordedBy: ctx.actor.userId,
      recordedByLabel: actorLabel(ctx.actor),
    });
    const after = presentExcuse((await findExcuse(trx, order.id))!);
    await writeAudit(trx, ctx, { action: before ? 'appraisal.excuse.update' : 'appraisal.excuse.create', entityType: 'arrival_excuse', entityId: order.id, before, after });
    return { created: !before, excuse: after };
  });
}

export async function removeExcuse(ctx: ServiceContext, workOrderId: string) {
  const { order, arrivedOn } = await excusableOrder(ctx, workOrderId);
  await ctx.db.transaction().execute(async (trx) => {
    await assertMonthOpen(ctx, trx, arrivedOn);
    const before = await deleteExcuse(trx, order.id);
    if (!before) throw errors.notFound();
    await writeAudit(trx, ctx, { action: 'appraisal.excuse.delete', entityType: 'arrival_excuse', entityId: order.id, before });
  });
}

/** An order's excuse, for whoever may read the order (customers never: it is an internal record). */
export async function getExcuse(ctx: ServiceContext, workOrderId: string) {
  if (ctx.actor.role === 'customer') throw errors.forbidden();
  if (!can(ctx.actor, 'appraisal.records') && !can(ctx.actor, 'appraisal.read_all')) await loadForActor(ctx, workOrderId);
  const excuse = await findExcuse(ctx.db, workOrderId);
  if (!excuse) throw errors.notFound();
  return presentExcuse(excuse);
}

/** Excuses of the orders arrived at on the days from..to (company time zone); a supervisor sees their teams'. */
export async function listExcuses(ctx: ServiceContext, q: z.infer<typeof excusesQuery>) {
  checkRange(q);
  const supervisor = ctx.actor.role === 'supervisor';
  if (supervisor && q.teamId && !ctx.actor.supervisedTeamIds.includes(q.teamId)) throw errors.forbidden();
  const timeZone = await getSetting(ctx.db, 'company.timeZone', q.from);
  const rows = await listExcuseRows(ctx.db, {
    start: zonedDayStart(q.from, timeZone),
    end: zonedDayStart(q.to, timeZone, 1),
    teamId: q.teamId,
    teamIds: supervisor ? ctx.actor.supervisedTeamIds : undefined,
  });
  return rows.map(presentExcuse);
}

// ---- results applied (P5.4) ---------------------------------------------------------------

/** A period that has been published (or closed since): 404 when it does not exist, 422 while still open. */
async function publishedPeriod(ctx: ServiceContext, kind: 'monthly' | 'annual', label: string) {
  const period = await findPeriodByLabel(ctx.db, kind, label);
  if (!period) throw errors.notFound();
  if (period.status === 'open') {
    throw errors.rule('appraisal.period_not_published', { label: period.label });
  }
  return period;
}

/**
 * P5.4.1, P7.1.2: the performance-pay coefficient of each graded result of a published month
 * (or year), from the period's frozen policy, so a later change of the setting never alters
 * what a published period pays.
 */
export async function payCoefficients(ctx: ServiceContext, label: string) {
  const kind = /^\d{4}$/.test(label) ? 'annual' : 'monthly';
  const period = await publishedPeriod(ctx, kind, label);
  const coefficients = policyOf(period).grades.value.payCoefficients;
  const rows = await gradedResults(ctx.db, period.id);
  // The grades setting refuses bands without a coefficient, so every grade has one.
  return rows
    .filter((r) => coefficients[r.grade!] !== undefined)
    .map((r) => ({
      employeeId: r.employeeId,
      employeeNo: r.employeeNo,
      name: r.name,
      periodLabel: period.label,
      grade: r.grade!,
      coefficient: coefficients[r.grade!]!,
      score: Number(r.score),
      resultStatus: r.status,
    }));
}

/** P5.4.2: the annual results graded "excellent" (by the year's frozen policy): the promotion and raise eligibility list. */
export async function excellentList(ctx: ServiceContext, year: string) {
  const period = await publishedPeriod(ctx, 'annual', year);
  const rows = await gradedResults(ctx.db, period.id, policyOf(period).annual.value.excellentGrades);
  return rows.map((r) => ({ employeeId: r.employeeId, employeeNo: r.employeeNo, name: r.name, teamName: r.teamName, year: period.label, grade: r.grade!, score: Number(r.score), resultId: r.id }));
}

// ---- development actions (P5.4.3) ---------------------------------------------------------

function presentDevelopment(d: DevelopmentRow) {
  return {
    id: d.id,
    employeeId: d.employeeId,
    employeeName: d.employeeName,
    resultId: d.resultId,
    periodLabel: d.periodLabel,
    indicator: d.indicator as IndicatorKey,
    points: num(d.points),
    suggestion: JSON.parse(d.suggestionText) as { 'zh-CN': string; en: string },
    dueOn: d.dueOn,
    status: d.status,
    fulfilledAt: d.fulfilledAt?.toISOString() ?? null,
    fulfilmentNote: d.fulfilmentNote,
    version: d.version,
  };
}

export async function listDevelopmentActions(ctx: ServiceContext, q: z.infer<typeof developmentQuery>) {
  const scope = readScope(ctx.actor);
  checkFilters(ctx.actor, scope, q);
  return (await listDevelopmentRows(ctx.db, { scope, ...q })).map(presentDevelopment);
}

/** HR (and later the training module) marks an open action done or cancelled, with a note. */
export async function fulfilDevelopmentAction(ctx: ServiceContext, id: string, input: z.infer<typeof fulfilBody>) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findDevelopment(trx, id);
    if (!before) throw errors.notFound();
    if (before.version !== input.version) throw errors.stale();
    if (before.status !== 'open') throw errors.rule('appraisal.step_done');
    if (!(await fulfilDevelopment(trx, id, input.version, { status: input.status, note: input.note }))) throw errors.stale();
    const after = presentDevelopment((await findDevelopment(trx, id))!);
    await writeAudit(trx, ctx, { action: 'appraisal.development.fulfil', entityType: 'development_action', entityId: id, before: presentDevelopment(before), after });
    return after;
  });
}
