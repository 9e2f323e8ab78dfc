import { type Kysely, sql, type Transaction } from 'kysely';
import { likePattern } from '../../../core/search.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How much of a description the ranking reads: the fault is told first, and segmenting costs ~1.5 µs a character. */
export const RANKED_DESCRIPTION_CHARS = 400;

/** What PostgreSQL's statistics say about work_orders (kept by ANALYZE and autovacuum). */
export type OrderStatistics = {
  /** Estimated rows of work_orders (0 when never analyzed). */
  rows: number;
  /** The share of rows holding each asked term that is among search_grams' most common elements. */
  frequency: Map<string, number>;
  /** The lowest share among the most common elements: a term not listed is rarer than this (0: no statistics). */
  floor: number;
  /** The first and the last receipt of an order (null when there is none). */
  oldest: Date | null;
  newest: Date | null;
};

/**
 * The shares of rows holding some terms (pg_stats.most_common_elems of search_grams), the
 * table's estimated size and the span of its receipts: one round trip, all from catalogs and
 * the two ends of work_orders_received.
 */
export async function orderStatistics(db: Db, terms: readonly string[]): Promise<OrderStatistics> {
  // most_common_elem_freqs lists the shares of most_common_elems, then their minimum, their
  // maximum and the share of null elements.
  const { rows } = await sql<{ rows: number; floor: number | null; terms: string[] | null; freqs: number[] | null; oldest: Date | null; newest: Date | null }>`
    SELECT greatest(c.reltuples, 0)::float8 AS rows,
      s.most_common_elem_freqs[array_length(s.most_common_elem_freqs, 1) - 2]::float8 AS floor,
      (SELECT array_agg(e.term ORDER BY e.term) FROM unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(term, freq)
        WHERE e.term = ANY(${sql.val([...terms])}::text[])) AS terms,
      (SELECT array_agg(e.freq::float8 ORDER BY e.term) FROM unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(term, freq)
        WHERE e.term = ANY(${sql.val([...terms])}::text[])) AS freqs,
      (SELECT min(received_at) FROM work_orders) AS oldest,
      (SELECT max(received_at) FROM work_orders) AS newest
    FROM pg_class c
    LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'work_orders' AND s.attname = 'search_grams'
    WHERE c.oid = 'work_orders'::regclass`.execute(db);
  const r = rows[0];
  const names = r?.terms ?? [];
  const shares = r?.freqs ?? [];
  const instant = (v: Date | string | null | undefined) => (v ? new Date(v) : null);
  return {
    rows: Number(r?.rows ?? 0),
    frequency: new Map(names.map((t, i) => [t, Number(shares[i])])),
    floor: Number(r?.floor ?? 0),
    oldest: instant(r?.oldest),
    newest: instant(r?.newest),
  };
}

export function productModelOf(db: Db, productId: string | null) {
  if (!productId) return Promise.resolve(undefined);
  return db.selectFrom('installedProducts').select('model').where('id', '=', productId).executeTakeFirst();
}

const PAST_ORDER = [
  'w.id',
  'w.number',
  'w.title',
  sql<string>`left(w.description, ${sql.lit(RANKED_DESCRIPTION_CHARS)})`.as('description'),
  'w.state',
  'w.solution',
  'w.resolution',
  'w.receivedAt',
  'p.model as productModel',
] as const;

/**
 * Solved orders (with a solution or a resolution) on products of one model, newest first.
 * Plan (measured at a million orders): for a common model PostgreSQL walks work_orders_received
 * backwards and keeps the rows whose product (primary key) has the model, stopping at the
 * limit (0.8 ms for a model of 1 order in 11); for a rare one it starts from its products
 * (installed_products_model, then work_orders_product) and sorts their few orders (4 ms). The
 * worst, a model of 1 order in 500, walks ~8,000 rows: 30 ms.
 */
export function solvedOrdersOfModel(db: Db, model: string, excludeId: string, limit: number) {
  return db
    .selectFrom('workOrders as w')
    .innerJoin('installedProducts as p', 'p.id', 'w.productId')
    .select(PAST_ORDER)
    .where('p.model', '=', model)
    .where('w.id', '<>', excludeId)
    .where((eb) => eb.or([eb('w.solution', 'is not', null), eb('w.resolution', 'is not', null)]))
    .orderBy('w.receivedAt', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Candidates for the similar-fault list: the newest `limit` solved orders received since
 * `since` (or ever) holding at least one of the given CJK grams (`search_grams && grams`,
 * GIN index work_orders_search_grams) or one of the given Latin words (`search_text LIKE
 * '%word%'`, trigram index work_orders_search_trgm). The ranking happens in TypeScript.
 *
 * Plan: the hits are collected in a MATERIALIZED CTE, so PostgreSQL plans them as a whole: a
 * bitmap scan of the GIN indexes (BitmapOr over the terms), ANDed with a range of
 * work_orders_received when `since` is given; then a top-N sort keeps the newest. Without the
 * CTE, `ORDER BY received_at DESC LIMIT n` tempts the planner to walk work_orders_received
 * and test every row: it underrates that cost and was measured walking 93,000 rows (210 ms)
 * for 300 of 3,000 hits. The heap rows read are the hits (in the window), so the caller keeps
 * them few: rare terms, and a window of recent receipts when the terms are common (the
 * bitmaps themselves are cheap). The product join is made for the candidates only.
 */
export function similarCandidates(
  db: Db,
  terms: { grams: readonly string[]; words: readonly string[] },
  excludeId: string,
  limit: number,
  since: Date | null,
) {
  if (!terms.grams.length && !terms.words.length) return Promise.resolve([]);
  let hits = db
    .selectFrom('workOrders as w')
    .select(['w.id', 'w.receivedAt'])
    .where('w.id', '<>', excludeId)
    .where((eb) => eb.or([eb('w.solution', 'is not', null), eb('w.resolution', 'is not', null)]))
    .where((eb) =>
      eb.or([
        ...(terms.grams.length ? [eb('w.searchGrams', '&&', sql<string[]>`${sql.val([...terms.grams])}::text[]`)] : []),
        ...terms.words.map((word) => eb('w.searchText', 'like', likePattern(word))),
      ]),
    );
  if (since) hits = hits.where('w.receivedAt', '>=', since);
  const newest = db
    .with((cte) => cte('hits').materialized(), () => hits)
    .selectFrom('hits')
    .select(['hits.id', 'hits.receivedAt'])
    .orderBy('hits.receivedAt', 'desc')
    .orderBy('hits.id', 'desc')
    .limit(limit);
  return db
    .selectFrom(newest.as('n'))
    .innerJoin('workOrders as w', 'w.id', 'n.id')
    .leftJoin('installedProducts as p', 'p.id', 'w.productId')
    .select(PAST_ORDER)
    .orderBy('w.receivedAt', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
}
