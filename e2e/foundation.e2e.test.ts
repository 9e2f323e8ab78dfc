import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotter, startServer, until } from './fixtures.ts';

// The browser test: an administrator works in Chinese, creates an employee with a
// certificate and a customer with a site and a product, finds both by search, switches to
// English and sees the same records; a portal customer sees only their own account.

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const shot = screenshotter('foundation');
const stamp = String(Date.now()).slice(-6);
const employeeNo = `E9${stamp}`;
const serial = `E2E-${stamp}`;
const customerName = `浦江测试精密仪器有限公司${stamp}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/`);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill('demo12345');
  await shot(page, `${username}-sign-in`);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/**
 * Chooses an option of an antd Select, again until the select shows it: on a busy machine the
 * dropdown may still be moving, or close, when the option is clicked (it is opened again only if closed).
 */
async function chooseOption(page: Page, testId: string, label: string) {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();
  await until(async () => {
    if (!(await option.isVisible())) await page.getByTestId(testId).click();
    await option.click({ timeout: 5000 }).catch(() => {});
  }, page.locator('.ant-select-content-has-value', { hasText: label }));
}

describe('administrator in Chinese, then English', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });

  it('signs in and sees the Chinese navigation', async () => {
    await signIn(page, 'admin');
    await expect(page.getByTestId('nav-people').textContent()).resolves.toContain('人员');
    await shot(page, 'admin-home');
  });

  it('creates an employee with a certificate', async () => {
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').waitFor();
    await shot(page, 'people-list-zh');
    await page.getByTestId('employee-create').click();
    await page.getByTestId('employee-no').fill(employeeNo);
    await page.getByTestId('employee-name').fill('欧阳测试');
    await chooseOption(page, 'employee-position', '维修工程师');
    await page.getByTestId('employee-grade').fill('T2');
    await pickDate(page, 'employee-hire-date', '2021-03-01');
    await page.getByTestId('certificate-add').click();
    await page.getByTestId('certificate-0-name').fill('低压电工作业证');
    await page.getByTestId('certificate-0-issuer').fill('上海市应急管理局');
    await page.getByTestId('certificate-0-number').fill(`T${stamp}`);
    await pickDate(page, 'certificate-0-expiresOn', '2029-12-31');
    await shot(page, 'employee-form-zh');
    await page.getByTestId('form-submit').click();
    await page.getByText('低压电工作业证').first().waitFor();
    await page.getByText(employeeNo).first().waitFor();
    await shot(page, 'employee-detail-zh');
  });

  it('creates a customer with a site and a product', async () => {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-search').waitFor();
    await page.getByTestId('customer-create').click();
    await page.getByTestId('customer-name').fill(customerName);
    await page.getByTestId('customer-phone').fill('021-55550000');
    await page.getByTestId('customer-with-site').check();
    await page.getByTestId('site-name').fill('闵行工厂');
    await page.getByTestId('site-address').fill('上海市闵行区申富路 88 号');
    await page.getByTestId('site-city').fill('上海');
    await page.getByTestId('site-latitude').fill('31.1100');
    await page.getByTestId('site-longitude').fill('121.3800');
    await shot(page, 'customer-form-zh');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('product-add').waitFor();
    await page.getByTestId('product-add').click();
    await page.getByTestId('product-model').fill('AS-HP3000');
    await page.getByTestId('product-name').fill('空气源热泵机组');
    await page.getByTestId('product-serial').fill(serial);
    await chooseOption(page, 'product-site', '闵行工厂');
    await pickDate(page, 'product-installed-on', '2025-06-01');
    await pickDate(page, 'product-warranty-ends-on', '2028-06-01');
    await page.getByTestId('form-submit').click();
    await page.getByText(serial).first().waitFor();
    await shot(page, 'customer-detail-zh');
  });

  it('finds both through search', async () => {
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').fill('欧阳测');
    await page.getByTestId('people-search').press('Enter');
    await page.locator('.ant-table-row', { hasText: employeeNo }).waitFor();
    await shot(page, 'people-search-zh');
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-search').fill(serial.slice(4));
    await page.getByTestId('customers-search').press('Enter');
    await page.locator('.ant-table-row', { hasText: customerName }).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await shot(page, 'customers-search-by-serial-zh');
  });

  it('switches to English and sees the same records', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-customers').filter({ hasText: 'Customers' }).waitFor();
    await page.locator('.ant-table-row', { hasText: customerName }).waitFor();
    await shot(page, 'customers-search-en');
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').fill(employeeNo);
    await page.getByTestId('people-search').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: employeeNo });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Repair engineer');
    await row.click();
    await page.getByText('低压电工作业证').first().waitFor();
    await shot(page, 'employee-detail-en');
    // the choice is remembered for this user
    await page.reload();
    await page.getByTestId('nav-people').filter({ hasText: 'People' }).waitFor();
  });
});

describe('portal customer', () => {
  it('sees only their own account', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await signIn(page, 'customer');
    const own = await server.db
      .selectFrom('users')
      .innerJoin('customers', 'customers.id', 'users.customerId')
      .select(['customers.id', 'customers.name'])
      .where('users.username', '=', 'customer')
      .executeTakeFirstOrThrow();
    await page.getByText(own.name).first().waitFor();
    await shot(page, 'customer-portal-phone');
    // no staff navigation, and another customer's page is not found
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    const other = await server.db.selectFrom('customers').select('id').where('id', '<>', own.id).limit(1).executeTakeFirstOrThrow();
    const api = await page.request.get(`${server.url}/api/v1/customers/${other.id}`);
    expect(api.status()).toBe(404);
    const list = await page.request.get(`${server.url}/api/v1/customers`);
    expect((await list.json()).items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    await page.goto(`${server.url}/customers/${other.id}`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'customer-portal-other-account');
    expect(await page.getByText(own.name).count()).toBe(0);
    await context.close();
  });
});
