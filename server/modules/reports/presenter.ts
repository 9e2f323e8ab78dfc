import type { ActorKind, State } from '../../../core/work-order-lifecycle.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Locale, ServiceReportsTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import { faultCodePolicy, reportPolicy } from './policy.ts';

type ReportRow = Selectable<ServiceReportsTable>;
type FaultCodeRow = { code: string; category: string; nameZh: string; nameEn: string; active: boolean; version: number };
export type VisitMinutes = { travel: number | null; onSite: number | null; visited: boolean };

export function presentFaultCode(actor: Actor, row: FaultCodeRow) {
  return {
    code: row.code,
    category: row.category,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    active: row.active,
    version: row.version,
    abilities: faultCodePolicy.abilities(actor, row),
  };
}

const minutes = (entered: number | null | undefined, fromVisits: number | null) => ({
  value: entered ?? fromVisits,
  fromVisits,
  entered: entered !== null && entered !== undefined,
});

/**
 * The fields still needed to file (P4.4.2): fault code, cause, solution, the labour time of a
 * visit (entered, or taken from the check-in and check-out), and for an installation the
 * customer training given (P2.3.3).
 */
export function missingFields(report: ReportRow | undefined, kind: 'repair' | 'installation', visits: VisitMinutes): string[] {
  const missing: string[] = [];
  if (!report?.faultCode) missing.push('faultCode');
  if (!report?.faultCause) missing.push('faultCause');
  if (!report?.solution) missing.push('solution');
  if (visits.visited) {
    if ((report?.travelMinutes ?? visits.travel) === null) missing.push('travelMinutes');
    if ((report?.onSiteMinutes ?? visits.onSite) === null) missing.push('onSiteMinutes');
  }
  if (kind === 'installation') {
    if (!report?.trainingTopics) missing.push('trainingTopics');
    if (!report?.trainingAttendees) missing.push('trainingAttendees');
    if (report?.trainingMinutes === null || report?.trainingMinutes === undefined) missing.push('trainingMinutes');
  }
  return missing;
}

export type ReportFacts = {
  orderId: string;
  state: State;
  kinds: ReadonlySet<ActorKind>;
  kind: 'repair' | 'installation';
  report: ReportRow | undefined;
  fault: FaultCodeRow | undefined;
  visits: VisitMinutes;
  pdf: { id: string; filename: string; size: number } | undefined;
};

export function presentReport(f: ReportFacts) {
  const r = f.report;
  return {
    id: r?.id ?? null,
    workOrderId: f.orderId,
    kind: f.kind,
    status: r ? r.status : ('none' as const),
    faultCode: f.fault ? { code: f.fault.code, category: f.fault.category, nameZh: f.fault.nameZh, nameEn: f.fault.nameEn, active: f.fault.active } : null,
    faultCause: r?.faultCause ?? null,
    solution: r?.solution ?? null,
    travelMinutes: minutes(r?.travelMinutes, f.visits.travel),
    onSiteMinutes: minutes(r?.onSiteMinutes, f.visits.onSite),
    trainingTopics: r?.trainingTopics ?? null,
    trainingAttendees: r?.trainingAttendees ?? null,
    trainingMinutes: r?.trainingMinutes ?? null,
    filedAt: r?.filedAt?.toISOString() ?? null,
    filedBy: r?.filedByLabel ?? null,
    pdf:
      r?.status === 'filed' && f.pdf
        ? {
            attachmentId: f.pdf.id,
            filename: f.pdf.filename,
            size: f.pdf.size,
            locale: (r.pdfLocale ?? 'zh-CN') as Locale,
            url: `/api/v1/work-orders/${f.orderId}/report.pdf`,
          }
        : null,
    missing: missingFields(r, f.kind, f.visits),
    version: r?.version ?? 0,
    abilities: {
      edit: reportPolicy.edit(f.kinds, f.state, r),
      file: reportPolicy.file(f.kinds, f.state, r),
      render: reportPolicy.render(f.kinds, r),
    },
  };
}
