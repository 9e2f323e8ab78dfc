import { z } from 'zod';
import { CHECKLIST_KINDS, checklistItemSchema, checklistItemsSchema, WORK_TYPES } from '../../../core/checklists.ts';
import { dateOnly, id, listQuery, optionalText, page, searchQuery, text, version } from '../../platform/schemas.ts';
import { attachmentInput } from '../work-orders/schemas.ts';

// Tools (P2.2.3) --------------------------------------------------------------------------

export const TOOL_KINDS = ['tool', 'instrument', 'equipment'] as const;
export const TOOL_STATUSES = ['in_service', 'out_of_service', 'retired'] as const;
export const MAINTENANCE_KINDS = ['calibration', 'maintenance', 'repair', 'inspection'] as const;
export const MAINTENANCE_RESULTS = ['pass', 'fail', 'done'] as const;
export const TOOL_DUE = ['overdue', 'due_soon', 'ok', 'none'] as const;

const nullableDate = dateOnly.nullish().transform((v) => v ?? null);
const toolFields = {
  assetNo: text(40),
  name: text(80),
  kind: z.enum(TOOL_KINDS),
  model: optionalText(60),
  serialNumber: optionalText(60),
  holderId: id.nullish().transform((v) => v ?? null),
  calibrationDueOn: nullableDate,
  maintenanceIntervalDays: z.number().int().min(1).max(3650).nullish().transform((v) => v ?? null),
  status: z.enum(TOOL_STATUSES),
  notes: optionalText(2000),
};
export const createToolBody = z.object({ ...toolFields, status: toolFields.status.default('in_service') }).strict();
export const updateToolBody = z.object({ version, ...toolFields }).partial().required({ version: true }).strict();
export type CreateTool = z.infer<typeof createToolBody>;
export type UpdateTool = z.infer<typeof updateToolBody>;

export const listToolsQuery = z
  .object({
    ...listQuery,
    q: searchQuery,
    holderId: id.optional(),
    due: z.enum(['overdue', 'due_soon']).optional(),
    status: z.enum([...TOOL_STATUSES, 'all']).default('in_service'),
  })
  .strict();
export type ListTools = z.infer<typeof listToolsQuery>;

export const maintenanceBody = z
  .object({
    kind: z.enum(MAINTENANCE_KINDS),
    performedOn: dateOnly,
    performedBy: text(80),
    result: z.enum(MAINTENANCE_RESULTS),
    note: optionalText(2000),
    nextDueOn: nullableDate,
  })
  .strict();
export type MaintenanceInput = z.infer<typeof maintenanceBody>;

const ref = z.object({ id: z.string(), name: z.string() });
const toolSummaryShape = {
  id: z.string(),
  assetNo: z.string(),
  name: z.string(),
  kind: z.enum(TOOL_KINDS),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  holder: ref.nullable(),
  calibrationDueOn: z.string().nullable(),
  maintenanceIntervalDays: z.number().nullable(),
  status: z.enum(TOOL_STATUSES),
  notes: z.string().nullable(),
  /** Against today in the company time zone and the setting tools.calibrationWarnDays. */
  due: z.enum(TOOL_DUE),
  lastCalibration: z.object({ performedOn: z.string(), result: z.enum(MAINTENANCE_RESULTS) }).nullable(),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), logMaintenance: z.boolean() }),
};
export const toolSummaryView = z.object(toolSummaryShape).meta({ id: 'ToolSummary' });
export const maintenanceView = z.object({
  id: z.string(),
  kind: z.enum(MAINTENANCE_KINDS),
  performedOn: z.string(),
  performedBy: z.string(),
  result: z.enum(MAINTENANCE_RESULTS),
  note: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  createdAt: z.string(),
});
export const toolView = z.object({ ...toolSummaryShape, maintenance: z.array(maintenanceView) }).meta({ id: 'Tool' });
export const toolPage = page(toolSummaryView);

// Tools an order's visit needs (P4.3.1) ---------------------------------------------------------

