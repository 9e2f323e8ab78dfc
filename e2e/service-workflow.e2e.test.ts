import nodemailer from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotter, startMailbox, startServer } from './fixtures.ts';

// Issue 3's browser test: an agent takes a phone report, the supervisor assigns it, the
// repair technician works it with a consultation the support engineer joins, and the customer
// follows every step on the portal and by email, then answers by email.

let server: Awaited<ReturnType<typeof startServer>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let browser: Browser;
const shot = screenshotter('service-workflow');
const title = `热泵机组不制热 ${String(Date.now()).slice(-5)}`;
let orderId = '';
let orderNumber = '';
let customerName = '';
let repairName = '';
let supportName = '';

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startServer({ mailbox });
  browser = await launchBrowser();
  const names = await server.db
    .selectFrom('users')
    .leftJoin('employees', 'employees.id', 'users.employeeId')
    .leftJoin('customers', 'customers.id', 'users.customerId')
    .select(['users.username', 'employees.name as employeeName', 'customers.name as customerName'])
    .where('users.username', 'in', ['repair', 'support', 'customer'])
    .execute();
  repairName = names.find((n) => n.username === 'repair')!.employeeName!;
  supportName = names.find((n) => n.username === 'support')!.employeeName!;
  customerName = names.find((n) => n.username === 'customer')!.customerName!;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mailbox?.close();
});

async function session(username: string, viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill('demo12345');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return { context, page };
}

async function chooseOption(page: Page, testId: string, label: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(label.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Takes an action from the order page; an action that carries a payload opens a form first. */
async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  try {
    await takeAction(page, action, fill);
  } catch (err) {
    await shot(page, `failed-${action}`);
    throw err;
  }
}

async function takeAction(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const submit = page.locator('[data-testid="form-submit"]:visible');
  if (fill || (await submit.isVisible().catch(() => false))) {
    await submit.waitFor();
    if (fill) await fill(page);
    // Enter in a date field may already have submitted the form.
    const submitted = await submit
      .waitFor({ state: 'hidden', timeout: 1500 })
      .then(() => true)
      .catch(() => false);
    if (!submitted) await submit.click();
  }
  await page.locator(`[data-testid="event-${action}"]`).first().waitFor();
}

async function pickInstant(page: Page, testId: string, minutesFromNow: number) {
  const at = new Date(Date.now() + minutesFromNow * 60_000);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(Math.ceil(at.getTime() / 300_000) * 300_000))
    .replace(',', '');
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(local);
  await input.press('Enter');
  const ok = page.locator('.ant-picker-dropdown:visible .ant-picker-ok button');
  if (await ok.isVisible().catch(() => false)) await ok.click();
}

