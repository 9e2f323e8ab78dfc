import { z } from 'zod';

// Building blocks every module's schemas share, so the same rule reads the same everywhere.

export const id = z.uuid();
export const idParams = z.object({ id }).strict();

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A business date, YYYY-MM-DD, a real calendar day between 1900 and 2100. */
export const dateOnly = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { params: { messageKey: 'field.invalid_date' } })
  .refine(isRealDate, { params: { messageKey: 'field.invalid_date' } })
  .refine((v) => v >= '1900-01-01' && v <= '2100-12-31', { params: { messageKey: 'field.date_range' } });

export const version = z.number().int().min(1);

export const phone = z
  .string()
  .trim()
  .max(32)
  .refine((v) => /^[0-9+\-() ]*$/.test(v), { params: { messageKey: 'field.invalid' } })
  .nullish()
  .transform((v) => (v ? v : null));
export const email = z
  .email()
  .max(254)
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v ? v : null));

export const listQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
};

export const searchQuery = z.string().trim().max(100).optional();

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
