import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { State } from '../../../core/work-order-lifecycle.ts';
import type { DB, Locale } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { notifyOrderEvent } from '../notifications/service.ts';
import { storeAttachments } from '../work-orders/attachments.ts';
import { loadForActor } from '../work-orders/read.ts';
import { gatherReportDocument, minutesFromVisits, reportKindOf } from './document.ts';
import { renderReportPdf } from './pdf.ts';
import { reportPolicy } from './policy.ts';
import { missingFields, presentReport } from './presenter.ts';
import { customerLocale, findFaultCode, findReport, insertReport, pdfAttachment, replaceAttachmentData, updateReport } from './queries.ts';
import type { SaveReport } from './schemas.ts';

// The service report of an order (P4.4.2): drafted by the assignee, filed once the work is done,
// rendered to PDF, kept on the order and emailed to the customer.

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const labelOf = (ctx: ServiceContext) => ctx.actor.displayName;

async function loadReport(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  const report = await findReport(ctx.db, orderId);
  if (!reportPolicy.read(ctx.actor, report)) throw errors.notFound();
  return { order, kinds, report, state: order.state as State, kind: report?.kind ?? reportKindOf(order.category) };
}

export async function getReport(ctx: ServiceContext, orderId: string) {
  const { order, kinds, report, state, kind } = await loadReport(ctx, orderId);
  const [fault, visits, pdf] = await Promise.all([
    report?.faultCode ? findFaultCode(ctx.db, report.faultCode) : undefined,
    minutesFromVisits(ctx.db, orderId),
    pdfAttachment(ctx.db, report?.pdfAttachmentId ?? null),
  ]);
  return presentReport({ orderId: order.id, state, kinds, kind, report, fault, visits, pdf });
}

/** A chosen fault code must be on the maintained list and active (400 naming `faultCode`). */
async function checkFaultCode(db: Kysely<DB>, code: string | null | undefined, current: string | null | undefined) {
  if (!code || code === current) return;
  const row = await findFaultCode(db, code);
  if (!row?.active) throw errors.invalidField('faultCode', 'field.fault_code_inactive');
}

/**
 * Saves a draft (P4.4.2). `version` 0 creates the report; otherwise it must be the version the
 * caller read: when two people edit the same report, the later save is stale and gets 409.
 */
export async function saveReport(ctx: ServiceContext, orderId: string, input: SaveReport) {
  const { kinds, report, state, kind } = await loadReport(ctx, orderId);
  if (!kinds.has('assignee')) throw errors.forbidden();
  if (!reportPolicy.edit(kinds, state, report)) throw errors.rule('report.not_editable');
  await checkFaultCode(ctx.db, input.faultCode, report?.faultCode);
  const { version, ...values } = input;
  await ctx.db.transaction().execute(async (trx) => {
    if (!report) {
      if (version !== 0) throw errors.stale();
      const created = await insertReport(trx, { ...values, workOrderId: orderId, kind, createdBy: ctx.actor.userId }).catch((e: { code?: string }) => {
        // Someone else created it between our read and this write.
        throw e.code === '23505' ? errors.stale() : e;
      });
      await writeAudit(trx, ctx, { action: 'service_report.create', entityType: 'service_report', entityId: created.id, after: created });
      return;
    }
    if (version === 0) throw errors.stale();
    // A filed report changed after the order went back to work is a draft again, to be filed anew.
    const after = await updateReport(trx, report.id, version, { ...values, status: 'draft' });
    await writeAudit(trx, ctx, { action: 'service_report.update', entityType: 'service_report', entityId: report.id, before: report, after });
  });
  return getReport(ctx, orderId);
}

/** The language the customer reads the report in: their portal user's, else Chinese. */
async function reportLocale(db: Kysely<DB>, customerId: string, asked: Locale | undefined): Promise<Locale> {
  return asked ?? (await customerLocale(db, customerId)) ?? 'zh-CN';
}

async function renderFor(trx: Kysely<DB>, orderId: string, locale: Locale) {
  const pdf = await renderReportPdf(await gatherReportDocument(trx, orderId, locale), locale);
  return { data: pdf, sha256: sha256(pdf) };
}

function incomplete(missing: string[]) {
  return new AppError(422, 'report.incomplete', {
    params: { count: missing.length },
    fields: missing.map((field) => ({ field, code: 'report_required', key: 'field.report_required' as const })),
    extra: { missing },
  });
}

