import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createCustomerRow, createEmployeeRow, createUser, type Session, signIn, signInAs, type TestApp, createTestApp, unique } from '../../test/harness.ts';
import { type Intake, receiveOrder } from '../work-orders/intake.ts';
import { dispatchPending, messageIdOf, type NotificationChannel, webhookChannel } from './dispatcher.ts';
import { configureNotificationChannels, notifyOrderEvent } from './service.ts';

// P4.3.3: the customer is kept informed of progress by in-app notifications and email (and
// SMS/IM gateways by webhook), each in the customer's language; the outbox is sent afterwards.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const recorder = { userId: null, employeeId: null, label: 'test', requestId: null };

async function customerWith(o: { email?: string | null; contactEmail?: string | null; portalLocale?: 'zh-CN' | 'en' | null; phone?: string | null }) {
  const customer = await createCustomerRow(t.db, `客户${unique()}`);
  await t.db
    .updateTable('customers')
    .set({ email: o.email ?? null, phone: o.phone ?? null })
    .where('id', '=', customer.id)
    .execute();
  const contact = o.contactEmail
    ? await t.db
        .insertInto('customerContacts')
        .values({ customerId: customer.id, name: '王经理', email: o.contactEmail, isPrimary: true })
        .returningAll()
        .executeTakeFirstOrThrow()
    : null;
  const portal = o.portalLocale ? await createUser(t.db, { role: 'customer', customerId: customer.id, locale: o.portalLocale }) : null;
  return { customer, contact, portal };
}

function intake(customerId: string, extra: Partial<Intake> = {}): Intake {
  return {
    channel: 'phone',
    customerId,
    contactId: null,
    siteId: null,
    productId: null,
    reporterName: null,
    reporterPhone: null,
    reporterEmail: null,
    title: '空调不制冷',
    description: '机房空调压缩机不启动',
    category: 'fault_repair',
    priority: 'normal',
    preferredFrom: null,
    preferredTo: null,
    duplicateOfId: null,
    assigneeId: null,
    teamId: null,
    attachments: [],
    ...extra,
  };
}

const rowsOf = (workOrderId: string) => t.db.selectFrom('notifications').selectAll().where('workOrderId', '=', workOrderId).orderBy('channel').execute();

