import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, OUTPUT, screenshotter, startMailbox, startServer, until } from './fixtures.ts';

// Issues 3 and 4's browser test: an agent takes a phone report, the supervisor assigns it, the
// repair technician works it with a consultation the support engineer joins and checks in on
// site with the phone's position, and the customer follows every step on the portal and by
// email, then answers by email. On site the technician completes the checklists with a photo,
// uses a part from the van and records the fault; the customer signs and rates 4; the report
// PDF is filed and mailed; a defect goes to the quality department, which answers; the order closes.

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
/** Where the repair engineer's phone says it is when checking in: the order's site. */
let sitePosition = { latitude: 31.2, longitude: 121.45 };
const PHONE = { width: 390, height: 844 };

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

async function session(username: string, viewport = { width: 1366, height: 900 }, geolocation?: { latitude: number; longitude: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport, ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}) });
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
    const participants = await server.db.selectFrom('consultationParticipants').select(['role', 'contributed', 'joinedAt']).execute();
    expect(participants.some((p) => p.role === 'invited' && p.contributed && p.joinedAt)).toBe(true);
    await repair.context.close();
  });

  it('3b. on site, the repair engineer checks in with the phone\'s position (P4.3.2, P5.1.2)', async () => {
    const order = await server.db
      .selectFrom('workOrders')
      .leftJoin('customerSites', 'customerSites.id', 'workOrders.siteId')
      .select(['customerSites.latitude', 'customerSites.longitude'])
      .where('workOrders.id', '=', orderId)
      .executeTakeFirstOrThrow();
    if (order.latitude && order.longitude) sitePosition = { latitude: Number(order.latitude), longitude: Number(order.longitude) };
    const { page, context } = await session('repair', PHONE, { latitude: sitePosition.latitude + 0.0003, longitude: sitePosition.longitude });
    await page.goto(`${server.url}/work-orders/${orderId}`);
    await act(page, 'arrive');
    await page.getByTestId('visit-panel').waitFor();
    await page.getByTestId('checklist-panel').waitFor();
    await shot(page, 'repair-on-site-phone');
    const visit = await server.db.selectFrom('siteVisits').selectAll().where('workOrderId', '=', orderId).executeTakeFirstOrThrow();
    expect(visit.checkInLatitude).not.toBeNull();
    if (order.latitude) expect(visit.checkInDistanceM).toBeGreaterThan(20);
    if (order.latitude) expect(visit.checkInDistanceM).toBeLessThan(60);
    await context.close();
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

  it('6. on a phone, the repair engineer completes the checklists with a photo, uses a part from the van and records the fault', async () => {
    const { page, context } = await session('repair', PHONE, sitePosition);
    await page.goto(`${server.url}/work-orders/${orderId}`);
    await page.getByTestId('checklist-panel').waitFor();
    const lists = await server.db.selectFrom('workOrderChecklists').select(['kind', 'items']).where('workOrderId', '=', orderId).execute();
    expect(lists.map((l) => l.kind).sort()).toEqual(['procedure', 'safety']);
    const photo = join(OUTPUT, 'nameplate.png');
    writeFileSync(photo, Buffer.from(nameplatePhoto(), 'base64'));
    for (const list of lists) {
      for (const item of list.items as { key: string; photo: boolean; measurement: { min: number | null; max: number | null } | null }[]) {
        const card = page.getByTestId(`checklist-${list.kind}`).getByTestId(`checklist-item-${item.key}`);
        await card.scrollIntoViewIfNeeded();
        const m = item.measurement;
        if (m) {
          const value = m.min !== null && m.max !== null ? (m.min + m.max) / 2 : m.min !== null ? m.min * 1.5 + 1 : (m.max ?? 2) / 2;
          await card.getByTestId(`checklist-item-${item.key}-value`).fill(String(value));
        }
        if (item.photo) await card.getByTestId(`checklist-item-${item.key}-photo`).setInputFiles(photo);
        await card.getByTestId(`checklist-item-${item.key}-done`).check();
        await card.getByTestId(`checklist-item-${item.key}-save`).click();
        await card.getByTestId(`checklist-item-${item.key}-complete`).waitFor();
      }
    }
    await shot(page, 'repair-checklists-done');

    await page.getByTestId('parts-use').click();
    await page.getByTestId('parts-use-part').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('parts-use-qty').fill('1');
    await page.getByTestId('parts-use-submit').click();
    await page.locator('[data-testid^="parts-row-"]').first().waitFor();
    const used = await server.db.selectFrom('workOrderParts').select(['consumed']).where('workOrderId', '=', orderId).execute();
    expect(used.map((u) => u.consumed)).toEqual([1]);

    await act(page, 'complete_work', (p) => p.getByTestId('payload-resolution').fill('更换压缩机启动电容，试机正常'));
    await page.getByTestId('report-panel').scrollIntoViewIfNeeded();
    await chooseOption(page, 'report-fault-code', 'E-CAP-01');
    await page.getByTestId('report-cause').fill('压缩机启动电容容量衰减，压缩机无法启动，面板报 E04。');
    await page.getByTestId('report-solution').fill('更换启动电容并紧固接触器端子，试运行 30 分钟正常。');
    await page.getByTestId('report-save').click();
    await page.locator('[data-testid="report-status"][data-status="draft"]').waitFor();
    await shot(page, 'repair-report-draft');
    await context.close();
  });

  it('7. the customer signs on the technician\'s phone and rates 4 (P4.4.1)', async () => {
    const { page, context } = await session('repair', PHONE, sitePosition);
    await page.goto(`${server.url}/work-orders/${orderId}`);
    await page.getByTestId('action-customer_accept').click();
    const pad = page.getByTestId('accept-signature-canvas');
    await pad.waitFor();
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let x = 20; x < box.width - 20; x += 8) await page.mouse.move(box.x + x, box.y + box.height / 2 + Math.sin(x / 15) * (box.height / 4));
    await page.mouse.up();
    await page.getByTestId('accept-signer-name').fill('王经理');
    await page.getByTestId('accept-rating-star-4').click();
    for (const key of ['punctuality', 'quality', 'attitude']) await page.getByTestId(`accept-question-${key}-star-4`).click();
    await page.getByTestId('accept-comment').fill('师傅很专业，解释清楚。');
    await shot(page, 'customer-signing');
    await page.getByTestId('accept-submit').click();
    await page.locator('[data-testid="event-customer_accept"]').first().waitFor();
    const rating = await server.db.selectFrom('customerRatings').select(['rating', 'source']).where('workOrderId', '=', orderId).executeTakeFirstOrThrow();
    expect(rating).toEqual({ rating: 4, source: 'on_site' });
    const acceptance = await server.db.selectFrom('acceptances').select(['outcome', 'signerName', 'signatureSha256']).where('workOrderId', '=', orderId).executeTakeFirstOrThrow();
    expect(acceptance).toMatchObject({ outcome: 'accepted', signerName: '王经理' });
    await context.close();
  });

  it('8. the report is filed: the PDF is kept on the order and mailed, and its Chinese text can be read (P4.4.2)', async () => {
    const { page, context } = await session('repair', PHONE, sitePosition);
    await page.goto(`${server.url}/work-orders/${orderId}`);
    // Leaving the site: the check-out gives the report its time on site.
    await page.getByTestId('visit-checkout').click();
    await page.getByTestId('visit-checkout').waitFor({ state: 'detached' });
    // Again until filed: under load the click can land while the panel re-renders after the check-out (it was lost once in CI).
    await until(
      () => page.getByTestId('report-file').click({ timeout: 5000 }).catch(() => {}),
      page.locator('[data-testid="report-status"][data-status="filed"]'),
      15_000,
    );
    await page.getByTestId('report-pdf-link').waitFor();
    await shot(page, 'repair-report-filed');
    await context.close();

    const mail = await mailbox.waitFor((m) => !!m.subject?.includes(orderNumber) && (m.attachments ?? []).some((a) => a.contentType === 'application/pdf'), 30_000);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    const file = join(OUTPUT, `${orderNumber}-report.pdf`);
    writeFileSync(file, pdf.content);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const expected of ['压缩机启动电容容量衰减', '更换启动电容', customerName, repairName, '王经理', 'E-CAP-01']) expect(text).toContain(expected);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(OUTPUT, 'service-workflow', 'report-page')]);
  });

  it('9. a defect raised from the order reaches the quality inbox; the department answers; the order closes (P4.4.3)', async () => {
    const repair = await session('repair', PHONE, sitePosition);
    await repair.page.goto(`${server.url}/work-orders/${orderId}`);
    await repair.page.getByTestId('feedback-raise-defect').click();
    // The order was taken by phone without naming the unit: the engineer names it from the nameplate.
    const product = await server.db
      .selectFrom('installedProducts')
      .innerJoin('customers', 'customers.id', 'installedProducts.customerId')
      .select(['model', 'serialNumber'])
      .where('customers.customerNo', '=', 'C000001')
      .orderBy('serialNumber')
      .executeTakeFirstOrThrow();
    await repair.page.getByTestId('feedback-form-model').locator('input').fill(product.model);
    await repair.page.keyboard.press('Escape'); // close the model suggestions
    await repair.page.getByTestId('feedback-form-serial').fill(product.serialNumber);
    await repair.page.getByTestId('feedback-form-title').fill('启动电容批次容量衰减过快');
    await repair.page.getByTestId('feedback-form-description').fill('同型号机组半年内第二次出现启动电容失效，疑似电容批次质量问题。');
    // A busy machine can swallow a click while the dialog still moves: each choice is checked, and retried.
    const category = repair.page.getByTestId('feedback-form-category');
    await until(
      async () => {
        await category.click();
        await repair.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '电气故障' }).first().click();
      },
      category.filter({ hasText: '电气故障' }),
    );
    const severity = repair.page.getByTestId('feedback-form-severity');
    await until(() => severity.locator('label', { hasText: /^高$/ }).click(), severity.locator('label:has(input:checked)', { hasText: /^高$/ }));
    await shot(repair.page, 'repair-raising-defect');
    await repair.page.getByTestId('feedback-submit').click();
    const submitted = await repair.page
      .getByTestId('feedback-submit')
      .waitFor({ state: 'detached', timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (!submitted) {
      await repair.page.screenshot({ path: join(OUTPUT, 'service-workflow', 'failed-raise-defect.png') });
      const problems = await repair.page.locator('.ant-form-item-explain-error, .ant-message-notice').allTextContents();
      throw new Error(`the defect was not raised: ${problems.join(' | ') || 'no message shown'}`);
    }
    const raised = await server.db.selectFrom('feedback').select(['number', 'department']).where('workOrderId', '=', orderId).executeTakeFirstOrThrow();
    expect(raised.department).toBe('quality');
    expect(await server.db.selectFrom('feedback').select(['productModel', 'kind']).where('number', '=', raised.number).executeTakeFirstOrThrow()).toEqual({ productModel: product.model, kind: 'defect' });
    await repair.page.getByTestId(`order-feedback-${raised.number}`).waitFor();

    const quality = await session('quality');
    await quality.page.goto(`${server.url}/feedback`);
    await quality.page.getByTestId(`inbox-row-${raised.number}`).click();
    await quality.page.getByTestId('feedback-investigate').click();
    // The answer is written on the version the investigation step returns: wait for it.
    await quality.page.getByTestId('feedback-status').filter({ hasText: '调查中' }).waitFor();
    await quality.page.getByTestId('feedback-answer').click();
    await quality.page.getByTestId('feedback-answer-text').fill('已通知供应商对该批次电容复检，下批次来料加严抽检。');
    await quality.page.getByTestId('feedback-answer-submit').click();
    await quality.page.getByTestId('feedback-answer-shown').waitFor();
    await shot(quality.page, 'quality-answered');
    await quality.context.close();

    await repair.page.reload();
    await act(repair.page, 'close');
    await repair.page.getByTestId('service-record').waitFor();
    await shot(repair.page, 'order-closed');
    await repair.context.close();
    const closed = await server.db.selectFrom('workOrders').select(['state', 'arrivedAt', 'arrivalDueAt', 'resolvedAt']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(closed.state).toBe('closed');
    expect(closed.arrivedAt && closed.resolvedAt).toBeTruthy();
  });
});

/** A photo of the nameplate, as the phone's camera would give it (a small PNG). */
function nameplatePhoto(): string {
  return 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
}
