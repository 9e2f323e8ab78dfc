import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { DB } from '../../server/db/schema.ts';

// --explain: records the SQL a service function sends (after the camel-case mapping) so that
// the benchmark can show EXPLAIN (ANALYZE, BUFFERS) of the very query it timed.

class RecordQueries implements KyselyPlugin {
  readonly queries: CompiledQuery[] = [];
  constructor(private readonly db: Kysely<DB>) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(this.db.getExecutor().compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** A database handle that records every query run through it. */
export function recording(db: Kysely<DB>): { db: Kysely<DB>; queries: CompiledQuery[] } {
  const plugin = new RecordQueries(db);
  return { db: db.withPlugin(plugin), queries: plugin.queries };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a recorded query, as text. */
export async function explain(db: Kysely<DB>, query: CompiledQuery): Promise<string> {
  const result = await db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]));
  return result.rows.map((row) => String(Object.values(row as Record<string, unknown>)[0])).join('\n');
}
