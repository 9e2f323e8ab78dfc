import type { Kysely, Transaction } from 'kysely';
import { informativeTerms, roughTokens, roundSimilarity, setSimilarity, tokens } from '../../../core/similarity.ts';
import type { State } from '../../../core/work-order-lifecycle.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { loadForActor } from '../work-orders/read.ts';
import { type OrderStatistics, orderStatistics, productModelOf, RANKED_DESCRIPTION_CHARS, similarCandidates, solvedOrdersOfModel } from './queries.ts';

// Knowledge at hand (P2.1.1-P2.1.2): while diagnosing, the engineer sees how past orders on
// the same product model were solved, and the solved orders whose faults read most alike.

/** How many solved orders the index lookup hands to the ranking, at most. */
export const SIMILAR_CANDIDATES = 300;
/** How many of them (at least; five times the list's length) the exact similarity ranks. */
export const RANKED = 60;
/** How many terms of the order are looked up in the indexes (the rarest ones), at most. */
export const LOOKUP_TERMS = 8;
/**
 * The share of orders the looked-up terms may hold together, by the statistics (or more, while
 * that is fewer orders than SIMILAR_CANDIDATES). A candidate needs only one of the terms, so a
 * common term lets unrelated orders crowd out those sharing the telling ones. On a synthetic
 * million orders (PostgreSQL 15, 2 busy cores) the mean similarity of the listed orders and the
 * p95 latency of findSimilarOrders were: no cap 0.70; cap 0.05: 0.91, 73 ms; 0.02: 0.96, 88 ms;
 * 0.01: 0.98, 66 ms; 0.005: 0.98, 56 ms. 0.01 keeps a few terms (three or four rare ones), so
 * one odd term (a site name, a typo) does not decide the candidates alone.
 */
export const LOOKUP_SHARE = 0.01;

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

/** The text compared: the title and the start of the description (RANKED_DESCRIPTION_CHARS). */
const faultText = (o: { title: string; description: string }) => `${o.title}\n${o.description.slice(0, RANKED_DESCRIPTION_CHARS)}`;

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

/** How many hits the window of recent receipts is sized to hold, by the statistics. */
export const WINDOW_HITS = 4 * SIMILAR_CANDIDATES;

/**
 * Since when to look for candidates (see queries.similarCandidates): ever (null) while the
 * terms' hits are expected to be few; otherwise the latest stretch of receipts expected to
 * hold `hits` of them, orders being taken to arrive at an even pace. So the rows read stay
 * about `hits` however large the order book grows.
 */
export function candidateWindow(stats: Pick<OrderStatistics, 'rows' | 'oldest' | 'newest'>, share: number, hits = WINDOW_HITS): Date | null {
  const expected = share * stats.rows;
  if (!stats.oldest || !stats.newest || expected <= hits) return null;
  const span = stats.newest.getTime() - stats.oldest.getTime();
  return new Date(stats.newest.getTime() - Math.ceil(span * (hits / expected)));
}

/**
 * Solved orders like this one, without any access check (the benchmark and the service call
 * it): the newest `limit` on the same product model, and the `limit` most similar faults
 * among the newest SIMILAR_CANDIDATES solved orders holding one of its rarest terms.
 */
export async function findSimilarOrders(db: Kysely<DB> | Transaction<DB>, order: OrderText, limit: number) {
  const text = faultText(order);
  const mine = tokens(text);
  const [product, stats] = await Promise.all([productModelOf(db, order.productId), orderStatistics(db, informativeTerms(text, { max: Number.POSITIVE_INFINITY }).grams)]);
  const model = product?.model ?? null;
  // A gram the statistics do not list is rarer than every listed one. Latin words (model
  // codes, units, serial fragments) have no statistics at all: taking them for rare made
  // '10kva' lead the lookup for every UPS report and read a fifth of the table (bench at
  // 1,000,000 orders: p50 223 ms), so they count as common and serve when nothing rarer does.
  const frequency = (t: string) =>
    stats.frequency.get(t) ?? (/\p{Script=Han}/u.test(t) ? (stats.floor > 0 ? stats.floor : undefined) : LOOKUP_SHARE);
  // The cap matters only once the hits outnumber the candidates the ranking reads.
  const maxShare = Math.max(LOOKUP_SHARE, stats.rows > 0 ? SIMILAR_CANDIDATES / stats.rows : Number.POSITIVE_INFINITY);
  const terms = informativeTerms(text, { frequency, max: LOOKUP_TERMS, maxShare });
  const share = [...terms.grams, ...terms.words].reduce((sum, t) => sum + (frequency(t) ?? 0), 0);

  let hits = WINDOW_HITS;
  let since = candidateWindow(stats, share, hits);
  let [sameModelRows, candidates] = await Promise.all([
    model ? solvedOrdersOfModel(db, model, order.id, limit) : Promise.resolve([]),
    similarCandidates(db, terms, order.id, SIMILAR_CANDIDATES, since),
  ]);
  // Fewer hits in the window than expected (uneven receipts, statistics off): widen it.
  while (since && candidates.length < SIMILAR_CANDIDATES) {
    hits *= 8;
    since = candidateWindow(stats, share, hits);
    candidates = await similarCandidates(db, terms, order.id, SIMILAR_CANDIDATES, since);
  }
  // The word segmenter is the costly part (~75 µs for a 50-character report): a cheap bigram
  // score keeps the RANKED best candidates, the exact similarity orders those. Reports are
  // often copied: each distinct text is tokenized once.
  const rough = roughTokens(text);
  const seen = new Map<string, Set<string>>();
  const score = (row: PastRow) => {
    const key = faultText(row);
    let t = seen.get(key);
    if (!t) {
      t = tokens(key);
      seen.set(key, t);
    }
    return setSimilarity(mine, t);
  };
  const similar = candidates
    .map((row) => ({ row, rough: setSimilarity(rough, roughTokens(faultText(row))) }))
    .sort((a, b) => b.rough - a.rough || b.row.receivedAt.getTime() - a.row.receivedAt.getTime())
    .slice(0, Math.max(RANKED, 5 * limit))
    .map(({ row }) => ({ row, score: score(row) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.row.receivedAt.getTime() - a.row.receivedAt.getTime())
    .slice(0, limit);
  return {
    productModel: model,
    sameModel: sameModelRows.map((row) => present(row, score(row))),
    similar: similar.map((c) => present(c.row, c.score)),
  };
}

/** Staff who may read the order see its knowledge; a customer is told there is none (404). */
export async function similarOrders(ctx: ServiceContext, id: string, limit: number) {
  const { order } = await loadForActor(ctx, id);
  if (ctx.actor.role === 'customer') throw errors.notFound();
  return findSimilarOrders(ctx.db, order, limit);
}