/**
 * Files the report (P4.4.2): it must be complete (422 listing the missing fields otherwise).
 * In one transaction with its audit row: the report is filed with the labour time it shows, the
 * PDF is rendered in the customer's language and kept on the order, and the customer is emailed
 * with the PDF attached.
 */
export async function fileReport(ctx: ServiceContext, orderId: string, input: { version: number }, asked?: Locale) {
  const { order, kinds, report, state, kind } = await loadReport(ctx, orderId);
  if (!kinds.has('assignee')) throw errors.forbidden();
  if (report?.status === 'filed') throw errors.rule('report.already_filed');
  if (!reportPolicy.file(kinds, state, report)) throw errors.rule('report.not_ready');
  const visits = await minutesFromVisits(ctx.db, orderId);
  const missing = missingFields(report, kind, visits);
  if (!report || missing.length) throw incomplete(missing);
  const locale = await reportLocale(ctx.db, order.customerId, asked);
  await ctx.db.transaction().execute(async (trx) => {
    const filed = await updateReport(trx, report.id, input.version, {
      status: 'filed',
      filedAt: new Date(),
      filedByLabel: labelOf(ctx),
      travelMinutes: report.travelMinutes ?? visits.travel,
      onSiteMinutes: report.onSiteMinutes ?? visits.onSite,
      pdfLocale: locale,
    });
    const attachmentId = await storePdf(trx, ctx, order, filed.pdfAttachmentId, await renderFor(trx, orderId, locale));
    const after = await updateReport(trx, report.id, null, { pdfAttachmentId: attachmentId });
    await notifyOrderEvent(trx, orderId, 'report_ready', {}, { attachmentId });
    await writeAudit(trx, ctx, { action: 'service_report.file', entityType: 'service_report', entityId: report.id, before: report, after });
  });
  return getReport(ctx, orderId);
}

/** Keeps the PDF as the order's attachment `<number>-report.pdf`, replacing the earlier rendering if any. */
async function storePdf(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  order: { id: string; number: string },
  existingId: string | null,
  file: { data: Buffer; sha256: string },
) {
  const existing = await pdfAttachment(trx, existingId);
  if (existing) {
    await replaceAttachmentData(trx, existing.id, file);
    return existing.id;
  }
  const [stored] = await storeAttachments(trx, order.id, [{ filename: `${order.number}-report.pdf`, contentType: 'application/pdf', data: file.data }], {
    userId: ctx.actor.userId,
    label: labelOf(ctx),
  });
  return stored!.id;
}

/**
 * Renders a filed report again, e.g. once the customer's acceptance and rating arrived after
 * filing: the PDF's bytes depend only on its content, so when they differ from the stored one
 * it is replaced and mailed to the customer again; when they do not, nothing happens.
 */
export async function rerenderReport(ctx: ServiceContext, orderId: string, asked?: Locale) {
  const { order, kinds, report } = await loadReport(ctx, orderId);
  if (!kinds.has('assignee') && !kinds.has('dispatcher')) throw errors.forbidden();
  if (!report || !reportPolicy.render(kinds, report)) throw errors.rule('report.not_filed');
  const locale = await reportLocale(ctx.db, order.customerId, asked ?? report.pdfLocale ?? undefined);
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const file = await renderFor(trx, orderId, locale);
    const stored = await pdfAttachment(trx, report.pdfAttachmentId);
    if (stored?.sha256 === file.sha256) return false;
    const attachmentId = await storePdf(trx, ctx, order, report.pdfAttachmentId, file);
    const after = await updateReport(trx, report.id, null, { pdfAttachmentId: attachmentId, pdfLocale: locale });
    await notifyOrderEvent(trx, orderId, 'report_ready', {}, { attachmentId });
    await writeAudit(trx, ctx, { action: 'service_report.render', entityType: 'service_report', entityId: report.id, before: report, after });
    return true;
  });
  return { report: await getReport(ctx, orderId), changed, sent: changed };
}

/**
 * The report as a PDF: the stored one, or rendered on the fly when another language is asked
 * for (or, for staff, a preview of a draft).
 */
export async function reportPdf(ctx: ServiceContext, orderId: string, asked?: Locale) {
  const { order, report } = await loadReport(ctx, orderId);
  const filename = `${order.number}-report.pdf`;
  const stored = report?.status === 'filed' && (!asked || asked === report.pdfLocale) ? await pdfAttachment(ctx.db, report.pdfAttachmentId) : undefined;
  if (stored) return { filename, data: Buffer.from(stored.data) };
  const locale = await reportLocale(ctx.db, order.customerId, asked);
  return { filename, data: (await renderFor(ctx.db, orderId, locale)).data };
}
