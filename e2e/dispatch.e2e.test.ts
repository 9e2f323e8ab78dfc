import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../web/src/features/dispatch/types.ts';
import { launchBrowser, screenshotter, signIn, startServer, until } from './fixtures.ts';

// Issue 5's browser test: the `supervisor` opens the dispatch board of the demo team, plans the
// day, sees every technician's route on the timeline and the map, drags an installation order
// onto a technician without the installation skill and is refused with the skill named
// (P4.1.2), accepts the plan; then the demo technicians find their planned sequence in
// "My jobs" (P5.1.2). The board is read in Chinese and in English.

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const shot = screenshotter('dispatch');
const INSTALL_SKILL = '设备安装';
let teamId = '';
let teamName = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const team = await server.db
    .selectFrom('users')
    .innerJoin('teams', 'teams.supervisorId', 'users.employeeId')
    .select(['teams.id', 'teams.name'])
    .where('users.username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  teamId = team.id;
  teamName = team.name;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function session(username: string, viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  return signIn(browser, server.url, username, pageErrors, viewport);
}


/** The board as the page's own session reads it. */
function readBoard(page: Page): Promise<Board> {
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/v1/dispatch/teams/${id}/board`, { credentials: 'same-origin' });
    return (await response.json()) as Board;
  }, teamId);
}

async function openBoard(page: Page) {
  await page.goto(`${server.url}/dispatch`);
  await page.getByTestId('dispatch-team-select').waitFor();
  await page.locator('[data-testid^="dispatch-row-"]').first().waitFor();
}

describe('the dispatch board', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Tall enough that the timeline and the queue fit: a drag that scrolls the page on the way
    // would start from whatever moved under the pointer.
    ({ context, page } = await session('supervisor', { width: 1366, height: 1500 }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('1. the supervisor opens the board of the demo team', async () => {
    await openBoard(page);
    await expect.poll(() => page.getByTestId('dispatch-team-select').textContent()).toContain(teamName);
    const board = await readBoard(page);
    expect(board.team.id).toBe(teamId);
    expect(board.orders.length).toBeGreaterThan(10);
    // One row per technician, named.
    await expect.poll(() => page.locator('[data-testid^="dispatch-row-"]').count()).toBe(board.technicians.length);
    for (const t of board.technicians) expect(await page.getByTestId(`dispatch-row-${t.id}`).getAttribute('data-name')).toBe(t.name);
    // Someone is away today: the row is greyed with the reason.
    expect(await page.locator('[data-testid^="dispatch-row-"][data-off="true"]').count()).toBeGreaterThan(0);
    // The queue holds the day's orders nobody has yet.
    expect(await page.locator('[data-testid^="dispatch-queue-"][data-order-id]').count()).toBeGreaterThan(0);
    await page.getByTestId('dispatch-map').waitFor();
    await shot(page, 'board-before-planning');
  });

  it('2. plans the day', async () => {
    const proposed = page.locator('[data-testid="dispatch-summary"][data-status="proposed"]');
    await until(() => page.getByTestId('dispatch-plan').click(), proposed, 30_000);
    const board = await readBoard(page);
    expect(board.plan?.status).toBe('proposed');
    expect(board.plan!.summary.planned).toBeGreaterThan(0);
    expect(await page.getByTestId('dispatch-summary-planned').textContent()).toContain(String(board.plan!.summary.planned));
  });

  it('3. sees each technician\'s route on the timeline and on the map', async () => {
    const board = await readBoard(page);
    const routes = board.plan!.routes.filter((r) => r.stops.length > 0);
    expect(routes.length).toBeGreaterThanOrEqual(2);
    for (const r of routes) {
      const row = page.getByTestId(`dispatch-row-${r.technicianId}`);
      // Every stop of the route is a block in that technician's row, numbered in visiting order.
      await expect.poll(() => row.locator('[data-testid^="dispatch-stop-"]').count()).toBe(r.stops.length);
      const movable = r.stops.filter((s) => !s.fixed);
      for (const [i, s] of movable.entries()) {
        expect(await row.getByTestId(`dispatch-stop-${s.number}`).getAttribute('data-sequence')).toBe(String(i + 1));
      }
      if (r.stops.some((s) => s.travelMinutes > 0)) expect(await row.locator('[data-kind="travel"]').count()).toBeGreaterThan(0);
    }
    // The map: one line per route, a marker per order, the team base; no tiles are configured.
    const map = page.getByTestId('dispatch-map');
    await expect.poll(() => map.locator('path.dispatch-route').count()).toBe(routes.length);
    expect(await map.locator('path.dispatch-order').count()).toBeGreaterThanOrEqual(routes.reduce((n, r) => n + r.stops.length, 0));
    expect(await map.locator('.leaflet-marker-icon').count()).toBeGreaterThanOrEqual(1);
    expect(await map.getAttribute('data-tiles')).toBe('false');
    expect(await map.locator('.leaflet-tile').count()).toBe(0);
    await shot(page, 'board-planned');
  });

  it('4. drags an installation order onto a technician without the skill and is refused, the skill named', async () => {
    const board = await readBoard(page);
    const plan = board.plan!;
    const installation = board.orders.find((o) => o.requiredSkill === INSTALL_SKILL && !o.started);
    expect(installation, 'an order that needs the installation skill').toBeDefined();
    const holder = plan.routes.find((r) => r.stops.some((s) => s.orderId === installation!.id))?.technicianId ?? null;
    const lacking = board.technicians.find((t) => t.available && t.id !== holder && !t.skills.some((s) => s.skill === INSTALL_SKILL));
    expect(lacking, 'a technician at work without the installation skill').toBeDefined();
    const source = page.locator(`[data-testid="dispatch-stop-${installation!.number}"], [data-testid="dispatch-queue-${installation!.number}"]`).first();
    const target = page.getByTestId(`dispatch-track-${lacking!.id}`);
    const refusal = page.getByTestId('dispatch-refusal');
    await target.scrollIntoViewIfNeeded();
    await until(() => source.dragTo(target), refusal);
    await expect.poll(() => refusal.textContent()).toContain(INSTALL_SKILL);
    // The refusal names the order, the technician and the missing skill.
    expect(await refusal.textContent()).toContain(installation!.number);
    expect(await refusal.textContent()).toContain(lacking!.name);
    // Refused: the plan did not change.
    const after = await readBoard(page);
    expect(after.plan!.version).toBe(plan.version);
    await shot(page, 'refused-missing-skill');
    // It stays until closed.
    await page.waitForTimeout(1500);
    expect(await refusal.isVisible()).toBe(true);
  });

  it('5. accepts the plan: each planned order is assigned with its arrival and place in the route', async () => {
    const board = await readBoard(page);
    const accepted = page.locator('[data-testid="dispatch-summary"][data-status="accepted"]');
    await until(() => page.getByTestId('dispatch-accept').click(), accepted, 15_000);
    const planned = board.plan!.routes.flatMap((r) => r.stops.filter((s) => !s.fixed).map((s, i) => ({ id: s.orderId, technicianId: r.technicianId, sequence: i + 1 })));
    const rows = await server.db
      .selectFrom('workOrders')
      .select(['id', 'assigneeId', 'plannedArrivalAt', 'routeSequence', 'dispatchPlanId'])
      .where(
        'id',
        'in',
        planned.map((p) => p.id),
      )
      .execute();
    for (const p of planned) {
      const row = rows.find((r) => r.id === p.id)!;
      expect(row.assigneeId).toBe(p.technicianId);
      expect(row.plannedArrivalAt).not.toBeNull();
      expect(row.routeSequence).toBe(p.sequence);
      expect(row.dispatchPlanId).toBe(board.plan!.id);
    }
    await shot(page, 'plan-accepted');
  });
});

describe('the technicians\' day', () => {
  it('"My jobs" shows each demo technician\'s planned sequence', async () => {
    const seen: Record<string, { n: number; time: string }[]> = {};
    for (const username of ['support', 'repair', 'install']) {
      const { context, page } = await session(username);
      await page.goto(`${server.url}/my-jobs`);
      await page.getByTestId('my-jobs').waitFor();
      const expected = await server.db
        .selectFrom('workOrders')
        .innerJoin('users', 'users.employeeId', 'workOrders.assigneeId')
        .select(['workOrders.number'])
        .where('users.username', '=', username)
        .where('workOrders.routeSequence', 'is not', null)
        .execute();
      if (expected.length > 0) await page.getByTestId('job-sequence').first().waitFor();
      const texts = await page.getByTestId('job-sequence').allTextContents();
      seen[username] = texts.map((text) => {
        const m = text.match(/#(\d+)\D*?(\d{1,2}:\d{2})/);
        expect(m, `"${text}" shows #n and a time`).not.toBeNull();
        return { n: Number(m![1]), time: m![2]!.padStart(5, '0') };
      });
      expect(seen[username]).toHaveLength(expected.length);
      if (seen[username]!.length) await shot(page, `my-jobs-${username}`);
      await context.close();
    }
    const withRoute = Object.values(seen).filter((list) => list.length > 0);
    expect(withRoute.length).toBeGreaterThanOrEqual(1);
    for (const list of withRoute) {
      // In visiting order: #1, #2, ... with arrival times that only go forward.
      expect(list.map((x) => x.n)).toEqual([...list.map((x) => x.n)].sort((a, b) => a - b));
      expect(list.map((x) => x.time)).toEqual([...list.map((x) => x.time)].sort());
    }
  });
});

describe('the board in both languages', () => {
  it('reads in Chinese and in English without a script error', async () => {
    const { context, page } = await session('supervisor');
    await openBoard(page);
    await page.getByTestId('dispatch-summary').waitFor();
    const zh = (await page.locator('body').textContent()) ?? '';
    for (const text of ['派工看板', '待派队列', '当天方案', '已采纳', '地图']) expect(zh).toContain(text);
    await shot(page, 'board-zh');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByText('Dispatch board').first().waitFor();
    const en = (await page.locator('body').textContent()) ?? '';
    for (const text of ['Dispatch board', 'Queue', 'Day plan', 'Accepted', 'Map', 'Plan the day']) expect(en).toContain(text);
    await shot(page, 'board-en');
    // Back to Chinese for the next run of the demo.
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