describe('phone report to on site, followed by the customer', () => {
  it('1. an agent takes a phone report for an existing customer', async () => {
    const { page, context } = await session('agent');
    await page.goto(`${server.url}/console`);
    await page.getByTestId('console-search').fill(customerName.slice(2, 6));
    await page.getByTestId('console-customer-C000001').click();
    await page.getByTestId('console-intake').waitFor();
    await shot(page, 'agent-console-customer');
    await page.getByTestId('wo-title').fill(title);
    await page.getByTestId('wo-description').fill('客户来电：压缩机不启动，面板显示报警代码 E04，有异响。');
    await chooseOption(page, 'wo-category', '故障维修');
    await page.getByTestId('wo-submit').click();
    const link = page.getByTestId('wo-created-link');
    await link.waitFor();
    orderNumber = (await link.textContent())!.trim().match(/WO-\d{8}-\d{4}/)![0];
    const row = await server.db.selectFrom('workOrders').select(['id', 'channel']).where('number', '=', orderNumber).executeTakeFirstOrThrow();
    orderId = row.id;
    expect(row.channel).toBe('phone');
    await shot(page, 'agent-order-created');
    await context.close();
  });

  it('2. the supervisor assigns it to the repair engineer', async () => {
    const { page, context } = await session('supervisor');
    await page.goto(`${server.url}/work-orders/${orderId}`);
    await page.getByTestId('wo-sla-clocks').waitFor();
    await act(page, 'assign', (p) => chooseOption(p, 'payload-assigneeId', repairName));
    await shot(page, 'supervisor-assigned');
    await context.close();
  });

  it('3. the repair engineer works it, consulting the support engineer', async () => {
    const repair = await session('repair', { width: 390, height: 844 });
    const { page } = repair;
    await page.goto(`${server.url}/work-orders/${orderId}`);
    await act(page, 'accept');
    await act(page, 'contact_customer');
    await act(page, 'start_diagnosis');
    await page.getByTestId('consult-open').click();
    await page.getByTestId('consult-topic').fill('E04 报警伴随异响，是否需要更换压缩机？');
    await chooseOption(page, 'consult-invitees', supportName);
    await page.locator('[data-testid="form-submit"]:visible').click();
    await page.getByTestId('consultation').waitFor();
    await shot(page, 'repair-consultation-opened');

    const support = await session('support');
    await support.page.goto(`${server.url}/work-orders/${orderId}`);
    await support.page.getByTestId('consult-join').click();
    await support.page.getByTestId('consult-message-body').fill('先测启动电容和接触器，E04 多半是启动回路问题。');
    await support.page.getByTestId('consult-send').click();
    await support.page.getByTestId('consult-message').first().waitFor();
    await shot(support.page, 'support-joined-consultation');
    await support.context.close();

    await page.reload();
    await page.getByTestId('consult-message').first().waitFor();
    await act(page, 'propose_solution', (p) => p.getByTestId('payload-solution').fill('更换压缩机启动电容并检查接触器'));
    await act(page, 'schedule_visit', (p) => pickInstant(p, 'payload-visitAt', 90));
    await act(page, 'depart', (p) => pickInstant(p, 'payload-expectedArrivalAt', 40));
    await act(page, 'arrive');
    await shot(page, 'repair-on-site-phone');
    const participants = await server.db.selectFrom('consultationParticipants').select(['role', 'contributed', 'joinedAt']).execute();
    expect(participants.some((p) => p.role === 'invited' && p.contributed && p.joinedAt)).toBe(true);
    await repair.context.close();
  });

  it('4. the customer sees each step on the portal, in order, and by email', async () => {
    const { page, context } = await session('customer', { width: 390, height: 844 });
    await page.goto(`${server.url}/portal/orders/${orderId}`);
    await page.getByTestId('portal-progress').waitFor();
    const steps = await page.locator('[data-testid^="step-"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-status')]));
    const order = steps.map(([id]) => id);
    expect(order.indexOf('step-received')).toBeLessThan(order.indexOf('step-assigned'));
    expect(order.indexOf('step-assigned')).toBeLessThan(order.indexOf('step-en_route'));
    expect(order.indexOf('step-en_route')).toBeLessThan(order.indexOf('step-on_site'));
    expect(Object.fromEntries(steps)['step-on_site']).not.toBe('wait');
    await expect(page.getByText(repairName).first().isVisible()).resolves.toBe(true);
    await shot(page, 'customer-portal-progress');
    await context.close();

    for (const event of ['received', 'assigned', 'en_route', 'on_site']) {
      const count = await server.db.selectFrom('notifications').select('id').where('workOrderId', '=', orderId).where('channel', '=', 'email').where('event', '=', event).execute();
      expect(count.length, event).toBeGreaterThan(0);
    }
    const mails = async () => mailbox.received.filter((m) => m.subject?.includes(orderNumber));
    await mailbox.waitFor((m) => !!m.subject?.includes(orderNumber) && /到达|现场|on site/i.test(`${m.subject} ${m.text}`));
    expect((await mails()).length).toBeGreaterThanOrEqual(4);
  });

  it('5. an email reply from the customer appears as a comment on the order', async () => {
    const first = await mailbox.waitFor((m) => !!m.subject?.includes(orderNumber));
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.inboundSmtpPort!, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: first.to && 'value' in first.to ? first.to.value[0]?.address : 'customer@example.com',
      to: 'service@aftersales.example',
      subject: `Re: ${first.subject}`,
      inReplyTo: first.messageId,
      references: first.messageId ? [first.messageId] : [],
      text: '好的，师傅到了请直接去二号机房。',
    });
    transport.close();
    const { page, context } = await session('supervisor');
    await page.goto(`${server.url}/work-orders/${orderId}`);
    await page.getByTestId('comment-email').first().waitFor();
    await expect(page.getByTestId('comment-email').first().textContent()).resolves.toContain('二号机房');
    await shot(page, 'order-with-email-reply');
    await context.close();
  });
});
