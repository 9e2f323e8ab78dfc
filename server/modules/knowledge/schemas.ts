import { z } from 'zod';
import { STATES } from '../../../core/work-order-lifecycle.ts';

// Knowledge at hand (P2.1.1-P2.1.2): past solutions of the same product model and of similar faults.

export const similarQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }).strict();

const pastOrder = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  state: z.enum(STATES),
  /** How alike its fault is to this order's (title and description), 0..1, two decimals. */
  similarity: z.number().min(0).max(1),
  solution: z.string().nullable(),
  resolution: z.string().nullable(),
  receivedAt: z.string(),
  productModel: z.string().nullable(),
});

export const similarView = z
  .object({
    /** The model of this order's product, or null when it names none. */
    productModel: z.string().nullable(),
    /** Solved orders on the same product model, newest first. */
    sameModel: z.array(pastOrder),
    /** Solved orders whose fault reads most like this one, most similar first. */
    similar: z.array(pastOrder),
  })
  .meta({ id: 'SimilarWorkOrders' });
