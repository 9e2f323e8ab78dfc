// The reports module's API shapes (server/modules/reports/schemas.ts).

export const FAULT_CATEGORIES = ['electrical', 'refrigeration', 'mechanical', 'control', 'installation', 'usage'] as const;
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];

export interface FaultCode {
  code: string;
  category: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  version: number;
  abilities: { update: boolean; deactivate: boolean; reactivate: boolean };
}

export interface FaultCodeInput {
  code: string;
  category: FaultCategory;
  nameZh: string;
  nameEn: string;
}

export interface ReportMinutes {
  value: number | null;
  fromVisits: number | null;
  entered: boolean;
}

export type ReportField =
  | 'faultCode'
  | 'faultCause'
  | 'solution'
  | 'travelMinutes'
  | 'onSiteMinutes'
  | 'trainingTopics'
  | 'trainingAttendees'
  | 'trainingMinutes';

export interface ServiceReport {
  id: string | null;
  workOrderId: string;
  kind: 'repair' | 'installation';
  status: 'none' | 'draft' | 'filed';
  faultCode: { code: string; category: string; nameZh: string; nameEn: string; active: boolean } | null;
  faultCause: string | null;
  solution: string | null;
  travelMinutes: ReportMinutes;
  onSiteMinutes: ReportMinutes;
  trainingTopics: string | null;
  trainingAttendees: string | null;
  trainingMinutes: number | null;
  filedAt: string | null;
  filedBy: string | null;
  pdf: { attachmentId: string; filename: string; size: number; locale: 'zh-CN' | 'en'; url: string } | null;
  missing: ReportField[];
  version: number;
  abilities: { edit: boolean; file: boolean; render: boolean };
}

export interface ReportDraft {
  version: number;
  faultCode?: string | null;
  faultCause?: string | null;
  solution?: string | null;
  travelMinutes?: number | null;
  onSiteMinutes?: number | null;
  trainingTopics?: string | null;
  trainingAttendees?: string | null;
  trainingMinutes?: number | null;
}
