import { type Kysely, sql, type Transaction } from 'kysely';
import { likePattern } from '../../../core/search.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const PAST_ORDER = ['w.id', 'w.number', 'w.title', 'w.description', 'w.state', 'w.solution', 'w.resolution', 'w.receivedAt'] as const;

/**
 * How often some terms occur in work_orders.search_grams, as the share of rows holding each,
 * from PostgreSQL's own statistics (pg_stats.most_common_elems, kept by ANALYZE/autovacuum).
 * A term missing from the answer is rarer than every term listed (or nothing is analyzed yet).
 */
export async function gramFrequencies(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  if (!terms.length) return new Map();
  const { rows } = await sql<{ term: string; freq: number }>`
    SELECT e.term, e.freq::float8 AS freq
    FROM pg_stats s
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(term, freq)
    WHERE s.schemaname = current_schema() AND s.tablename = 'work_orders' AND s.attname = 'search_grams'
      AND e.term = ANY(${sql.val([...terms])}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.term, Number(r.freq)]));
}

export function productModelOf(db: Db, productId: string | null) {
  if (!productId) return Promise.resolve(undefined);
  return db.selectFrom('installedProducts').select('model').where('id', '=', productId).executeTakeFirst();
}

/**
 * Solved orders (with a solution or a resolution) on products of one model, newest first.
 * Plan: PostgreSQL walks work_orders_received backwards and keeps the rows whose product
 * (primary key lookup) has the model, stopping at the limit: with a few dozen models a
 * popular one is met every few rows. For a rare model it starts from the products instead
 * (work_orders_product); both are bounded by the limit or by the model's few orders.
 */
export function solvedOrdersOfModel(db: Db, model: string, excludeId: string, limit: number) {
  return db
    .selectFrom('workOrders as w')
    .innerJoin('installedProducts as p', 'p.id', 'w.productId')
    .select([...PAST_ORDER, 'p.model as productModel'])
    .where('p.model', '=', model)
    .where('w.id', '<>', excludeId)
    .where((eb) => eb.or([eb('w.solution', 'is not', null), eb('w.resolution', 'is not', null)]))
    .orderBy('w.receivedAt', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Candidates for the similar-fault list: the newest `limit` solved orders holding at least one
 * of the given CJK grams (`search_grams && grams`, GIN index work_orders_search_grams) or one
 * of the given Latin words (`search_text LIKE '%word%'`, trigram index work_orders_search_trgm).
 * The caller passes a few rare terms (core/similarity.ts informativeTerms), so the match is
 * selective; the ranking itself happens in TypeScript.
 *
 * Plan: when the terms are rare, a bitmap scan of the GIN indexes (BitmapOr over the terms)
 * finds few rows and a top-N sort keeps the newest; when they are common, PostgreSQL walks
 * work_orders_received backwards and stops after `limit` matches. Either way the work is
 * bounded by the index hits or by the limit, never by the table's size. The product join is
 * made after the limit, for the candidates only.
 */
export function similarCandidates(db: Db, terms: { grams: readonly string[]; words: readonly string[] }, excludeId: string, limit: number) {
  if (!terms.grams.length && !terms.words.length) return Promise.resolve([]);
  const candidates = db
    .selectFrom('workOrders as w')
    .select([...PAST_ORDER, 'w.productId'])
    .where('w.id', '<>', excludeId)
    .where((eb) => eb.or([eb('w.solution', 'is not', null), eb('w.resolution', 'is not', null)]))
    .where((eb) =>
      eb.or([
        ...(terms.grams.length ? [eb('w.searchGrams', '&&', sql<string[]>`${sql.val([...terms.grams])}::text[]`)] : []),
        ...terms.words.map((word) => eb('w.searchText', 'like', likePattern(word))),
      ]),
    )
    .orderBy('w.receivedAt', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit)
    .as('w');
  return db
    .selectFrom(candidates)
    .leftJoin('installedProducts as p', 'p.id', 'w.productId')
    .select(['w.id', 'w.number', 'w.title', 'w.description', 'w.state', 'w.solution', 'w.resolution', 'w.receivedAt', 'p.model as productModel'])
    .orderBy('w.receivedAt', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
}
