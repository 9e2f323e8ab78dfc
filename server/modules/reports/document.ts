import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { getSetting } from '../settings/service.ts';
import {
  checklistResults,
  consultationParticipants,
  findFaultCode,
  findReport,
  latestAcceptance,
  latestRating,
  orderChecklists,
  orderForDocument,
  orderPhotos,
} from './queries.ts';
import { orderPartsUsed } from '../stock/queries.ts';
import { orderVisitSummary } from '../site-work/visits.ts';

// Everything the service report shows (P4.4.2), gathered from the order and the field modules'
// tables into one plain object: the PDF renderer reads nothing else.

type Bilingual = { 'zh-CN': string; en: string };

export type ReportDocument = {
  timeZone: string;
  kind: 'repair' | 'installation';
  status: 'draft' | 'filed';
  order: {
    number: string;
    title: string;
    description: string;
    category: string;
    receivedAt: Date;
    arrivedAt: Date | null;
    arrivalDueAt: Date | null;
    resolvedAt: Date | null;
    resolution: string | null;
  };
  customer: { name: string; customerNo: string; contactName: string | null; contactPhone: string | null };
  site: { name: string; address: string } | null;
  product: { model: string; productName: string; serialNumber: string } | null;
  fault: { code: string; name: Bilingual } | null;
  faultCause: string | null;
  solution: string | null;
  parts: { partNo: string; name: string; unit: string; quantity: number; unitCostFen: number }[];
  labour: { travelMinutes: number | null; onSiteMinutes: number | null };
  checklists: {
    kind: string;
    name: Bilingual;
    items: { label: Bilingual; done: boolean; value: string | null; unit: string | null; outOfRange: boolean; justification: string | null }[];
  }[];
  training: { topics: string | null; attendees: string | null; minutes: number | null } | null;
  photos: { caption: string; data: Buffer }[];
  acceptance: { signerName: string; at: Date; signaturePng: Buffer } | null;
  rating: { rating: number; answers: { label: Bilingual; score: number }[]; comment: string | null; ratedAt: Date } | null;
  technician: { name: string; employeeNo: string } | null;
  consultants: { name: string; role: string; contributed: boolean }[];
  filedAt: Date | null;
  filedBy: string | null;
};

/** Photos beyond this many are left out of the PDF (they stay on the order). */
export const MAX_PHOTOS = 20;

export const reportKindOf = (category: string): ReportDocument['kind'] =>
  category === 'installation' || category === 'commissioning' ? 'installation' : 'repair';

/** Labour time from the site visits (P4.4.2): travel and on-site minutes summed over the visits, null when none gives them. */
export async function minutesFromVisits(db: Kysely<DB>, workOrderId: string) {
  const summary = await orderVisitSummary(db, workOrderId);
  return { travel: summary.travelMinutes, onSite: summary.onSiteMinutes, visited: summary.visits.length > 0 };
}

type ChecklistItemDef = { key: string; label: Bilingual; unit: string | null };

/** The checklist's items as stored with the order (tolerant of fields this module does not use). */
function itemDefs(items: unknown): ChecklistItemDef[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((raw) => {
    const i = raw as Record<string, unknown>;
    if (typeof i?.key !== 'string') return [];
    const label = (i.label ?? {}) as Partial<Bilingual>;
    return [{ key: i.key, label: { 'zh-CN': label['zh-CN'] ?? i.key, en: label.en ?? i.key }, unit: typeof i.unit === 'string' ? i.unit : null }];
  });
}

async function gatherChecklists(db: Kysely<DB>, workOrderId: string) {
  const lists = await orderChecklists(db, workOrderId);
  const results = await checklistResults(
    db,
    lists.map((l) => l.id),
  );
  const photoCaptions = new Map<string, Bilingual>();
  const checklists = lists.map((l) => ({
    kind: l.kind,
    name: { 'zh-CN': l.nameZh, en: l.nameEn },
    items: itemDefs(l.items).map((def) => {
      const r = results.find((x) => x.checklistId === l.id && x.itemKey === def.key);
      if (r?.attachmentId) photoCaptions.set(r.attachmentId, def.label);
      return {
        label: def.label,
        done: r?.done ?? false,
        value: r?.value ?? null,
        unit: def.unit,
        outOfRange: r?.outOfRange ?? false,
        justification: r?.justification ?? null,
      };
    }),
  }));
  return { checklists, photoCaptions };
}

