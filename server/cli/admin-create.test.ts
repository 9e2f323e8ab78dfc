import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { verifyPassword } from '../platform/passwords.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (env: Record<string, string>, args: string[] = []) =>
  run(join(root, 'node_modules/.bin/tsx'), ['server/cli/admin-create.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
  });

describe('npm run admin:create on a database without demo data', () => {
  it('refuses a short password, creates the administrator, and refuses a taken username', async () => {
    await expect(cli({ ADMIN_PASSWORD: 'short' })).rejects.toMatchObject({ code: 1 });
    const ok = await cli({ ADMIN_PASSWORD: 'a-long-secret-1' }, ['--username', 'root']);
    expect(ok.stdout).toContain('Administrator root created');
    await expect(cli({ ADMIN_PASSWORD: 'a-long-secret-2' }, ['--username', 'ROOT'])).rejects.toMatchObject({ code: 1 });

    const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      const users = await database.db.selectFrom('users').selectAll().execute();
      expect(users.map((u) => [u.username, u.role])).toEqual([['root', 'admin']]);
      expect(await verifyPassword('a-long-secret-1', users[0]!.passwordHash)).toBe(true);
      // no demo company was seeded behind it
      expect(await database.db.selectFrom('customers').select('id').execute()).toHaveLength(0);
    } finally {
      await database.close();
    }
  }, 60_000);
});