/** A real SMTP server on an ephemeral port, STARTTLS off, that keeps what it receives (or refuses while `refuse` is set). */
async function mailbox() {
  const received: ParsedMail[] = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse > 0) {
          state.refuse--;
          callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then((m) => {
          received.push(m);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return { received, state, transport, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('queuing (P4.3.3)', () => {
  it('a received order queues an in-app row per portal user and one email to the reporter, in the customer language', async () => {
    const { customer, portal } = await customerWith({ email: 'office@example.cn', contactEmail: 'contact@example.cn', portalLocale: 'zh-CN' });
    const id = await receiveOrder(t.db, intake(customer.id, { reporterEmail: 'reporter@example.cn' }), recorder);
    const number = (await t.db.selectFrom('workOrders').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.channel, r.event])).toEqual([
      ['email', 'received'],
      ['in_app', 'received'],
    ]);
    const [email, inApp] = rows;
    expect(email).toMatchObject({ recipient: 'reporter@example.cn', locale: 'zh-CN', status: 'pending', userId: null });
    expect(email!.subject).toBe(`[${number}] 您的报修已受理：空调不制冷`);
    expect(email!.body).toContain(`工单号：${number}`);
    expect(email!.body).toContain('直接回复本邮件');
    expect(inApp).toMatchObject({ userId: portal!.id, locale: 'zh-CN', status: 'sent' });
    expect(inApp!.subject).toContain(number);
    expect(inApp!.body).not.toContain('{');
  });

  it('the address falls back to the contact, then the customer; the language to English for an English portal user, else zh-CN', async () => {
    const a = await customerWith({ email: 'office-a@example.com', contactEmail: 'contact-a@example.com', portalLocale: 'en' });
    const idA = await receiveOrder(t.db, intake(a.customer.id, { contactId: a.contact!.id }), recorder);
    const emailA = (await rowsOf(idA)).find((r) => r.channel === 'email')!;
    expect(emailA).toMatchObject({ recipient: 'contact-a@example.com', locale: 'en' });
    expect(emailA.subject).toMatch(/^\[WO-\d{8}-\d{4}\] We have received your request: 空调不制冷$/);
    expect(emailA.body).toMatch(/^Hello,/);

    const b = await customerWith({ email: 'office-b@example.com' });
    const idB = await receiveOrder(t.db, intake(b.customer.id), recorder);
    const rowsB = await rowsOf(idB);
    expect(rowsB.map((r) => r.channel)).toEqual(['email']);
    expect(rowsB[0]).toMatchObject({ recipient: 'office-b@example.com', locale: 'zh-CN' });

    const c = await customerWith({});
    expect(await rowsOf(await receiveOrder(t.db, intake(c.customer.id), recorder))).toEqual([]);
  });

  it('assigned names the technician; en_route shows the expected arrival in the company time zone', async () => {
    const { customer } = await customerWith({ email: 'x@example.com', portalLocale: 'zh-CN' });
    const tech = await createEmployeeRow(t.db, { name: '李工' });
    const id = await receiveOrder(t.db, intake(customer.id, { assigneeId: tech.id }), recorder);
    const assigned = (await rowsOf(id)).filter((r) => r.event === 'assigned');
    expect(assigned).toHaveLength(2);
    for (const r of assigned) expect(r.body).toContain('李工');
    await t.db.transaction().execute((trx) => notifyOrderEvent(trx, id, 'en_route', { expectedArrivalAt: '2026-11-26T06:30:00.000Z' }));
    const enRoute = (await rowsOf(id)).find((r) => r.event === 'en_route' && r.channel === 'email')!;
    expect(enRoute.body).toContain('预计到达时间：2026-11-26 14:30 (Asia/Shanghai)');
  });

  it('every customer event has a subject and body in both languages', async () => {
    const { customer, portal } = await customerWith({ email: 'all@example.com', portalLocale: 'en' });
    const id = await receiveOrder(t.db, intake(customer.id), recorder);
    for (const event of ['assigned', 'en_route', 'on_site', 'done', 'report_ready', 'answered'] as const) {
      await t.db.transaction().execute((trx) => notifyOrderEvent(trx, id, event));
    }
    const rows = await t.db.selectFrom('notifications').selectAll().where('workOrderId', '=', id).where('userId', '=', portal!.id).execute();
    expect(new Set(rows.map((r) => r.subject)).size).toBe(7);
    for (const r of rows) {
      expect(r.locale).toBe('en');
      expect(`${r.subject}\n${r.body}`.replaceAll('空调不制冷', '')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('queues webhook rows (with the phone) only while a gateway is configured', async () => {
    const { customer } = await customerWith({ email: 'w@example.com', phone: '021-55550000' });
    const before = await receiveOrder(t.db, intake(customer.id), recorder);
    expect((await rowsOf(before)).some((r) => r.channel === 'webhook')).toBe(false);
    configureNotificationChannels({ webhook: true });
    try {
      const after = await receiveOrder(t.db, intake(customer.id, { reporterPhone: '13800001111' }), recorder);
      expect((await rowsOf(after)).find((r) => r.channel === 'webhook')).toMatchObject({ recipient: '13800001111', status: 'pending' });
    } finally {
      configureNotificationChannels({ webhook: false });
    }
  });
});

describe('dispatcher (P4.3.3)', () => {
  it('sends pending email through SMTP with our Message-ID, in Chinese for a zh-CN customer, once', async () => {
    const box = await mailbox();
    try {
      await dispatchPending(t.db, box.transport, { limit: 500 }); // earlier tests' rows
      box.received.length = 0;
      const { customer } = await customerWith({ email: 'zh@example.cn', portalLocale: 'zh-CN' });
      const id = await receiveOrder(t.db, intake(customer.id), recorder);
      const number = (await t.db.selectFrom('workOrders').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
      const r = await dispatchPending(t.db, box.transport, { from: 'Service <service@example.cn>' });
      expect(r).toEqual({ claimed: 1, sent: 1, failed: 0 });
      expect(box.received).toHaveLength(1);
      const mail = box.received[0]!;
      expect(mail.subject).toContain(number);
      expect(mail.text).toContain('我们已收到您的报修');
      const row = (await rowsOf(id)).find((x) => x.channel === 'email')!;
      expect(mail.messageId).toBe(messageIdOf(row));
      expect(mail.messageId).toBe(`<wo-${id}-${row.id}@aftersales.local>`);
      expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(await dispatchPending(t.db, box.transport)).toEqual({ claimed: 0, sent: 0, failed: 0 });
    } finally {
      await box.close();
    }
  });

  it('leaves email pending without a transport', async () => {
    const { customer } = await customerWith({ email: 'wait@example.cn' });
    const id = await receiveOrder(t.db, intake(customer.id), recorder);
    expect((await dispatchPending(t.db, null)).claimed).toBe(0);
    expect((await rowsOf(id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('records a failed send and retries it after a back-off, up to 5 attempts', async () => {
    const box = await mailbox();
    try {
      await dispatchPending(t.db, box.transport, { limit: 500 });
      const { customer } = await customerWith({ email: 'retry@example.cn' });
      const id = await receiveOrder(t.db, intake(customer.id), recorder);
      const t0 = new Date();
      box.state.refuse = 1;
      expect(await dispatchPending(t.db, box.transport, { now: t0 })).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
      let row = (await rowsOf(id))[0]!;
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.lastError).toContain('mailbox busy');
      // not before the back-off
      expect((await dispatchPending(t.db, box.transport, { now: new Date(t0.getTime() + 30_000) })).claimed).toBe(0);
      expect(await dispatchPending(t.db, box.transport, { now: new Date(t0.getTime() + 61_000) })).toMatchObject({ sent: 1 });
      row = (await rowsOf(id))[0]!;
      expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

      // A destination that always fails gives up after 5 attempts.
      const failing: NotificationChannel = {
        name: 'webhook',
        send: async () => {
          throw new Error('gateway down');
        },
      };
      const hook = await t.db
        .insertInto('notifications')
        .values({ channel: 'webhook', recipient: '13800000000', workOrderId: id, event: 'received', subject: 's', body: 'b' })
        .returning('id')
        .executeTakeFirstOrThrow();
      let now = Date.now();
      for (let i = 0; i < 7; i++) {
        await dispatchPending(t.db, null, { channels: [failing], now: new Date(now) });
        now += 2 * 3_600_000;
      }
      const gaveUp = await t.db.selectFrom('notifications').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();
      expect(gaveUp).toMatchObject({ status: 'failed', attempts: 5, lastError: 'gateway down', nextAttemptAt: null });
    } finally {
      await box.close();
    }
  });

  it('two dispatchers at once send each row exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const box = await mailbox();
    try {
      await dispatchPending(t.db, box.transport, { limit: 500 });
      box.received.length = 0;
      const { customer } = await customerWith({ email: 'many@example.cn' });
      for (let i = 0; i < 6; i++) await receiveOrder(t.db, intake(customer.id, { title: `故障 ${i}` }), recorder);
      const results = await Promise.all([dispatchPending(t.db, box.transport, { limit: 4 }), dispatchPending(t.db, box.transport, { limit: 4 })]);
      await dispatchPending(t.db, box.transport, { limit: 10 });
      expect(results.reduce((n, r) => n + r.claimed, 0)).toBeLessThanOrEqual(6);
      expect(box.received).toHaveLength(6);
      expect(new Set(box.received.map((m) => m.messageId)).size).toBe(6);
    } finally {
      await box.close();
    }
  });

  it('posts webhook rows as JSON to the gateway', async () => {
    const calls: { url: string; body: Record<string, unknown> }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const { customer } = await customerWith({ email: 'hook@example.cn' });
    const id = await receiveOrder(t.db, intake(customer.id), recorder);
    const hook = await t.db
      .insertInto('notifications')
      .values({ channel: 'webhook', recipient: '13900000000', workOrderId: id, event: 'received', subject: '主题', body: '正文' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await dispatchPending(t.db, null, { channels: [webhookChannel('http://127.0.0.1:9/hook', { fetch: fakeFetch })] });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(calls.find((c) => c.body.id === hook.id)).toMatchObject({ url: 'http://127.0.0.1:9/hook', body: { recipient: '13900000000', subject: '主题', event: 'received' } });
  });
});

describe('GET /api/v1/notifications and POST /api/v1/notifications/:id/read', () => {
  let portal: Session;
  let portalUserId: string;
  let orderId: string;
  beforeAll(async () => {
    const { customer } = await customerWith({ email: 'api@example.cn' });
    const user = await createUser(t.db, { role: 'customer', customerId: customer.id, locale: 'zh-CN' });
    portal = await signIn(t.app, user.username);
    portalUserId = user.id;
    orderId = await receiveOrder(t.db, intake(customer.id), recorder);
    for (const event of ['assigned', 'on_site', 'done'] as const) await t.db.transaction().execute((trx) => notifyOrderEvent(trx, orderId, event));
  });

  it('401 without a session', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await as(t.app, null, { method: 'POST', url: `/api/v1/notifications/${orderId}/read` })).statusCode).toBe(401);
  });

  it('400 naming a bad limit, cursor, filter or id', async () => {
    const res = await as(t.app, portal, { method: 'GET', url: '/api/v1/notifications?limit=0&unread=maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.limit', 'querystring.unread']);
    const cursor = await as(t.app, portal, { method: 'GET', url: '/api/v1/notifications?cursor=nonsense' });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].field).toBe('cursor');
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; drop table users; --", 'x'])).toString('base64url');
    expect((await as(t.app, portal, { method: 'GET', url: `/api/v1/notifications?cursor=${forged}` })).statusCode).toBe(400);
    const bad = await as(t.app, portal, { method: 'POST', url: '/api/v1/notifications/nope/read' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.id');
  });

  it('403 for a cookie write without the CSRF token', async () => {
    const [first] = (await as(t.app, portal, { method: 'GET', url: '/api/v1/notifications' })).json().items;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, headers: { cookie: portal.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('lists only the caller’s own in-app notifications, newest first, with cursor pages and the unread count', async () => {
    const all = await as(t.app, portal, { method: 'GET', url: '/api/v1/notifications?limit=100' });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.items).toHaveLength(4);
    expect(body.unreadCount).toBe(4);
    expect(body.items[0]).toMatchObject({ event: 'done', workOrder: { id: orderId }, workOrderId: orderId, status: 'unread', readAt: null });
    expect(body.items[0].subject).toContain('维修已完成');
    expect(body.items.map((i: { event: string }) => i.event)).toEqual(['done', 'on_site', 'assigned', 'received']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as(t.app, portal, { method: 'GET', url: `/api/v1/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}` });
      const page = res.json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(body.items.map((i: { id: string }) => i.id));

    const other = await signInAs(t, { role: 'agent' });
    expect((await as(t.app, other, { method: 'GET', url: '/api/v1/notifications' })).json()).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('marks one read (once, audited); someone else’s or an email row is 404', async () => {
    const [first] = (await as(t.app, portal, { method: 'GET', url: '/api/v1/notifications' })).json().items;
    const res = await as(t.app, portal, { method: 'POST', url: `/api/v1/notifications/${first.id}/read` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'read', readAt: expect.any(String) });
    const again = await as(t.app, portal, { method: 'POST', url: `/api/v1/notifications/${first.id}/read` });
    expect(again.json().readAt).toBe(res.json().readAt);
    expect((await as(t.app, portal, { method: 'GET', url: '/api/v1/notifications?unread=true&limit=100' })).json()).toMatchObject({ unreadCount: 3 });
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', first.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['notification.read']);

    const stranger = await signInAs(t, { role: 'admin' });
    expect((await as(t.app, stranger, { method: 'POST', url: `/api/v1/notifications/${first.id}/read` })).statusCode).toBe(404);
    const email = await t.db.selectFrom('notifications').select('id').where('workOrderId', '=', orderId).where('channel', '=', 'email').executeTakeFirstOrThrow();
    expect((await as(t.app, portal, { method: 'POST', url: `/api/v1/notifications/${email.id}/read` })).statusCode).toBe(404);
    expect((await as(t.app, portal, { method: 'POST', url: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read' })).statusCode).toBe(404);
    expect(portalUserId).toBeTruthy();
  });
});