function gatherRating(row: Awaited<ReturnType<typeof latestRating>>): ReportDocument['rating'] {
  if (!row) return null;
  const questions = ((row.questionnaire as { questions?: { key: string; label: Bilingual }[] })?.questions ?? []).filter((q) => q?.key);
  const answers = (row.answers ?? {}) as Record<string, number>;
  return {
    rating: row.rating,
    answers: questions.filter((q) => typeof answers[q.key] === 'number').map((q) => ({ label: q.label, score: answers[q.key]! })),
    comment: row.comment,
    ratedAt: row.ratedAt,
  };
}

/** Gathers the report of one order; pass the transaction when inside one (PGlite has one connection). */
export async function gatherReportDocument(db: Kysely<DB>, workOrderId: string, locale: keyof Bilingual): Promise<ReportDocument> {
  const [o, report, timeZone] = await Promise.all([orderForDocument(db, workOrderId), findReport(db, workOrderId), getSetting(db, 'company.timeZone')]);
  const [fault, parts, visits, { checklists, photoCaptions }, acceptance, ratingRow, photos, consultants] = await Promise.all([
    report?.faultCode ? findFaultCode(db, report.faultCode) : undefined,
    orderPartsUsed(db, workOrderId),
    minutesFromVisits(db, workOrderId),
    gatherChecklists(db, workOrderId),
    latestAcceptance(db, workOrderId),
    latestRating(db, workOrderId),
    orderPhotos(db, workOrderId, MAX_PHOTOS),
    consultationParticipants(db, workOrderId),
  ]);
  const kind = report?.kind ?? reportKindOf(o.category);
  return {
    timeZone,
    kind,
    status: report?.status ?? 'draft',
    order: {
      number: o.number,
      title: o.title,
      description: o.description,
      category: o.category,
      receivedAt: o.receivedAt,
      arrivedAt: o.arrivedAt,
      arrivalDueAt: o.arrivalDueAt,
      resolvedAt: o.resolvedAt,
      resolution: o.resolution,
    },
    customer: {
      name: o.customerName,
      customerNo: o.customerNo,
      contactName: o.contactName ?? o.reporterName,
      contactPhone: o.contactPhone ?? o.reporterPhone ?? o.customerPhone,
    },
    site: o.siteName ? { name: o.siteName, address: o.siteAddress ?? '' } : null,
    product: o.productModel ? { model: o.productModel, productName: o.productName ?? '', serialNumber: o.serialNumber ?? '' } : null,
    fault: fault ? { code: fault.code, name: { 'zh-CN': fault.nameZh, en: fault.nameEn } } : null,
    faultCause: report?.faultCause ?? null,
    solution: report?.solution ?? o.solution,
    parts: parts.map((p) => ({ partNo: p.partNo, name: p.name, unit: p.unit, quantity: p.quantity, unitCostFen: p.unitCostFen })),
    labour: { travelMinutes: report?.travelMinutes ?? visits.travel, onSiteMinutes: report?.onSiteMinutes ?? visits.onSite },
    checklists,
    training:
      kind === 'installation' ? { topics: report?.trainingTopics ?? null, attendees: report?.trainingAttendees ?? null, minutes: report?.trainingMinutes ?? null } : null,
    photos: photos.map((p) => ({ caption: photoCaptions.get(p.id)?.[locale] ?? p.filename, data: Buffer.from(p.data) })),
    acceptance:
      acceptance?.signaturePng && acceptance.signerName
        ? { signerName: acceptance.signerName, at: acceptance.at, signaturePng: Buffer.from(acceptance.signaturePng) }
        : null,
    rating: gatherRating(ratingRow),
    technician: o.technicianName ? { name: o.technicianName, employeeNo: o.technicianNo ?? '' } : null,
    consultants: consultants.map((c) => ({ name: c.name, role: c.role, contributed: c.contributed })),
    filedAt: report?.filedAt ?? null,
    filedBy: report?.filedByLabel ?? null,
  };
}
