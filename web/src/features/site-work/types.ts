import type { ChecklistItem, ChecklistKind, WorkType } from '../../../../core/checklists.ts';

export type { ChecklistItem, ChecklistKind, WorkType };
// The vocabularies as values here: core/checklists.ts carries zod, which the web bundle does not need.
export const WORK_TYPES = ['repair', 'installation', 'commissioning', 'maintenance'] as const satisfies readonly WorkType[];
export const CHECKLIST_KINDS = ['procedure', 'safety'] as const satisfies readonly ChecklistKind[];

export const TOOL_KINDS = ['tool', 'instrument', 'equipment'] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];
export const TOOL_STATUSES = ['in_service', 'out_of_service', 'retired'] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];
export const MAINTENANCE_KINDS = ['calibration', 'maintenance', 'repair', 'inspection'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];
export const MAINTENANCE_RESULTS = ['pass', 'fail', 'done'] as const;
export type MaintenanceResult = (typeof MAINTENANCE_RESULTS)[number];
export const TOOL_DUE = ['overdue', 'due_soon', 'ok', 'none'] as const;
export type ToolDue = (typeof TOOL_DUE)[number];

type Ref = { id: string; name: string };

export interface ToolSummary {
  id: string;
  assetNo: string;
  name: string;
  kind: ToolKind;
  model: string | null;
  serialNumber: string | null;
  holder: Ref | null;
  calibrationDueOn: string | null;
  maintenanceIntervalDays: number | null;
  status: ToolStatus;
  notes: string | null;
  due: ToolDue;
  lastCalibration: { performedOn: string; result: MaintenanceResult } | null;
  version: number;
  abilities: { update: boolean; logMaintenance: boolean };
}

export interface MaintenanceEntry {
  id: string;
  kind: MaintenanceKind;
  performedOn: string;
  performedBy: string;
  result: MaintenanceResult;
  note: string | null;
  nextDueOn: string | null;
  createdAt: string;
}

export interface Tool extends ToolSummary {
  maintenance: MaintenanceEntry[];
}

export interface ToolFilters {
  q?: string;
  holderId?: string;
  due?: 'overdue' | 'due_soon';
  status?: ToolStatus | 'all';
}

export interface ToolInput {
  assetNo: string;
  name: string;
  kind: ToolKind;
  model: string | null;
  serialNumber: string | null;
  holderId: string | null;
  calibrationDueOn: string | null;
  maintenanceIntervalDays: number | null;
  status: ToolStatus;
  notes: string | null;
}

export interface MaintenanceInput {
  kind: MaintenanceKind;
  performedOn: string;
  performedBy: string;
  result: MaintenanceResult;
  note: string | null;
  nextDueOn: string | null;
}

export interface OrderTool {
  id: string;
  assetNo: string;
  name: string;
  kind: ToolKind;
  holder: Ref | null;
  calibrationDueOn: string | null;
  status: ToolStatus;
  overdue: boolean;
  lastCalibrationFailed: boolean;
  addedAt: string;
}

export interface OrderTools {
  items: OrderTool[];
  abilities: { add: boolean; remove: boolean };
}

export interface ToolOption {
  id: string;
  assetNo: string;
  name: string;
  holder: Ref | null;
  overdue: boolean;
}

type Fix = { latitude: number; longitude: number; accuracyMeters: number | null } | null;

export interface Visit {
  id: string;
  employee: Ref | null;
  departedAt: string | null;
  checkInAt: string;
  checkIn: Fix;
  distanceMeters: number | null;
  withinRadius: boolean | null;
  radiusMeters: number;
  checkOutAt: string | null;
  checkOut: Fix;
  checkOutDistanceMeters: number | null;
  travelMinutes: number | null;
  onSiteMinutes: number | null;
}

export interface Visits {
  items: Visit[];
  travelMinutes: number | null;
  onSiteMinutes: number | null;
  abilities: { checkOut: boolean; checkIn: boolean };
}

export interface ChecklistTemplate {
  id: string;
  workType: WorkType;
  kind: ChecklistKind;
  nameZh: string;
  nameEn: string;
  items: ChecklistItem[];
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface TemplateInput {
  workType: WorkType;
  kind: ChecklistKind;
  nameZh: string;
  nameEn: string;
  items: ChecklistItem[];
}

export interface ItemResultView {
  done: boolean;
  value: number | null;
  outOfRange: boolean;
  justification: string | null;
  attachmentId: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

export interface OrderChecklistItem extends ChecklistItem {
  result: ItemResultView | null;
  complete: boolean;
}

export interface OrderChecklist {
  id: string;
  workType: WorkType;
  kind: ChecklistKind;
  name: { 'zh-CN': string; en: string };
  items: OrderChecklistItem[];
  requiredCount: number;
  requiredDone: number;
}

export interface OrderChecklists {
  items: OrderChecklist[];
  abilities: { record: boolean };
}

export interface ItemResultInput {
  done: boolean;
  value: number | null;
  justification: string | null;
  note: string | null;
  photo?: { filename: string; contentType: string; dataBase64: string };
  version?: number;
}
