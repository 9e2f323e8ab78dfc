import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureDefaultSettings } from '../server/modules/settings/service.ts';
import { seedDemo } from '../server/startup.ts';

export const OUTPUT = resolve(import.meta.dirname, 'output');
const WEB_DIST = resolve(import.meta.dirname, '../web/dist');

/** The built web app served by the real server on a fresh embedded database with the demo company. */
export async function startServer() {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db);
  await ensureDefaultSettings(database.db);
  await seedDemo(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ db: database.db, engine: database.engine, config }, { webDist: WEB_DIST });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Debian's Chromium, never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotter(folder: string) {
  const dir = resolve(OUTPUT, folder);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return (page: Page, name: string) => page.screenshot({ path: resolve(dir, `${String(++n).padStart(2, '0')}-${name}.png`), fullPage: true });
}
