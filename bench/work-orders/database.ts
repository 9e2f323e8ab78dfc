import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { progress } from './report.ts';

// The benchmark's own database: a fresh one on the PostgreSQL server named by DATABASE_URL
// (created for the run, dropped afterwards), or PGlite in a temporary data folder (on disk, so
// a million orders do not have to fit in the WebAssembly heap). --keep leaves either behind;
// --reuse measures one kept earlier (a postgres:// URL or a PGlite folder) without seeding.

export type BenchDatabase = { database: Database; reused: boolean; dispose: () => Promise<void> };

export async function openBenchDatabase(keep: boolean, reuse: string | undefined): Promise<BenchDatabase> {
  if (reuse) return openKept(reuse);
  const serverUrl = process.env.DATABASE_URL?.trim();
  return serverUrl ? openOnServer(serverUrl, keep) : openPglite(keep);
}

async function openKept(location: string): Promise<BenchDatabase> {
  const database = await openDatabase(/^postgres(ql)?:\/\//.test(location) ? { kind: 'postgres', url: location } : { kind: 'pglite', dataDir: location });
  progress(`reusing ${location}`);
  return { database, reused: true, dispose: () => database.close() };
}

/** One statement on the server's maintenance connection (CREATE / DROP DATABASE). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function openOnServer(serverUrl: string, keep: boolean): Promise<BenchDatabase> {
  const name = `aftersales_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  progress(`database ${name} on ${url.host}`);
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    database,
    reused: false,
    dispose: async () => {
      await database.close();
      if (keep) progress(`kept database ${url.toString()}`);
      else await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function openPglite(keep: boolean): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-'));
  progress(`PGlite data folder ${dataDir}`);
  const database = await openDatabase({ kind: 'pglite', dataDir });
  return {
    database,
    reused: false,
    dispose: async () => {
      await database.close();
      if (keep) progress(`kept PGlite data folder ${dataDir}`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
