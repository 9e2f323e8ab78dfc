import type { Kysely, Transaction } from 'kysely';
import { informativeTerms, roundSimilarity, setSimilarity, tokens } from '../../../core/similarity.ts';
import type { State } from '../../../core/work-order-lifecycle.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { loadForActor } from '../work-orders/read.ts';
import { gramFrequencies, productModelOf, similarCandidates, solvedOrdersOfModel } from './queries.ts';

// Knowledge at hand (P2.1.1-P2.1.2): while diagnosing, the engineer sees how past orders on
// the same product model were solved, and the solved orders whose faults read most alike.

/** How many solved orders the index lookup hands to the ranking, at most. */
export const SIMILAR_CANDIDATES = 300;
/** How many terms of the order are looked up in the indexes (the rarest ones). */
export const LOOKUP_TERMS = 8;

type OrderText = { id: string; title: string; description: string; productId: string | null };
type PastRow = {
  id: string;
  number: string;
  title: string;
  description: string;
  state: string;
  solution: string | null;
  resolution: string | null;
  receivedAt: Date;
  productModel: string | null;
};

const faultText = (o: { title: string; description: string }) => `${o.title}\n${o.description}`;

function present(row: PastRow, similarity: number) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    state: row.state as State,
    similarity: roundSimilarity(similarity),
    solution: row.solution,
    resolution: row.resolution,
    receivedAt: row.receivedAt.toISOString(),
    productModel: row.productModel,
  };
}

/**
 * Solved orders like this one, without any access check (the benchmark and the service call
 * it): the newest `limit` on the same product model, and the `limit` most similar faults
 * among the newest SIMILAR_CANDIDATES orders sharing one of its rarest terms.
 */
export async function findSimilarOrders(db: Kysely<DB> | Transaction<DB>, order: OrderText, limit: number) {
  const mine = tokens(faultText(order));
  const model = (await productModelOf(db, order.productId))?.model ?? null;

  const candidateTerms = informativeTerms(faultText(order), () => undefined, Number.POSITIVE_INFINITY).grams;
  const frequency = await gramFrequencies(db, candidateTerms);
  const terms = informativeTerms(faultText(order), (t) => frequency.get(t), LOOKUP_TERMS);

  const [sameModelRows, candidates] = await Promise.all([
    model ? solvedOrdersOfModel(db, model, order.id, limit) : Promise.resolve([]),
    similarCandidates(db, terms, order.id, SIMILAR_CANDIDATES),
  ]);
  const similar = candidates
    .map((row) => ({ row, score: setSimilarity(mine, tokens(faultText(row))) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.row.receivedAt.getTime() - a.row.receivedAt.getTime())
    .slice(0, limit);
  return {
    productModel: model,
    sameModel: sameModelRows.map((row) => present(row, setSimilarity(mine, tokens(faultText(row))))),
    similar: similar.map((c) => present(c.row, c.score)),
  };
}

/** Staff who may read the order see its knowledge; a customer is told there is none (404). */
export async function similarOrders(ctx: ServiceContext, id: string, limit: number) {
  const { order } = await loadForActor(ctx, id);
  if (ctx.actor.role === 'customer') throw errors.notFound();
  return findSimilarOrders(ctx.db, order, limit);
}