export const orderToolParams = z.object({ id, toolId: id }).strict();
export const addOrderToolBody = z.object({ toolId: id }).strict();
export const toolOptionsQuery = z.object({ q: searchQuery }).strict();
export const orderToolsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      assetNo: z.string(),
      name: z.string(),
      kind: z.enum(TOOL_KINDS),
      holder: ref.nullable(),
      calibrationDueOn: z.string().nullable(),
      status: z.enum(TOOL_STATUSES),
      /** Calibration due before today (company time zone): flagged on the visit (P2.2.3). */
      overdue: z.boolean(),
      lastCalibrationFailed: z.boolean(),
      addedAt: z.string(),
    }),
  ),
  abilities: z.object({ add: z.boolean(), remove: z.boolean() }),
});
export const toolOptionsView = z.object({
  items: z.array(z.object({ id: z.string(), assetNo: z.string(), name: z.string(), holder: ref.nullable(), overdue: z.boolean() })),
});

// Site visits (P4.3.2, P5.1.2) -------------------------------------------------------------------

export const locationInput = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracyMeters: z.number().min(0).max(100_000).optional(),
  })
  .strict();
export const checkOutBody = z.object({ location: locationInput.optional() }).strict();

const fix = z.object({ latitude: z.number(), longitude: z.number(), accuracyMeters: z.number().nullable() }).nullable();
export const visitView = z.object({
  id: z.string(),
  employee: ref.nullable(),
  departedAt: z.string().nullable(),
  checkInAt: z.string(),
  checkIn: fix,
  distanceMeters: z.number().nullable(),
  withinRadius: z.boolean().nullable(),
  radiusMeters: z.number(),
  checkOutAt: z.string().nullable(),
  checkOut: fix,
  checkOutDistanceMeters: z.number().nullable(),
  travelMinutes: z.number().nullable(),
  onSiteMinutes: z.number().nullable(),
});
export const visitsView = z.object({
  items: z.array(visitView),
  travelMinutes: z.number().nullable(),
  onSiteMinutes: z.number().nullable(),
  abilities: z.object({ checkOut: z.boolean(), checkIn: z.boolean() }),
});

// Checklists (P4.3.2, P2.3.1, P2.3.3) -----------------------------------------------------------

const templateFields = {
  workType: z.enum(WORK_TYPES),
  kind: z.enum(CHECKLIST_KINDS),
  nameZh: text(80),
  nameEn: text(80),
  items: checklistItemsSchema,
};
export const createTemplateBody = z.object(templateFields).strict();
export const updateTemplateBody = z.object({ version, ...templateFields }).partial().required({ version: true }).strict();
export const versionBody = z.object({ version }).strict();
export const listTemplatesQuery = z
  .object({ workType: z.enum(WORK_TYPES).optional(), status: z.enum(['active', 'inactive', 'all']).default('active') })
  .strict();
export type CreateTemplate = z.infer<typeof createTemplateBody>;
export type UpdateTemplate = z.infer<typeof updateTemplateBody>;
export type ListTemplates = z.infer<typeof listTemplatesQuery>;

export const templateView = z
  .object({
    id: z.string(),
    workType: z.enum(WORK_TYPES),
    kind: z.enum(CHECKLIST_KINDS),
    nameZh: z.string(),
    nameEn: z.string(),
    items: z.array(checklistItemSchema),
    active: z.boolean(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChecklistTemplate' });
export const templateList = z.object({ items: z.array(templateView) });

export const itemParams = z
  .object({ id, checklistId: id, itemKey: z.string().min(1).max(40) })
  .strict();
export const itemResultBody = z
  .object({
    done: z.boolean(),
    value: z.number().finite().min(-1e9).max(1e9).nullish().transform((v) => v ?? null),
    justification: optionalText(1000),
    photo: attachmentInput.optional(),
    note: optionalText(1000),
    version: version.optional(),
  })
  .strict();
export type ItemResultInput = z.infer<typeof itemResultBody>;

const resultView = z
  .object({
    done: z.boolean(),
    value: z.number().nullable(),
    outOfRange: z.boolean(),
    justification: z.string().nullable(),
    attachmentId: z.string().nullable(),
    note: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    version: z.number(),
  })
  .nullable();
export const orderChecklistsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      workType: z.enum(WORK_TYPES),
      kind: z.enum(CHECKLIST_KINDS),
      name: z.object({ 'zh-CN': z.string(), en: z.string() }),
      items: z.array(checklistItemSchema.extend({ result: resultView, complete: z.boolean() })),
      requiredCount: z.number(),
      requiredDone: z.number(),
    }),
  ),
  abilities: z.object({ record: z.boolean() }),
});
