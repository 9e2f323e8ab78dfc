import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotter, signIn, startServer, until } from './fixtures.ts';

// Issue 6, the browser scenario: the demo seeds last month's work for the demo team and opens
// its period; the `support` technician fills in the self-evaluation, the `supervisor` reviews,
// `hr` calibrates with a reason and publishes; the technician opens the on-time rate and sees
// the orders behind it, the excused one with its reason; the technician appeals and HR answers.

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const shot = screenshotter('appraisal');
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  return signIn(browser, server.url, username, errors);
}

async function supportResult() {
  return server.db
    .selectFrom('appraisalResults as r')
    .innerJoin('appraisalPeriods as p', 'p.id', 'r.periodId')
    .innerJoin('users as u', 'u.employeeId', 'r.employeeId')
    .innerJoin('employees as e', 'e.id', 'r.employeeId')
    .select(['r.id', 'r.status', 'r.calibratedScore', 'r.grade', 'p.label', 'p.status as periodStatus', 'e.name'])
    .where('u.username', '=', 'support')
    .where('p.kind', '=', 'monthly')
    .orderBy('p.startsOn', 'desc')
    .executeTakeFirstOrThrow();
}

async function waitForStatus(status: string) {
  for (let i = 0; i < 50; i++) {
    if ((await supportResult()).status === status) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect((await supportResult()).status).toBe(status);
}

async function stars(page: Page, testId: string, n: number) {
  await page.getByTestId(`${testId}-star-${n}`).click();
}

describe('the monthly appraisal in the browser (issue 6)', () => {
  it('self-evaluation, review, calibration and publication, the orders behind the on-time rate, an appeal answered', async () => {
    const seeded = await supportResult();
    expect(seeded.periodStatus).toBe('open');
    expect(seeded.status).toBe('self_pending');

    // 2. The technician fills in the self-evaluation (P5.3.1).
    const support = await signedIn('support');
    await support.page.getByTestId('nav-appraisal').click();
    await support.page.locator(`[data-testid="my-result"][data-period="${seeded.label}"]`).click();
    await support.page.getByTestId('self-form').waitFor();
    await stars(support.page, 'self-item-quality', 4);
    await stars(support.page, 'self-item-punctuality', 5);
    await stars(support.page, 'self-item-learning', 4);
    await support.page.getByTestId('self-item-achievements').fill('本月完成十余单维修，协助同事处理压缩机异响');
    await shot(support.page, 'self-evaluation');
    await support.page.getByTestId('self-submit').click();
    await waitForStatus('review_pending');

    // 3. The supervisor reviews their team member (P5.3.2).
    const supervisor = await signedIn('supervisor');
    await supervisor.page.getByTestId('nav-appraisal-review').click();
    const row = supervisor.page.locator(`[data-testid="review-row"][data-employee="${seeded.name}"]`);
    await row.waitFor();
    await shot(supervisor.page, 'review-queue');
    await until(() => row.getByTestId('review-open').click(), supervisor.page.getByTestId('review-form'));
    await stars(supervisor.page, 'review-item-performance', 5);
    await stars(supervisor.page, 'review-item-completion', 4);
    await stars(supervisor.page, 'teamwork-rating', 4);
    await shot(supervisor.page, 'review-form');
    await supervisor.page.getByTestId('review-submit').click();
    await waitForStatus('reviewed');
    await supervisor.context.close();

    // 4. HR calibrates one result with a reason (P5.3.4) and publishes (P5.2).
    const hr = await signedIn('hr');
    await hr.page.getByTestId('nav-appraisal-hr').click();
    await hr.page.getByTestId('hr-tab-results').click();
    const resultRow = hr.page.locator(`[data-testid="result-row"][data-employee="${seeded.name}"]`);
    await until(() => resultRow.click(), hr.page.getByTestId('calibrate-button'));
    await hr.page.getByTestId('calibrate-button').click();
    await hr.page.getByTestId('calibrate-score').fill('92');
    await hr.page.getByTestId('calibrate-reason').fill('承担重点客户抢修，表现突出');
    await shot(hr.page, 'calibrate');
    await hr.page.getByTestId('calibrate-submit').click();
    for (let i = 0; i < 50 && (await supportResult()).calibratedScore === null; i++) await new Promise((r) => setTimeout(r, 200));
    expect(Number((await supportResult()).calibratedScore)).toBe(92);
    // Leave the result drawer by reloading the page without it (Escape may land while the dialog closes).
    await hr.page.goto(`${server.url}/appraisal/hr`);
    await hr.page.getByTestId('hr-tab-periods').click();
    const periodRow = hr.page.locator(`[data-testid="period-row"][data-label="${seeded.label}"]`);
    await until(() => periodRow.getByTestId('period-publish').click(), hr.page.getByTestId('confirm-ok'));
    await hr.page.getByTestId('confirm-ok').click();
    await waitForStatus('published');
    expect((await supportResult()).grade).toBe('A');

    // 5. The technician opens the on-time rate and sees the orders behind it, one excused (P5.1.2).
    await support.page.reload();
    await support.page.locator(`[data-testid="my-result"][data-period="${seeded.label}"]`).click();
    await support.page.locator('[data-testid="result-status"]').filter({ hasText: /./ }).first().waitFor();
    await until(() => support.page.getByTestId('indicator-card-onTime').click(), support.page.getByTestId('explain-drawer'));
    const excused = support.page.locator('[data-testid="explain-row"][data-status="excused"]');
    await excused.first().waitFor();
    expect(await support.page.locator('[data-testid="explain-row"][data-status="on_time"]').count()).toBeGreaterThan(0);
    await support.page.getByTestId('explain-excuse').first().waitFor();
    await shot(support.page, 'on-time-orders');
    await support.page.keyboard.press('Escape');

    // 6. The technician appeals.
    await until(() => support.page.getByTestId('appeal-button').click(), support.page.getByTestId('appeal-reason'));
    await support.page.getByTestId('appeal-reason').fill('10 月有一次迟到是因交通管制，请复核');
    await shot(support.page, 'appeal');
    // A busy machine may miss the first click while the dialog is still opening.
    const submit = support.page.getByTestId('appeal-submit');
    await until(async () => (await submit.isVisible()) && submit.click(), support.page.getByTestId('appeal-item'));
    await waitForStatus('appealed');

    // 7. HR answers the appeal; the technician reads the answer.
    await hr.page.getByTestId('hr-tab-appeals').click();
    await until(() => hr.page.getByTestId('appeal-row').first().click(), hr.page.getByTestId('answer-button'));
    await hr.page.getByTestId('answer-button').click();
    await hr.page.getByTestId('answer-text').fill('已核实交通管制通知，但不影响本月等级，维持原结果');
    await shot(hr.page, 'answer-appeal');
    await hr.page.getByTestId('answer-submit').click();
    await waitForStatus('answered');
    await support.page.reload();
    await support.page.locator(`[data-testid="my-result"][data-period="${seeded.label}"]`).click();
    await expect(support.page.getByTestId('appeal-answer').textContent()).resolves.toContain('维持原结果');
    await shot(support.page, 'appeal-answered');

    await support.context.close();
    await hr.context.close();
    expect(errors).toEqual([]);
  });
});
