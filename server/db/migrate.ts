import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DB } from './schema.ts';
import * as foundation from './migrations/2026112601_foundation.ts';

// Listed in code: Kysely's FileMigrationProvider cannot import .ts files under Vitest.
const migrations: Record<string, Migration> = {
  '2026112601_foundation': foundation,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on the untyped schema it builds
  const migrator = new Migrator({ db: db as Kysely<any>, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
