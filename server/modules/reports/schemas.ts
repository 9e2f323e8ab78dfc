import { z } from 'zod';
import { id, optionalText, text, version } from '../../platform/schemas.ts';

// Fault codes (P4.4.2): a maintained list the report's fault cause is coded from.
export const FAULT_CATEGORIES = ['electrical', 'refrigeration', 'mechanical', 'control', 'installation', 'usage'] as const;
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];

const faultCode = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z0-9][A-Z0-9-]*$/.test(v), { params: { messageKey: 'field.invalid' } });

export const faultCodeParams = z.object({ code: faultCode }).strict();
export const listFaultCodesQuery = z.object({ active: z.enum(['true', 'false']).optional() }).strict();

const faultCodeFields = {
  category: z.enum(FAULT_CATEGORIES),
  nameZh: text(80),
  nameEn: text(120),
};
export const createFaultCodeBody = z.object({ code: faultCode, ...faultCodeFields }).strict();
export const updateFaultCodeBody = z.object({ version, ...faultCodeFields }).partial().required({ version: true }).strict();
export const faultCodeStateBody = z.object({ version }).strict();

export const faultCodeView = z
  .object({
    code: z.string(),
    category: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    version: z.number(),
    abilities: z.object({ update: z.boolean(), deactivate: z.boolean(), reactivate: z.boolean() }),
  })
  .meta({ id: 'FaultCode' });
export const faultCodeList = z.object({ items: z.array(faultCodeView) });

export type CreateFaultCode = z.infer<typeof createFaultCodeBody>;
export type UpdateFaultCode = z.infer<typeof updateFaultCodeBody>;

// The service report (P4.4.2).
const minutes = z.number().int().min(0).max(100_000).nullable().optional();

/** A draft save: every field optional; `version` 0 creates the report, else the version read. */
export const saveReportBody = z
  .object({
    version: z.number().int().min(0),
    faultCode: faultCode.nullable().optional(),
    faultCause: optionalText(4000).optional(),
    solution: optionalText(4000).optional(),
    travelMinutes: minutes,
    onSiteMinutes: minutes,
    trainingTopics: optionalText(2000).optional(),
    trainingAttendees: optionalText(500).optional(),
    trainingMinutes: minutes,
  })
  .strict();
export type SaveReport = z.infer<typeof saveReportBody>;

export const fileReportBody = z.object({ version }).strict();

const locale = z.enum(['zh-CN', 'en']);
export const pdfQuery = z.object({ locale: locale.optional() }).strict();
export const renderBody = z.object({ locale: locale.optional() }).strict().optional();

const minutesView = z.object({ value: z.number().nullable(), fromVisits: z.number().nullable(), entered: z.boolean() });

export const reportView = z
  .object({
    id: z.string().nullable(),
    workOrderId: id,
    kind: z.enum(['repair', 'installation']),
    status: z.enum(['none', 'draft', 'filed']),
    faultCode: z.object({ code: z.string(), category: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean() }).nullable(),
    faultCause: z.string().nullable(),
    solution: z.string().nullable(),
    travelMinutes: minutesView,
    onSiteMinutes: minutesView,
    trainingTopics: z.string().nullable(),
    trainingAttendees: z.string().nullable(),
    trainingMinutes: z.number().nullable(),
    filedAt: z.string().nullable(),
    filedBy: z.string().nullable(),
    pdf: z.object({ attachmentId: z.string(), filename: z.string(), size: z.number(), locale, url: z.string() }).nullable(),
    /** Fields still needed before the report can be filed. */
    missing: z.array(z.string()),
    version: z.number(),
    abilities: z.object({ edit: z.boolean(), file: z.boolean(), render: z.boolean() }),
  })
  .meta({ id: 'ServiceReport' });

export const renderResult = z.object({ report: reportView, changed: z.boolean(), sent: z.boolean() });
