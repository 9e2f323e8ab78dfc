import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';
export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  close: () => Promise<void>;
  /** PGlite only: the whole data directory as a tarball (a template for fresh test databases). */
  dumpDataDir?: () => Promise<Blob>;
};
export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** `template`: start from a data directory dumped earlier instead of an empty one. */
  | { kind: 'pglite'; dataDir: string | null; template?: Blob };

const OID = { int8: 20, date: 1082 } as const;

/** int8 (bigint) columns hold counts, ids and money in fen: numbers, refused when unsafe. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} exceeds the safe integer range`);
  return n;
}
/** Business dates stay `YYYY-MM-DD` text: a JS Date would shift them by the process time zone. */
const parseDate = (value: string) => value;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const plugins = [new CamelCasePlugin()];
  if (target.kind === 'postgres') {
    pg.types.setTypeParser(OID.int8, parseInt8);
    pg.types.setTypeParser(OID.date, parseDate);
    // JIT compilation costs more than it saves on short OLTP queries (bench/work-orders.ts: +20-60 ms).
    const pool = new pg.Pool({ connectionString: target.url, max: 10, options: '-c jit=off' });
    // An idle client whose connection the server ends (restart, terminated backend, a dropped test
    // database) is already discarded by the pool; without a listener its 'error' event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: target.dataDir ?? undefined,
    loadDataDir: target.template,
    extensions: { pg_trgm },
    parsers: { [OID.int8]: parseInt8, [OID.date]: parseDate },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins });
  return {
    db,
    engine: 'pglite',
    dumpDataDir: async () => (await pglite.dumpDataDir('none')) as Blob,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
