import type ExcelJS from 'exceljs';
import { monthsBetween, SEVERITIES, type Severity } from '../../../core/feedback.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { Locale } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { type MessageKey, message } from '../../platform/messages.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { feedbackPolicy } from './policy.ts';
import { type DefectFilter, defectCounts, defectRows, defectSeverities } from './queries.ts';
import type { DefectReportQuery } from './schemas.ts';
import { defectCategories } from './service.ts';

const MAX_MONTHS = 60;

/** The first day of the month `back` months before `date` (YYYY-MM-DD). */
function monthStart(date: string, back: number) {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The report's range in company dates (default: this month and the five before it) and its filter. */
async function rangeOf(ctx: ServiceContext, q: DefectReportQuery) {
  const zone = await getSetting(ctx.db, 'company.timeZone');
  const to = q.to ?? (await companyToday(ctx.db));
  const from = q.from ?? monthStart(to, 5);
  if (from > to) throw errors.invalidField('from', 'field.date_range');
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw errors.invalidField('from', 'field.date_range');
  const filter: DefectFilter = {
    createdFrom: zonedDayStart(from, zone),
    createdTo: zonedDayStart(to, zone, 1),
    model: q.model || undefined,
    category: q.category || undefined,
  };
  return { zone, from, to, months, filter };
}

/** P2.2.2: defects by product model x category x month (company time zone), and totals by severity. */
export async function defectReport(ctx: ServiceContext, q: DefectReportQuery) {
  if (!feedbackPolicy.defectReport(ctx.actor)) throw errors.forbidden();
  const { zone, from, to, months, filter } = await rangeOf(ctx, q);
  const [counts, severities, categories] = await Promise.all([defectCounts(ctx.db, filter, zone), defectSeverities(ctx.db, filter), defectCategories(ctx.db)]);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const s of severities) if (s.severity) bySeverity[s.severity] = Number(s.count);
  const cells = counts.map((c) => ({ model: c.model, category: c.category, month: c.month, count: Number(c.count) }));
  return { from, to, months, categories, cells, bySeverity, total: cells.reduce((sum, c) => sum + c.count, 0) };
}

type Report = Awaited<ReturnType<typeof defectReport>>;

function instantIn(zone: string, at: Date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
}

function pivotSheet(wb: ExcelJS.Workbook, report: Report, t: (k: MessageKey) => string, categoryLabel: (k: string) => string) {
  const ws = wb.addWorksheet(t('feedback.xlsx.pivotSheet'));
  ws.addRow([t('feedback.xlsx.model'), t('feedback.xlsx.category'), ...report.months, t('feedback.xlsx.total')]).font = { bold: true };
  const pairs = [...new Set(report.cells.map((c) => `${c.model}\u0000${c.category}`))];
  for (const pair of pairs) {
    const [model, category] = pair.split('\u0000') as [string, string];
    const counts = report.months.map((m) => report.cells.find((c) => c.model === model && c.category === category && c.month === m)?.count ?? 0);
    ws.addRow([model, categoryLabel(category), ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  const monthTotals = report.months.map((m) => report.cells.filter((c) => c.month === m).reduce((a, c) => a + c.count, 0));
  ws.addRow([t('feedback.xlsx.total'), '', ...monthTotals, report.total]).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i < 2 ? 22 : 10;
  });
}

/** The same report as an Excel workbook: the pivot, the totals by severity and the defect rows, headers in the caller's language. */
export async function defectReportWorkbook(ctx: ServiceContext, q: DefectReportQuery, locale: Locale) {
  const report = await defectReport(ctx, q);
  const { zone, filter } = await rangeOf(ctx, q);
  const t = (k: MessageKey) => message(k, locale);
  const categoryLabel = (k: string) => report.categories.find((c) => c.key === k)?.label[locale] ?? k;
  // Loaded on the first export, not at start-up.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.created = new Date();
  pivotSheet(wb, report, t, categoryLabel);

  const severity = wb.addWorksheet(t('feedback.xlsx.severitySheet'));
  severity.addRow([t('feedback.xlsx.severity'), t('feedback.xlsx.count')]).font = { bold: true };
  for (const s of SEVERITIES) severity.addRow([t(`feedback.severity.${s}`), report.bySeverity[s]]);

  const rows = wb.addWorksheet(t('feedback.xlsx.rowsSheet'));
  const headers: MessageKey[] = [
    'feedback.xlsx.number',
    'feedback.xlsx.raisedAt',
    'feedback.xlsx.order',
    'feedback.xlsx.model',
    'feedback.xlsx.serial',
    'feedback.xlsx.category',
    'feedback.xlsx.severity',
    'feedback.xlsx.status',
    'feedback.xlsx.title',
    'feedback.xlsx.description',
    'feedback.xlsx.raisedBy',
    'feedback.xlsx.answer',
  ];
  rows.addRow(headers.map(t)).font = { bold: true };
  for (const r of await defectRows(ctx.db, filter)) {
    rows.addRow([
      r.number,
      instantIn(zone, r.createdAt),
      r.workOrderNumber,
      r.productModel ?? '',
      r.serialNumber ?? '',
      categoryLabel(r.defectCategory ?? ''),
      r.severity ? t(`feedback.severity.${r.severity}`) : '',
      t(`feedback.status.${r.status}`),
      r.title,
      r.description,
      r.raisedByLabel,
      r.answer ?? '',
    ]);
  }
  rows.columns.forEach((c) => {
    c.width = 18;
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `defect-report-${report.from}-${report.to}.xlsx` };
}
