import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';

const MIGRATIONS = new URL('../db/migrations/', import.meta.url);

/**
 * A migrated, empty PGlite data directory, made once and kept in the temp folder under a name
 * that changes with the migrations: a test file loads it (~0.4 s) instead of running initdb
 * and the migrations (~2 s).
 */
async function migratedTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).sort()) hash.update(name).update(readFileSync(new URL(name, MIGRATIONS)));
  const path = join(tmpdir(), `aftersales-test-db-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db);
  const dump = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
  await database.close();
  // Written aside then renamed: a parallel test worker never reads half a file.
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, dump);
  renameSync(partial, path);
  return new Blob([dump]);
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped on close).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null, template: await migratedTemplate() });
    await migrateToLatest(database.db); // nothing to do unless the template is behind
    return database;
  }
  const name = `aftersales_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * A second application instance's connection to the same database: a separate pool on the
 * PostgreSQL server; on PGlite (one process, one connection) the same database, so a test of
 * concurrent instances still runs, though only PostgreSQL makes them truly separate.
 */
export async function secondInstance(database: Database & { url?: string }): Promise<Database> {
  if (database.engine === 'postgres' && database.url) return openDatabase({ kind: 'postgres', url: database.url });
  return { ...database, close: async () => {} };
}
