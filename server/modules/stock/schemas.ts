import { z } from 'zod';
import { id, listQuery, optionalText, page, searchQuery, text, version } from '../../platform/schemas.ts';

// P4.3.1: quantities are whole, positive units; money is integer fen.
export const quantity = z.number().int().min(1).max(100_000);
const model = z.string().trim().min(1).max(40);
const fen = z.number().int().min(0).max(100_000_000_00);

const partFields = {
  partNo: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((v) => /^[A-Za-z0-9._/-]+$/.test(v), { params: { messageKey: 'field.invalid' } }),
  name: text(100),
  models: z.array(model).max(50),
  unit: text(10),
  unitCostFen: fen,
};

export const createPartBody = z
  .object({ ...partFields, models: partFields.models.default([]), unit: partFields.unit.default('pcs') })
  .strict();
export const updatePartBody = z.object({ version, ...partFields }).partial().required({ version: true }).strict();
export const versionBody = z.object({ version }).strict();

export const listPartsQuery = z
  .object({
    ...listQuery,
    q: searchQuery,
    model: z.string().trim().max(40).optional(),
    status: z.enum(['active', 'inactive', 'all']).default('active'),
  })
  .strict();

export const levelsQuery = z.object({ ...listQuery, locationId: id.optional(), q: searchQuery }).strict();
export const movementsQuery = z.object({ ...listQuery, partId: id.optional(), locationId: id.optional(), workOrderId: id.optional() }).strict();

export const receiveBody = z.object({ partId: id, quantity, note: optionalText(500) }).strict();
export const adjustBody = z
  .object({
    locationId: id,
    partId: id,
    delta: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((v) => v !== 0, { params: { messageKey: 'field.invalid' } }),
    reason: text(500),
  })
  .strict();
export const transferBody = z.object({ partId: id, employeeId: id, quantity, note: optionalText(500) }).strict();
export const orderPartBody = z.object({ partId: id, quantity }).strict();

export type CreatePart = z.infer<typeof createPartBody>;
export type UpdatePart = z.infer<typeof updatePartBody>;
export type ListParts = z.infer<typeof listPartsQuery>;
export type LevelsQuery = z.infer<typeof levelsQuery>;
export type MovementsQuery = z.infer<typeof movementsQuery>;
export type AdjustInput = z.infer<typeof adjustBody>;

const partShape = {
  id: z.string(),
  partNo: z.string(),
  name: z.string(),
  models: z.array(z.string()),
  unit: z.string(),
  unitCostFen: z.number(),
  active: z.boolean(),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), deactivate: z.boolean(), reactivate: z.boolean() }),
};
export const partView = z.object(partShape).meta({ id: 'Part' });
export const partPage = page(partView);

const partRef = z.object({ id: z.string(), partNo: z.string(), name: z.string(), unit: z.string(), unitCostFen: z.number() });
export const locationView = z
  .object({
    id: z.string(),
    kind: z.enum(['warehouse', 'van']),
    name: z.string(),
    employee: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'StockLocation' });
export const locationList = z.object({ items: z.array(locationView) });

const levelView = z.object({ part: partRef, onHand: z.number(), reserved: z.number(), available: z.number() });
export const levelsPage = z.object({ location: locationView.nullable(), items: z.array(levelView), nextCursor: z.string().nullable() });
export const levelResult = z.object({ location: locationView, part: partRef, onHand: z.number(), reserved: z.number(), available: z.number() });

export const movementView = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.enum(['receive', 'adjust', 'reserve', 'release', 'issue', 'consume', 'return', 'transfer']),
    part: partRef,
    quantity: z.number(),
    from: locationView.nullable(),
    to: locationView.nullable(),
    workOrder: z.object({ id: z.string(), number: z.string() }).nullable(),
    actorLabel: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'StockMovement' });
export const movementPage = page(movementView);

export const orderPartsView = z
  .object({
    workOrderId: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        part: partRef,
        planned: z.number(),
        reserved: z.number(),
        issued: z.number(),
        consumed: z.number(),
        returned: z.number(),
        /** Issued to the technician and neither used nor returned yet. */
        outstanding: z.number(),
        unitCostFen: z.number(),
        costFen: z.number(),
      }),
    ),
    totalCostFen: z.number(),
    abilities: z.object({
      plan: z.boolean(),
      reserve: z.boolean(),
      release: z.boolean(),
      issue: z.boolean(),
      consume: z.boolean(),
      return: z.boolean(),
    }),
  })
  .meta({ id: 'OrderParts' });
