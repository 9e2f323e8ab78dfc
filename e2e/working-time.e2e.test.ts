import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotter, signIn, startServer, until } from './fixtures.ts';

// Issue 5, the screens around the dispatch board: the working-time grid (a shift set and
// cleared, a stale save, leave added and deleted, in 简体中文 and English), a technician's
// "My jobs" in the order of their planned route, and an order's requirement with the
// suggested technicians.

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const shot = screenshotter('working-time');
const ZONE = 'Asia/Shanghai';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Today in the company time zone (the demo company's is Shanghai). */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The instant of a wall-clock time today in Shanghai (UTC+8, no daylight saving). */
function todayAt(hhmm: string): Date {
  return new Date(`${today()}T${hhmm}:00+08:00`);
}

function signedIn(username: string, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  return signIn(browser, server.url, username, errors);
}


/** Types a time into an antd TimePicker and confirms it. */
async function typeTime(page: Page, testId: string, hhmm: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(hhmm);
  await input.press('Enter');
}

async function employee(username: string) {
  return server.db
    .selectFrom('users as u')
    .innerJoin('employees as e', 'e.id', 'u.employeeId')
    .select(['e.id', 'e.name'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
}

describe('working time, my route, an order’s requirement', () => {
  it('the supervisor sets and clears a shift and keeps leave, in Chinese and English', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('supervisor', errors);
    const repair = await employee('repair');
    const day = today();

    await page.getByTestId('nav-working-time').click();
    const cell = page.getByTestId(`wt-cell-${repair.id}-${day}`);
    await cell.waitFor();
    await expect(page.getByText('排班与请假').first().isVisible()).resolves.toBe(true);
    await shot(page, 'grid-zh');

    // A shift of 09:00-15:00 starting from home.
    await until(() => cell.click(), page.getByTestId('wt-shift-save'));
    await typeTime(page, 'wt-shift-start', '09:00');
    await typeTime(page, 'wt-shift-end', '15:00');
    await page.locator('[data-testid="wt-shift-starts-from"] label', { hasText: '家' }).click();
    await shot(page, 'shift-modal-zh');
    await page.getByTestId('wt-shift-save').click();
    await cell.locator('[data-testid="wt-shift-record"]', { hasText: '09:00–15:00' }).waitFor();
    const saved = await server.db.selectFrom('workShifts').selectAll().where('employeeId', '=', repair.id).where('day', '=', day).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ off: false, startsFrom: 'home', endsAtPlace: 'office' });
    expect(saved.startsAt?.toISOString()).toBe(todayAt('09:00').toISOString());
    expect(saved.endsAt?.toISOString()).toBe(todayAt('15:00').toISOString());

    // Someone else changes it meanwhile: the save is refused as stale and the grid reloads.
    await until(() => cell.click(), page.getByTestId('wt-shift-save'));
    await server.db
      .updateTable('workShifts')
      .set({ version: sql`version + 1`, endsAt: todayAt('16:00') })
      .where('id', '=', saved.id)
      .execute();
    await typeTime(page, 'wt-shift-end', '14:00');
    await page.getByTestId('wt-shift-save').click();
    const stale = page.locator('.ant-modal-confirm:visible');
    await stale.waitFor();
    await shot(page, 'shift-stale-zh');
    await stale.locator('.ant-btn-primary').click();
    await cell.locator('[data-testid="wt-shift-record"]', { hasText: '09:00–16:00' }).waitFor();

    // Back to the default shift (or a rest day, when today is not a working day).
    await until(() => cell.click(), page.getByTestId('wt-shift-clear'));
    await page.getByTestId('wt-shift-clear').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await page.locator(`[data-testid="wt-cell-${repair.id}-${day}"]:not([data-kind="record"])`).waitFor();
    expect(await server.db.selectFrom('workShifts').select('id').where('id', '=', saved.id).executeTakeFirst()).toBeUndefined();

    // Sick leave for the technician: shown in the cell and the list, then deleted.
    await until(() => page.getByTestId('wt-add-leave').click(), page.getByTestId('wt-leave-save'));
    await page.getByTestId('wt-leave-employee').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: repair.name }).first().click();
    await page.getByTestId('wt-leave-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '病假' }).first().click();
    await page.getByTestId('wt-leave-save').click();
    await cell.locator('[data-testid="wt-leave-tag"]', { hasText: '病假' }).waitFor();
    const leave = await server.db.selectFrom('leaveRecords').selectAll().where('employeeId', '=', repair.id).where('kind', '=', 'sick').executeTakeFirstOrThrow();
    await page.getByTestId(`wt-leave-${leave.id}`).waitFor();
    await shot(page, 'leave-zh');

    // In English.
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByText('Working time', { exact: true }).first().waitFor();
    await cell.locator('[data-testid="wt-leave-tag"]', { hasText: 'Sick leave' }).waitFor();
    await shot(page, 'grid-en');

    await page.getByTestId(`wt-leave-delete-${leave.id}`).click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await page.getByTestId(`wt-leave-${leave.id}`).waitFor({ state: 'detached' });
    expect(await server.db.selectFrom('leaveRecords').select('id').where('id', '=', leave.id).executeTakeFirst()).toBeUndefined();

    await page.getByTestId('lang-switch').click();
    await context.close();
    expect(errors).toEqual([]);
  });

  it('HR opens the working time of the teams too', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('hr', errors);
    await page.goto(`${server.url}/working-time`);
    await page.locator('[data-testid^="wt-cell-"]').first().waitFor();
    await shot(page, 'grid-hr-zh');
    await context.close();
    expect(errors).toEqual([]);
  });

  it("a technician's 'My jobs' lists today's planned visits first, in route order", async () => {
    const repair = await employee('repair');
    const mine = () =>
      server.db
        .selectFrom('workOrders')
        .select(['id', 'number'])
        .where('assigneeId', '=', repair.id)
        .where('state', 'not in', ['closed', 'cancelled'])
        .orderBy('number')
        .limit(2)
        .execute();
    if ((await mine()).length < 2) {
      // Fixture: two of the team's new orders handed to the technician.
      const fresh = await server.db.selectFrom('workOrders').select('id').where('state', '=', 'new').orderBy('number').limit(2).execute();
      await server.db
        .updateTable('workOrders')
        .set({ assigneeId: repair.id, state: 'assigned' })
        .where(
          'id',
          'in',
          fresh.map((o) => o.id),
        )
        .execute();
    }
    const open = await mine();
    expect(open.length).toBe(2);
    const [second, first] = open as [(typeof open)[0], (typeof open)[0]];
    await server.db.updateTable('workOrders').set({ plannedArrivalAt: todayAt('08:40'), routeSequence: 1 }).where('id', '=', first.id).execute();
    await server.db.updateTable('workOrders').set({ plannedArrivalAt: todayAt('11:05'), routeSequence: 2 }).where('id', '=', second.id).execute();

    const errors: string[] = [];
    const { context, page } = await signedIn('repair', errors);
    await page.goto(`${server.url}/my-jobs`);
    const sequence = page.locator('[data-testid="my-jobs"] [data-testid="job-sequence"]');
    await sequence.nth(1).waitFor();
    expect(await sequence.allTextContents()).toEqual(['#1 · 08:40', '#2 · 11:05']);
    const cards = page.locator('[data-testid="my-jobs"] > [data-testid^="job-"]');
    expect(await cards.nth(0).getAttribute('data-testid')).toBe(`job-${first.number}`);
    expect(await cards.nth(1).getAttribute('data-testid')).toBe(`job-${second.number}`);
    await shot(page, 'my-jobs-route-zh');
    await context.close();
    expect(errors).toEqual([]);
  });

  it("the supervisor reads an order's requirement, corrects it and assigns from the suggested technicians", async () => {
    const supervisor = await server.db
      .selectFrom('users as u')
      .innerJoin('employees as e', 'e.id', 'u.employeeId')
      .select('e.teamId')
      .where('u.username', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    const order = await server.db
      .selectFrom('workOrders')
      .select(['id', 'number', 'requiredSkill'])
      .where('teamId', '=', supervisor.teamId)
      .where('state', '=', 'new')
      .where('requiredSkill', 'is not', null)
      .orderBy('number')
      .executeTakeFirstOrThrow();

    const errors: string[] = [];
    const { context, page } = await signedIn('supervisor', errors);
    await page.goto(`${server.url}/work-orders/${order.id}`);
    const card = page.getByTestId('order-requirement');
    await card.getByTestId('requirement-skill-value').filter({ hasText: order.requiredSkill! }).waitFor();

    // The service time goes to 75 minutes.
    await until(() => card.getByTestId('requirement-edit').click(), page.getByTestId('requirement-save'));
    await page.getByTestId('requirement-minutes').fill('75');
    await page.getByTestId('requirement-save').click();
    await card.getByText('1 小时 15 分钟').waitFor();
    expect((await server.db.selectFrom('workOrders').select('serviceMinutes').where('id', '=', order.id).executeTakeFirstOrThrow()).serviceMinutes).toBe(75);

    // The suggested technicians: the eligible can be assigned, the others say why not.
    await until(() => card.getByTestId('order-suggest').click(), page.locator('[data-testid^="order-candidate-"]').first());
    await shot(page, 'candidates-zh');
    const ineligible = page.locator('[data-testid^="order-candidate-"][data-eligible="false"]');
    if ((await ineligible.count()) > 0) expect((await ineligible.first().getByTestId('order-candidate-reasons').textContent())?.trim()).not.toBe('');
    const assign = page.locator('[data-testid^="order-assign-"]').first();
    const technicianId = (await assign.getAttribute('data-testid'))!.replace('order-assign-', '');
    await assign.click();
    await page.getByTestId('order-candidates').waitFor({ state: 'hidden' });
    const after = await server.db.selectFrom('workOrders').select(['state', 'assigneeId']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ state: 'assigned', assigneeId: technicianId });
    await context.close();
    expect(errors).toEqual([]);
  });
});
