import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureDefaultSettings } from '../server/modules/settings/service.ts';
import { seedDemo } from '../server/startup.ts';
import { startInboundSmtp } from '../server/modules/inbound-email/smtp.ts';
import { startNotificationDispatcher } from '../server/modules/notifications/dispatcher.ts';

export const OUTPUT = resolve(import.meta.dirname, 'output');
const WEB_DIST = resolve(import.meta.dirname, '../web/dist');

/** A local SMTP server that keeps what it receives, parsed: the customer's inbox in browser tests. */
export async function startMailbox() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    /** Waits until a received message matches. */
    async waitFor(match: (m: ParsedMail) => boolean, timeoutMs = 20_000): Promise<ParsedMail> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const found = received.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no matching mail among: ${received.map((m) => m.subject).join(' | ')}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The built web app served by the real server on a fresh embedded database with the demo company. */
export async function startServer(options: { mailbox?: { port: number } } = {}) {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db);
  await ensureDefaultSettings(database.db);
  await seedDemo(database.db);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ...(options.mailbox ? { SMTP_URL: `smtp://127.0.0.1:${options.mailbox.port}`, SMTP_FROM: 'service@aftersales.example' } : {}),
  });
  const app = await buildApp({ db: database.db, engine: database.engine, config }, { webDist: WEB_DIST });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  // As main.ts does: mail goes out through the outbox, and replies come back over SMTP.
  const dispatcher = options.mailbox ? startNotificationDispatcher(database.db, config, app.log, 300) : null;
  const inbound = options.mailbox ? await startInboundSmtp(database.db, { port: 0, host: '127.0.0.1' }, app.log) : null;
  return {
    url: address,
    db: database.db,
    inboundSmtpPort: inbound?.port ?? null,
    close: async () => {
      await dispatcher?.stop();
      await inbound?.close();
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

/** A signed-in page of a demo user; script errors are collected in `errors` (a test asserts it stays empty). */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  errors: string[],
  viewport = { width: 1366, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await page.goto(`${url}/sign-in`);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill('demo12345');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return { context, page };
}

/** Does `act` until `done` shows (three tries), for controls a busy machine may not take at the first click. */
export async function until(act: () => Promise<unknown>, done: Locator, timeout = 5000) {
  for (let attempt = 1; ; attempt++) {
    await act();
    const shown = await done
      .waitFor({ timeout })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`still not done after ${attempt} tries: ${done}`);
  }
}
