import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSurveyToken, surveySecret } from '../server/modules/acceptance/survey-token.ts';
import { launchBrowser, screenshotter, signIn, startServer } from './fixtures.ts';

// Every screen of issue 4 opens for the people who use it, in 简体中文 and in English, with the
// demo data on it and without a script error: parts and stock, tools, checklist templates,
// fault codes, follow-ups, the quality inbox and a feedback record, the defect report with its
// chart, and the customer's survey page (no sign-in).

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const shot = screenshotter('field-screens');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Visit = { path: string; ready: string; name: string };

const SCREENS: Record<string, Visit[]> = {
  manager: [
    { path: '/parts', ready: '[data-testid^="part-edit-"]', name: 'parts' },
    { path: '/tools', ready: '[data-testid^="tool-row-"]', name: 'tools' },
    { path: '/checklist-templates', ready: '[data-testid^="template-row-"]', name: 'checklist-templates' },
    { path: '/fault-codes', ready: '[data-testid="fault-code-row"]', name: 'fault-codes' },
    { path: '/defect-report', ready: '[data-testid="defect-chart"] canvas', name: 'defect-report' },
  ],
  supervisor: [{ path: '/follow-ups', ready: '[data-testid="followups-scope"]', name: 'follow-ups' }],
  repair: [{ path: '/tools', ready: '[data-testid^="tool-row-"]', name: 'repair-tools' }],
  quality: [{ path: '/feedback', ready: '[data-testid^="inbox-row-"]', name: 'quality-inbox' }],
  product: [{ path: '/feedback', ready: '[data-testid^="inbox-row-"]', name: 'product-inbox' }],
};

function signedIn(username: string, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  return signIn(browser, server.url, username, errors);
}

async function visit(page: Page, v: Visit, language: string) {
  await page.goto(`${server.url}${v.path}`);
  await page.locator(v.ready).first().waitFor();
  expect(await page.getByText(language === 'en' ? 'This page could not be shown' : '页面无法显示').count()).toBe(0);
  await shot(page, `${v.name}-${language}`);
}

describe('the field-service screens', () => {
  for (const [username, screens] of Object.entries(SCREENS)) {
    it(`open for ${username} in Chinese and English`, async () => {
      const errors: string[] = [];
      const { context, page } = await signedIn(username, errors);
      for (const v of screens) await visit(page, v, 'zh-CN');
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      for (const v of screens) await visit(page, v, 'en');
      if (username === 'quality') {
        await page.locator('[data-testid^="inbox-row-"]').first().click();
        await page.getByTestId('feedback-status').waitFor();
        await shot(page, 'quality-feedback-record-en');
      }
      // Back to Chinese for the next run of the demo.
      await page.getByTestId('lang-switch').click();
      await context.close();
      expect(errors).toEqual([]);
    });
  }

  it('the survey page opens from its link without a sign-in, in both languages', async () => {
    const invitation = await server.db.selectFrom('surveyInvitations').select(['id', 'expiresAt']).where('usedAt', 'is', null).executeTakeFirstOrThrow();
    const token = signSurveyToken(await surveySecret(server.db), { invitationId: invitation.id, expiresAt: invitation.expiresAt });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/survey/${token}`);
    await page.getByTestId('survey-submit').waitFor();
    await shot(page, 'survey-zh');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await shot(page, 'survey-en');
    await context.close();
    expect(errors).toEqual([]);
  });
});
