import { type Kysely, sql, type Transaction } from 'kysely';
import { likePattern } from '../../../core/search.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How much of a description the ranking reads: the fault is told first, and segmenting costs ~1.5 µs a character. */
export const RANKED_DESCRIPTION_CHARS = 400;


/** What PostgreSQL's statistics say about work_orders.search_grams (kept by ANALYZE/autovacuum). */
export type GramStatistics = {
  /** Estimated rows of work_orders (0 when never analyzed). */
  rows: number;
  /** Share of rows holding each of the asked terms that is among the most common elements. */
  frequency: Map<string, number>;
  /** The lowest share among the most common elements: a term not listed is rarer than this. */
  floor: number;
};

/** The shares of rows holding some terms, from pg_stats.most_common_elems, and the table's estimated size. */
export async function gramStatistics(db: Db, terms: readonly string[]): Promise<GramStatistics> {
  // most_common_elem_freqs lists the shares of most_common_elems, then their minimum, their
  // maximum and the share of null elements.
  const { rows } = await sql<{ rows: number; floor: number | null; terms: string[] | null; freqs: number[] | null }>`
    SELECT greatest(c.reltuples, 0)::float8 AS rows,
      s.most_common_elem_freqs[array_length(s.most_common_elem_freqs, 1) - 2]::float8 AS floor,
      (SELECT array_agg(e.term ORDER BY e.term) FROM unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(term, freq)
        WHERE e.term = ANY(${sql.val([...terms])}::text[])) AS terms,
      (SELECT array_agg(e.freq::float8 ORDER BY e.term) FROM unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(term, freq)
        WHERE e.term = ANY(${sql.val([...terms])}::text[])) AS freqs
    FROM pg_class c
    LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'work_orders' AND s.attname = 'search_grams'
    WHERE c.oid = 'work_orders'::regclass`.execute(db);
  const r = rows[0];
  const names = r?.terms ?? [];
  const shares = r?.freqs ?? [];
  return {
    rows: Number(r?.rows ?? 0),
    frequency: new Map(names.map((t, i) => [t, Number(shares[i])])),
    floor: Number(r?.floor ?? 0),
  };
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
    .select([
      'w.id',
      'w.number',
      'w.title',
      sql<string>`left(w.description, ${RANKED_DESCRIPTION_CHARS})`.as('description'),
      'w.state',
      'w.solution',
      'w.resolution',
      'w.receivedAt',
      'p.model as productModel',
    ])
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
 * The caller passes a few rare terms (core/similarity.ts informativeTerms); the ranking itself
 * happens in TypeScript.
 *
 * Two plans, chosen by the caller from the statistics (PostgreSQL's own choice was measured
 * wrong: it underrates the cost of testing `&&` row by row and walked 93,000 rows of the
 * received_at index, 210 ms, to find 300 of 3,000 hits that a bitmap scan reads in a few ms):
 *  - 'all_hits': a MATERIALIZED CTE collects every hit through the GIN indexes (a BitmapOr
 *    over the terms), a top-N sort keeps the newest; the work grows with the hits;
 *  - 'newest_first': walk work_orders_received backwards, test each row, stop at `limit`
 *    hits; the work grows with limit / share of rows that are hits.
 * The product join is made after the limit, for the candidates only.
 */
export function similarCandidates(
  db: Db,
  terms: { grams: readonly string[]; words: readonly string[] },
  excludeId: string,
  limit: number,
  plan: 'all_hits' | 'newest_first',
) {
  if (!terms.grams.length && !terms.words.length) return Promise.resolve([]);
  const hits = db
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
  const newest =
    plan === 'all_hits'
      ? db
          .with((cte) => cte('hits').materialized(), () => hits)
          .selectFrom('hits')
          .select(['hits.id', 'hits.receivedAt'])
          .orderBy('hits.receivedAt', 'desc')
          .orderBy('hits.id', 'desc')
          .limit(limit)
      : hits.orderBy('w.receivedAt', 'desc').orderBy('w.id', 'desc').limit(limit);
  return db
    .selectFrom(newest.as('n'))
    .innerJoin('workOrders as w', 'w.id', 'n.id')
    .leftJoin('installedProducts as p', 'p.id', 'w.productId')
    .select([
      'w.id',
      'w.number',
      'w.title',
      sql<string>`left(w.description, ${RANKED_DESCRIPTION_CHARS})`.as('description'),
      'w.state',
      'w.solution',
      'w.resolution',
      'w.receivedAt',
      'p.model as productModel',
    ])
    .orderBy('w.receivedAt', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
}
