import { z } from 'zod';
import { isOutOfRange, type Measurement } from './measurement.ts';
import type { Category } from './work-orders.ts';

export { isOutOfRange, type Measurement };

// Procedure and safety checklists (P4.3.2, P2.3.1, P2.3.3): the item schema and the pure rules
// for recording results and deciding what is still missing before the work may be completed.

export const WORK_TYPES = ['repair', 'installation', 'commissioning', 'maintenance'] as const;
export type WorkType = (typeof WORK_TYPES)[number];
export const CHECKLIST_KINDS = ['procedure', 'safety'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/** The work type an order's category calls for; other categories have no checklists. */
export function workTypeOf(category: Category | string): WorkType | null {
  switch (category) {
    case 'fault_repair':
      return 'repair';
    case 'installation':
    case 'commissioning':
    case 'maintenance':
      return category;
    default:
      return null;
  }
}

const label = z
  .object({
    'zh-CN': z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  })
  .strict();

const bound = z.number().finite().min(-1e9).max(1e9).nullable();

export const measurementSchema: z.ZodType<Measurement> = z
  .object({ unit: z.string().trim().min(1).max(20), min: bound, max: bound })
  .strict()
  .refine((m) => m.min === null || m.max === null || m.min <= m.max, { path: ['max'], params: { messageKey: 'field.invalid' } });

export const checklistItemSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .refine((v) => /^[a-z0-9][a-z0-9_-]*$/.test(v), { params: { messageKey: 'field.invalid' } }),
    label,
    required: z.boolean(),
    photo: z.boolean(),
    measurement: measurementSchema.nullable(),
  })
  .strict();
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** A template's items: at least one, keys unique (they identify results). */
export const checklistItemsSchema = z
  .array(checklistItemSchema)
  .min(1)
  .max(100)
  .superRefine((items, ctx) => {
    items.forEach((item, i) => {
      if (items.findIndex((other) => other.key === item.key) !== i) {
        ctx.addIssue({ code: 'custom', path: [i, 'key'], params: { messageKey: 'field.duplicate' } });
      }
    });
  });

/** What is recorded against one item. */
export type ItemResult = {
  done: boolean;
  value: number | null;
  justification: string | null;
  hasPhoto: boolean;
};

export type ResultProblem = 'photo' | 'value' | 'justification' | 'unexpected_value';

/**
 * Why a result may not be recorded as it stands, or null (P4.3.2): an item marked done needs
 * its photo and its measured value; a value out of range is accepted only with a justification.
 */
export function resultProblem(item: ChecklistItem, r: ItemResult): ResultProblem | null {
  if (r.value !== null && !item.measurement) return 'unexpected_value';
  if (isOutOfRange(item.measurement, r.value) && !r.justification?.trim()) return 'justification';
  if (!r.done) return null;
  if (item.photo && !r.hasPhoto) return 'photo';
  if (item.measurement && r.value === null) return 'value';
  return null;
}

/** Whether an item counts as done: marked done with everything it requires. */
export function isItemDone(item: ChecklistItem, r: ItemResult | undefined): boolean {
  return !!r && r.done && resultProblem(item, r) === null;
}

/** The required items not yet done, in the template's order. */
export function missingRequired(items: readonly ChecklistItem[], results: ReadonlyMap<string, ItemResult>): ChecklistItem[] {
  return items.filter((item) => item.required && !isItemDone(item, results.get(item.key)));
}

/** Progress for the screen: "3 / 7 required done". */
export function requiredProgress(items: readonly ChecklistItem[], results: ReadonlyMap<string, ItemResult>) {
  const required = items.filter((i) => i.required);
  return { required: required.length, done: required.length - missingRequired(items, results).length };
}
