import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { INDICATORS, type IndicatorKey, type ScoredIndicator } from '../../../core/appraisal/indicators.ts';
import type { Locale } from '../../db/schema.ts';
import type { Actor, ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { type MessageKey, message } from '../../platform/messages.ts';
import { id } from '../../platform/schemas.ts';
import {
  type DashboardResultRow,
  dashboardPeriods,
  dashboardResults,
  gradeCounts,
  indicatorTrends,
  monthlyPeriodsBetween,
  type OrderLine,
  orderLines,
  periodById,
  resultOf,
  type TrendRow,
  teamsByIds,
} from './dashboard-queries.ts';
import { periodWindow } from './periods.ts';
import { EXCUSE_REASONS, indicatorKey } from './schemas.ts';
import { type AppraisalPolicy, policyOf } from './scoring.ts';

// The appraisal dashboards (issue 6 point 6): team and company trends of each indicator over
// the months, the distribution of grades, rankings with their sample sizes, the records behind
// any chart point, and the Excel export. All read the results frozen at each period's close.
//
// Who sees what: HR, managers and admins (appraisal.read_all) every team; a supervisor only the
// teams they lead (another team is 403). The company line of a trend and the company's grade
// counts are aggregates, shown to supervisors too; names and orders stay within their teams.

// ---- the API's shapes (the web infers its types from these) ---------------------------------

const nullableNumber = z.number().nullable();
const int = z.number().int();
export const monthLabel = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const MAX_MONTHS = 36;
const isMonth = (v: unknown) => typeof v === 'string' && monthLabel.safeParse(v).success;
const monthIndex = (label: string) => Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1;

export const dashboardOptionsView = z.object({
  periods: z.array(z.object({ id, label: z.string(), kind: z.enum(['monthly', 'annual']), status: z.enum(['open', 'published', 'closed']) })),
  /** The teams the caller may look at: every team for HR and managers, a supervisor's own. */
  teams: z.array(z.object({ id, name: z.string(), active: z.boolean() })),
  allTeams: z.boolean(),
});

export const trendsQuery = z
  .object({ from: monthLabel, to: monthLabel, teamId: id.optional() })
  .strict()
  // Compared only once both are months (zod runs these after a field's own failure too).
  .refine((q) => !isMonth(q.from) || !isMonth(q.to) || q.from <= q.to, { path: ['to'], params: { messageKey: 'field.date_range' } })
  .refine((q) => !isMonth(q.from) || !isMonth(q.to) || monthIndex(q.to) - monthIndex(q.from) < MAX_MONTHS, {
    path: ['from'],
    params: { messageKey: 'field.date_range' },
  });

/** Over a set of results: the means of the technicians scored on the indicator, the samples of all, how many were scored and appraised. */
const trendStat = z.object({ meanValue: nullableNumber, meanPoints: nullableNumber, samples: z.number(), scored: int, technicians: int });
export const trendsView = z.object({
  from: z.string(),
  to: z.string(),
  /** The teams of the team line: the one asked for, a supervisor's own when none; null: no team line. */
  teamIds: z.array(id).nullable(),
  months: z.array(
    z.object({
      periodId: id,
      label: z.string(),
      status: z.enum(['open', 'published', 'closed']),
      indicators: z.array(z.object({ key: indicatorKey, target: nullableNumber, company: trendStat, team: trendStat.nullable() })),
    }),
  ),
});
export type TrendsView = z.infer<typeof trendsView>;

export const distributionQuery = z.object({ periodId: id, teamId: id.optional() }).strict();
export const distributionView = z.object({
  periodId: id,
  periodLabel: z.string(),
  teamIds: z.array(id).nullable(),
  /** In the order of the period's grade bands (its frozen policy). */
  bands: z.array(z.object({ grade: z.string(), min: z.number(), company: int, team: int.nullable() })),
  /** Results without a grade yet (no composite). */
  ungraded: z.object({ company: int, team: int.nullable() }),
  forcedShares: z.record(z.string(), z.number()).nullable(),
});
export type DistributionView = z.infer<typeof distributionView>;

export const rankingQuery = z.object({ periodId: id, indicator: indicatorKey.optional(), teamId: id.optional() }).strict();
export const rankingRowView = z.object({
  /** Competition rank among the scored (1, 2, 2, 4); null for the insufficient, listed last. */
  rank: int.nullable(),
  resultId: id,
  employee: z.object({ id, name: z.string(), employeeNo: z.string() }),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  /** The indicator's value; by composite: the final score (calibrated when HR calibrated). */
  value: nullableNumber,
  points: nullableNumber,
  /** The indicator's sample size; by composite: the samples of all five indicators. */
  samples: z.number(),
  status: z.enum(['scored', 'insufficient']),
  grade: z.string().nullable(),
  calibrated: z.boolean(),
});
export const rankingView = z.object({
  periodId: id,
  periodLabel: z.string(),
  indicator: indicatorKey.nullable(),
  /** The indicator's minimum sample size in the period's policy. */
  minSamples: int.nullable(),
  rows: z.array(rankingRowView),
});
export type RankingView = z.infer<typeof rankingView>;

export const ORDERS_LIMIT = 500;
export const ordersQuery = z
  .object({ periodId: id, indicator: indicatorKey, teamId: id.optional(), employeeId: id.optional(), grade: z.string().trim().min(1).max(8).optional() })
  .strict();
export const orderLineView = z.object({
  kind: z.enum(['order', 'rating', 'growth', 'consultation', 'assist']),
  /** on_time | late | excused | closed | reopened | rating | training | exam | certificate | innovation | joined | helped | assist */
  status: z.string(),
  /** Whether the line counts in the figure (an excused arrival, a failed exam: shown, not counted). */
  counted: z.boolean(),
  workOrderId: id.nullable(),
  number: z.string().nullable(),
  title: z.string(),
  technician: z.object({ id, name: z.string() }),
  /** Arrived, closed, rated, joined or checked in (an instant); a growth record's day (YYYY-MM-DD). */
  at: z.string().nullable(),
  /** The arrival deadline (on time), the resolution deadline (resolution). */
  dueAt: z.string().nullable(),
  rating: int.nullable(),
  source: z.string().nullable(),
  /** Training hours, an exam's score, or how many times a closed order was reopened. */
  amount: nullableNumber,
  note: z.string().nullable(),
  excuse: z.object({ reason: z.enum(EXCUSE_REASONS), evidence: z.string(), recordedByLabel: z.string(), recordedAt: z.string() }).nullable(),
});
export const ordersView = z.object({
  periodId: id,
  periodLabel: z.string(),
  indicator: indicatorKey,
  total: int,
  truncated: z.boolean(),
  limit: int,
  items: z.array(orderLineView),
});
export type OrdersView = z.infer<typeof ordersView>;

export const exportQuery = z.object({ periodId: id, teamId: id.optional() }).strict();

// ---- access ------------------------------------------------------------------------------

/** The teams a caller reads: null for every team; a supervisor's own (or the one asked for, if theirs). */
export function dashboardScope(actor: Actor, teamId?: string): readonly string[] | null {
  if (actor.permissions.has('appraisal.read_all')) return teamId ? [teamId] : null;
  if (actor.role === 'supervisor' && actor.permissions.has('appraisal.records')) {
    if (teamId && !actor.supervisedTeamIds.includes(teamId)) throw errors.forbidden();
    return teamId ? [teamId] : actor.supervisedTeamIds;
  }
  throw errors.forbidden();
}

async function periodOf(ctx: ServiceContext, periodId: string) {
  const period = await periodById(ctx.db, periodId);
  if (!period) throw errors.notFound();
  return { ...period, policy: policyOf(period) };
}

// ---- figures -----------------------------------------------------------------------------

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
const round = (v: number | null, places: number) => (v === null ? null : Math.round(v * 10 ** places) / 10 ** places);

export async function dashboardOptions(ctx: ServiceContext) {
  const scope = dashboardScope(ctx.actor);
  const [periods, teams] = await Promise.all([dashboardPeriods(ctx.db), teamsByIds(ctx.db, scope)]);
  return { periods: periods.map((p) => ({ id: p.id, label: p.label, kind: p.kind, status: p.status })), teams, allTeams: scope === null };
}

function stat(row: TrendRow | undefined, side: 'company' | 'team') {
  if (!row) return { meanValue: null, meanPoints: null, samples: 0, scored: 0, technicians: 0 };
  return {
    meanValue: round(num(row[`${side}Value`]), 4),
    meanPoints: round(num(row[`${side}Points`]), 1),
    samples: Number(row[`${side}Samples`]),
    scored: row[`${side}Scored`],
    technicians: row[`${side}Technicians`],
  };
}

/** Each monthly period from `from` to `to`: per indicator, the company's figures and the team's. */
export async function dashboardTrends(ctx: ServiceContext, q: z.infer<typeof trendsQuery>): Promise<TrendsView> {
  const scope = dashboardScope(ctx.actor, q.teamId);
  const periods = await monthlyPeriodsBetween(ctx.db, q.from, q.to);
  const rows = await indicatorTrends(
    ctx.db,
    periods.map((p) => p.id),
    scope,
  );
  const byKey = new Map(rows.map((r) => [`${r.periodId}|${r.indicator}`, r]));
  return {
    from: q.from,
    to: q.to,
    teamIds: scope ? [...scope] : null,
    months: periods.map((p) => {
      const policy = JSON.parse(p.policyText) as AppraisalPolicy;
      return {
        periodId: p.id,
        label: p.label,
        status: p.status,
        indicators: INDICATORS.map((key) => {
          const row = byKey.get(`${p.id}|${key}`);
          return { key, target: policy.indicators?.value[key]?.target ?? null, company: stat(row, 'company'), team: scope ? stat(row, 'team') : null };
        }),
      };
    }),
  };
}

/** The grades of a period, counted in its bands' order; the team's beside the company's. */
export async function dashboardDistribution(ctx: ServiceContext, q: z.infer<typeof distributionQuery>): Promise<DistributionView> {
  const scope = dashboardScope(ctx.actor, q.teamId);
  const period = await periodOf(ctx, q.periodId);
  const counts = await gradeCounts(ctx.db, period.id, scope);
  const grades = period.policy.grades.value;
  type Count = { company: number; team: number | null };
  const bands: ({ grade: string; min: number } & Count)[] = grades.bands.map((b) => ({ grade: b.grade, min: b.min, company: 0, team: scope ? 0 : null }));
  const ungraded: Count = { company: 0, team: scope ? 0 : null };
  for (const c of counts) {
    let target: Count | undefined = c.grade === null ? ungraded : bands.find((b) => b.grade === c.grade);
    if (!target) {
      // A grade not among the period's bands: shown, not dropped.
      const extra = { grade: c.grade!, min: 0, company: 0, team: scope ? 0 : null };
      bands.push(extra);
      target = extra;
    }
    target.company += c.company;
    if (scope) target.team = (target.team ?? 0) + c.team;
  }
  return { periodId: period.id, periodLabel: period.label, teamIds: scope ? [...scope] : null, bands, ungraded, forcedShares: grades.forcedShares };
}

function itemsOf(row: Pick<DashboardResultRow, 'indicatorsText'>): ScoredIndicator[] {
  if (!row.indicatorsText) return [];
  return (JSON.parse(row.indicatorsText) as { items?: ScoredIndicator[] }).items ?? [];
}

const finalScore = (r: DashboardResultRow) => num(r.calibratedScore) ?? num(r.composite);

/** Technicians by an indicator's points (or the final score): the scored first, best first; the insufficient last, with their samples. */
export async function dashboardRanking(ctx: ServiceContext, q: z.infer<typeof rankingQuery>): Promise<RankingView> {
  const scope = dashboardScope(ctx.actor, q.teamId);
  const period = await periodOf(ctx, q.periodId);
  const results = await dashboardResults(ctx.db, { periodId: period.id, teamIds: scope });
  const rows = results.map((r) => {
    const items = itemsOf(r);
    const base = {
      resultId: r.id,
      employee: { id: r.employeeId, name: r.employeeName, employeeNo: r.employeeNo },
      teamId: r.teamId,
      teamName: r.teamName,
      grade: r.grade,
      calibrated: r.calibratedScore !== null,
    };
    if (q.indicator) {
      const item = items.find((i) => i.key === q.indicator);
      const scored = item?.status === 'scored' && item.points !== null;
      return { ...base, value: item?.value ?? null, points: scored ? item.points : null, samples: item?.samples ?? 0, status: scored ? ('scored' as const) : ('insufficient' as const) };
    }
    const score = finalScore(r);
    return {
      ...base,
      value: score,
      points: score,
      samples: items.reduce((sum, i) => sum + i.samples, 0),
      status: score === null ? ('insufficient' as const) : ('scored' as const),
    };
  });
  rows.sort(
    (a, b) =>
      (a.status === 'scored' ? 0 : 1) - (b.status === 'scored' ? 0 : 1) ||
      (b.points ?? -1) - (a.points ?? -1) ||
      b.samples - a.samples ||
      a.employee.name.localeCompare(b.employee.name, 'zh-CN') ||
      a.employee.employeeNo.localeCompare(b.employee.employeeNo),
  );
  let rank = 0;
  const ranked = rows.map((r, i) => {
    if (r.status !== 'scored') return { ...r, rank: null };
    if (i === 0 || rows[i - 1]!.points !== r.points) rank = i + 1;
    return { ...r, rank };
  });
  return {
    periodId: period.id,
    periodLabel: period.label,
    indicator: q.indicator ?? null,
    minSamples: q.indicator ? (period.policy.indicators.value[q.indicator]?.minSamples ?? null) : null,
    rows: ranked,
  };
}

const iso = (v: Date | string | null) => (v === null ? null : typeof v === 'string' ? v : v.toISOString());

function presentLine(l: OrderLine): z.infer<typeof orderLineView> {
  return {
    kind: l.kind,
    status: l.status,
    counted: l.counted,
    workOrderId: l.workOrderId,
    number: l.number,
    title: l.title,
    technician: { id: l.technicianId, name: l.technicianName },
    at: iso(l.at),
    dueAt: iso(l.dueAt),
    rating: l.rating,
    source: l.source,
    amount: num(l.amount),
    note: l.note,
    excuse:
      l.excuseReason && l.excuseEvidence !== null
        ? { reason: l.excuseReason as (typeof EXCUSE_REASONS)[number], evidence: l.excuseEvidence, recordedByLabel: l.excuseBy ?? '', recordedAt: iso(l.excuseAt) ?? '' }
        : null,
  };
}

/**
 * The records behind a chart point, a bar or a ranking row (issue 6 point 5-6): the orders
 * counted, late or excused with the reason (P5.1.2), closed or reopened (P5.1.3), the ratings
 * (P5.1.1), the growth records (P5.1.4), the consultations and assists (P5.1.5). At most 500,
 * problems first; `truncated` says when there were more.
 */
export async function dashboardOrders(ctx: ServiceContext, q: z.infer<typeof ordersQuery>): Promise<OrdersView> {
  const scope = dashboardScope(ctx.actor, q.teamId);
  const period = await periodOf(ctx, q.periodId);
  if (q.employeeId) {
    const result = await resultOf(ctx.db, period.id, q.employeeId);
    if (!result) throw errors.notFound();
    if (scope && (result.teamId === null || !scope.includes(result.teamId))) throw errors.forbidden();
  }
  const filter = { periodId: period.id, teamIds: scope, employeeId: q.employeeId, grade: q.grade };
  const lines = await orderLines(ctx.db, q.indicator, filter, await periodWindow(ctx.db, period), ORDERS_LIMIT + 1);
  return {
    periodId: period.id,
    periodLabel: period.label,
    indicator: q.indicator,
    total: lines[0]?.total ?? 0,
    truncated: lines.length > ORDERS_LIMIT,
    limit: ORDERS_LIMIT,
    items: lines.slice(0, ORDERS_LIMIT).map(presentLine),
  };
}

// ---- Excel -------------------------------------------------------------------------------

const RATIOS: readonly IndicatorKey[] = ['onTime', 'resolution'];
const valueFormat = (key: IndicatorKey) => (RATIOS.includes(key) ? '0.0%' : '0.00');

function resultsSheet(wb: ExcelJS.Workbook, rows: DashboardResultRow[], t: (k: MessageKey) => string) {
  const ws = wb.addWorksheet(t('appraisal.dashboard.xlsx.resultsSheet'));
  const indicatorHeaders = INDICATORS.flatMap((key) => {
    const name = t(`appraisal.dashboard.indicator.${key}`);
    return [`${name} · ${t('appraisal.dashboard.xlsx.value')}`, `${name} · ${t('appraisal.dashboard.xlsx.points')}`, `${name} · ${t('appraisal.dashboard.xlsx.samples')}`];
  });
  const head: MessageKey[] = ['appraisal.dashboard.xlsx.employeeNo', 'appraisal.dashboard.xlsx.employee', 'appraisal.dashboard.xlsx.team'];
  const tail: MessageKey[] = [
    'appraisal.dashboard.xlsx.indicatorScore',
    'appraisal.dashboard.xlsx.self',
    'appraisal.dashboard.xlsx.supervisor',
    'appraisal.dashboard.xlsx.customer',
    'appraisal.dashboard.xlsx.composite',
    'appraisal.dashboard.xlsx.calibrated',
    'appraisal.dashboard.xlsx.grade',
    'appraisal.dashboard.xlsx.status',
  ];
  ws.addRow([...head.map(t), ...indicatorHeaders, ...tail.map(t)]).font = { bold: true };
  for (const r of rows) {
    const items = itemsOf(r);
    const cells = INDICATORS.flatMap((key) => {
      const item = items.find((i) => i.key === key);
      return [item?.value ?? null, item?.status === 'scored' ? item.points : null, item?.samples ?? 0];
    });
    ws.addRow([
      r.employeeNo,
      r.employeeName,
      r.teamName ?? '',
      ...cells,
      num(r.indicatorScore),
      num(r.selfScore),
      num(r.supervisorScore),
      num(r.customerScore),
      num(r.composite),
      num(r.calibratedScore),
      r.grade ?? '',
      t(`appraisal.dashboard.resultStatus.${r.status}`),
    ]);
  }
  INDICATORS.forEach((key, i) => {
    ws.getColumn(head.length + i * 3 + 1).numFmt = valueFormat(key);
  });
  ws.columns.forEach((c, i) => {
    c.width = i < head.length ? 16 : 12;
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

/** One indicator summarised per team and over all the exported results. */
function indicatorSheet(wb: ExcelJS.Workbook, key: IndicatorKey, rows: DashboardResultRow[], policy: AppraisalPolicy, t: (k: MessageKey) => string) {
  const ws = wb.addWorksheet(t(`appraisal.dashboard.indicator.${key}`));
  const p = policy.indicators.value[key];
  ws.addRow([
    t('appraisal.dashboard.xlsx.target'),
    p?.target ?? '',
    t('appraisal.dashboard.xlsx.weight'),
    p?.weight ?? '',
    t('appraisal.dashboard.xlsx.minSamples'),
    p?.minSamples ?? '',
    t('appraisal.dashboard.xlsx.policyFrom'),
    policy.indicators.effectiveFrom,
  ]);
  ws.addRow([]);
  const headers: MessageKey[] = [
    'appraisal.dashboard.xlsx.team',
    'appraisal.dashboard.xlsx.technicians',
    'appraisal.dashboard.xlsx.scored',
    'appraisal.dashboard.xlsx.insufficient',
    'appraisal.dashboard.xlsx.meanValue',
    'appraisal.dashboard.xlsx.meanPoints',
    'appraisal.dashboard.xlsx.minPoints',
    'appraisal.dashboard.xlsx.maxPoints',
    'appraisal.dashboard.xlsx.samples',
  ];
  ws.addRow(headers.map(t)).font = { bold: true };
  const summarise = (label: string, group: DashboardResultRow[]) => {
    const items = group.map((r) => itemsOf(r).find((i) => i.key === key));
    const scored = items.filter((i): i is ScoredIndicator => i?.status === 'scored' && i.points !== null);
    const values = scored.map((i) => i.value).filter((v): v is number => v !== null);
    const points = scored.map((i) => i.points!);
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    return ws.addRow([
      label,
      group.length,
      scored.length,
      group.length - scored.length,
      round(mean(values), 4),
      round(mean(points), 1),
      points.length ? Math.min(...points) : null,
      points.length ? Math.max(...points) : null,
      items.reduce((sum, i) => sum + (i?.samples ?? 0), 0),
    ]);
  };
  const teams = new Map<string, DashboardResultRow[]>();
  for (const r of rows) {
    const name = r.teamName ?? t('appraisal.dashboard.xlsx.noTeam');
    teams.set(name, [...(teams.get(name) ?? []), r]);
  }
  for (const [name, group] of [...teams].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) summarise(name, group);
  summarise(t('appraisal.dashboard.xlsx.total'), rows).font = { bold: true };
  ws.getColumn(5).numFmt = valueFormat(key);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 22 : 12;
  });
}

function gradesSheet(wb: ExcelJS.Workbook, rows: DashboardResultRow[], policy: AppraisalPolicy, t: (k: MessageKey) => string) {
  const ws = wb.addWorksheet(t('appraisal.dashboard.xlsx.gradesSheet'));
  ws.addRow([t('appraisal.dashboard.xlsx.grade'), t('appraisal.dashboard.xlsx.min'), t('appraisal.dashboard.xlsx.count')]).font = { bold: true };
  for (const b of policy.grades.value.bands) ws.addRow([b.grade, b.min, rows.filter((r) => r.grade === b.grade).length]);
  ws.addRow([t('appraisal.dashboard.xlsx.ungraded'), '', rows.filter((r) => r.grade === null).length]);
  ws.columns.forEach((c) => {
    c.width = 14;
  });
}

/** The period's results in the caller's scope as a workbook: the results, one summary sheet per indicator, the grades; headers in the caller's language. */
export async function dashboardWorkbook(ctx: ServiceContext, q: z.infer<typeof exportQuery>, locale: Locale) {
  const scope = dashboardScope(ctx.actor, q.teamId);
  const period = await periodOf(ctx, q.periodId);
  const rows = await dashboardResults(ctx.db, { periodId: period.id, teamIds: scope });
  const t = (k: MessageKey) => message(k, locale);
  // Loaded on the first export, not at start-up.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.created = new Date();
  resultsSheet(wb, rows, t);
  for (const key of INDICATORS) indicatorSheet(wb, key, rows, period.policy, t);
  gradesSheet(wb, rows, period.policy, t);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `appraisal-${period.label}${q.teamId ? `-team-${q.teamId.slice(0, 8)}` : ''}.xlsx` };
}
