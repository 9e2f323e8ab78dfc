import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createCustomerRow, type Session, signInAs, type TestApp, createTestApp, unique } from '../../test/harness.ts';
import { messageIdOf } from '../notifications/dispatcher.ts';
import { ingestEmail, MAX_RAW_BYTES, replyText } from './service.ts';
import { startInboundSmtp } from './smtp.ts';

// P4.1.1: email is a repair-request channel. A message from a known customer address becomes a
// work order; a reply to one of our notifications (or quoting an order number) becomes a
// comment on that order; everything else is refused and recorded, and nothing is created twice.

let t: TestApp;
let admin: Session;
let contactEmail: string;
let customerId: string;
let contactId: string;
let otherCustomerEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, { role: 'admin' });
  const customer = await createCustomerRow(t.db, '华东冷链物流有限公司');
  customerId = customer.id;
  contactEmail = `li.lei.${unique()}@example.cn`;
  const contact = await t.db
    .insertInto('customerContacts')
    .values({ customerId, name: '李雷', email: contactEmail, phone: '13800001234', isPrimary: true })
    .returningAll()
    .executeTakeFirstOrThrow();
  contactId = contact.id;
  await createCustomerRow(t.db, '另一家公司').then(async (c) => {
    otherCustomerEmail = `office.${unique()}@other.example`;
    await t.db.updateTable('customers').set({ email: otherCustomerEmail }).where('id', '=', c.id).execute();
  });
});
afterAll(() => t?.close());

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function mime(o: Mail.Options): Promise<Buffer> {
  return new MailComposer({ to: 'service@aftersales.example', date: new Date(), ...o }).compile().build();
}

const post = (raw: Buffer | string, session: Session | null = admin, contentType = 'message/rfc822') =>
  as(t.app, session, { method: 'POST', url: '/api/v1/inbound/email', payload: raw, headers: { 'content-type': contentType } });

async function counts() {
  const n = async (table: 'workOrders' | 'workOrderComments' | 'attachments' | 'inboundEmails') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { orders: await n('workOrders'), comments: await n('workOrderComments'), attachments: await n('attachments'), inbound: await n('inboundEmails') };
}

const messageId = () => `<${unique('m')}.${unique()}@mail.example.cn>`;

describe('POST /api/v1/inbound/email: access', () => {
  it('401 without credentials, 403 without inbound_email.submit', async () => {
    const raw = await mime({ from: contactEmail, subject: 'x', text: 'y' });
    expect((await post(raw, null)).statusCode).toBe(401);
    for (const role of ['agent', 'supervisor', 'customer'] as const) {
      const s = await signInAs(t, { role, customerId: role === 'customer' ? customerId : null });
      expect((await post(raw, s)).statusCode, role).toBe(403);
    }
  });

  it('works with an API token issued to an integration user', async () => {
    const integration = await t.db
      .insertInto('users')
      .values({ username: unique('mailgw-'), displayName: 'Mail gateway', passwordHash: 'x', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const issued = await as(t.app, admin, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'mail gateway', userId: integration.id } });
    expect(issued.statusCode).toBe(201);
    const raw = await mime({ from: contactEmail, subject: '令牌测试', text: '通过 API 令牌提交', messageId: messageId() });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      payload: raw,
      // a gateway may add parameters to the media type
      headers: { 'content-type': 'message/rfc822; charset=utf-8', authorization: `Bearer ${issued.json().token}` },
    });
    expect(res.statusCode).toBe(201);
    const order = await t.db.selectFrom('workOrders').select('createdBy').where('id', '=', res.json().workOrderId).executeTakeFirstOrThrow();
    expect(order.createdBy).toBe(integration.id);
  });
});

describe('a new order by email (P4.1.1)', () => {
  let orderId: string;
  let number: string;
  const id = messageId();

  it('201: a known contact (address in another case) gets a new order with the Chinese subject, UTF-8 body and PNG attachment', async () => {
    const before = await counts();
    const sender = contactEmail.replace('li.lei', 'Li.Lei');
    const raw = await mime({
      from: `李雷 <${sender}>`,
      subject: '  冷库温度报警，压缩机不启动  ',
      text: '您好：\n3号冷库温度升到 -5℃，压缩机不启动，请尽快派人。\n李雷',
      messageId: id,
      attachments: [{ filename: '现场照片.png', content: PNG, contentType: 'image/png' }],
    });
    const res = await post(raw);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ outcome: 'order', number: expect.stringMatching(/^WO-\d{8}-\d{4}$/) });
    orderId = body.workOrderId;
    number = body.number;
    const order = await t.db.selectFrom('workOrders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      channel: 'email',
      customerId,
      contactId,
      title: '冷库温度报警，压缩机不启动',
      category: 'fault_repair',
      priority: 'normal',
      state: 'new',
      reporterName: '李雷',
      reporterEmail: sender,
    });
    expect(order.description).toContain('3号冷库温度升到 -5℃');
    const files = await t.db.selectFrom('attachments').selectAll().where('workOrderId', '=', orderId).execute();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: '现场照片.png', contentType: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    expect(Buffer.from(files[0]!.data).equals(PNG)).toBe(true);
    const recorded = await t.db.selectFrom('inboundEmails').selectAll().where('messageId', '=', id).executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ outcome: 'order', workOrderId: orderId, fromAddress: sender, error: null });
    expect(recorded.subject).toContain('冷库温度报警');
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorLabel']).where('entityId', '=', orderId).execute();
    expect(audit[0]).toMatchObject({ action: 'work_order.receive', actorLabel: `李雷 <${sender}>` });
    // The customer hears that the order was received, by email (the reply of which comes back below).
    const email = await t.db.selectFrom('notifications').selectAll().where('workOrderId', '=', orderId).where('channel', '=', 'email').execute();
    expect(email.map((e) => e.event)).toEqual(['received']);
    const after = await counts();
    expect(after).toEqual({ orders: before.orders + 1, comments: before.comments, attachments: before.attachments + 1, inbound: before.inbound + 1 });
  });

  it('200: the same Message-ID delivered again answers the same order and creates nothing', async () => {
    const before = await counts();
    const raw = await mime({ from: contactEmail, subject: '冷库温度报警，压缩机不启动', text: '重复投递', messageId: id });
    const res = await post(raw);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'order', workOrderId: orderId, number });
    expect(await counts()).toEqual(before);
  });

  it('two deliveries of one message at the same time make one order (the other answers it)', async () => {
    const before = await counts();
    const raw = await mime({ from: contactEmail, subject: '并发投递', text: '同一封邮件投递两次', messageId: messageId() });
    const [a, b] = await Promise.all([ingestEmail(t.db, raw, { via: 'smtp' }), ingestEmail(t.db, raw, { via: 'http' })]);
    expect(a.outcome).toBe('order');
    expect(b.outcome).toBe('order');
    if (a.outcome !== 'order' || b.outcome !== 'order') return;
    expect(a.workOrderId).toBe(b.workOrderId);
    expect([a.replay, b.replay].sort()).toEqual([false, true]);
    const after = await counts();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.inbound).toBe(before.inbound + 1);
  });

  it('201: a reply carrying our notification Message-ID becomes a public email comment, with its attachment', async () => {
    const notification = await t.db.selectFrom('notifications').select(['id', 'workOrderId']).where('workOrderId', '=', orderId).where('channel', '=', 'email').executeTakeFirstOrThrow();
    const ours = messageIdOf(notification);
    const raw = await mime({
      from: `Colleague <someone.else@example.org>`,
      subject: 'Re: your request',
      text: '压缩机已断电，等待工程师。\n\nOn Thu, 26 Nov 2026 at 10:00, Service <service@aftersales.example> wrote:\n> 我们已收到您的报修',
      messageId: messageId(),
      inReplyTo: ours,
      references: [ours],
      attachments: [{ filename: 'meter.png', content: PNG, contentType: 'image/png' }],
    });
    const res = await post(raw);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ outcome: 'comment', workOrderId: orderId, number });
    const comments = await t.db.selectFrom('workOrderComments').selectAll().where('workOrderId', '=', orderId).execute();
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ kind: 'email', visibility: 'public', authorUserId: null, authorLabel: 'Colleague <someone.else@example.org>', body: '压缩机已断电，等待工程师。' });
    const files = await t.db.selectFrom('attachments').select(['filename', 'commentId']).where('workOrderId', '=', orderId).where('commentId', '=', comments[0]!.id).execute();
    expect(files).toEqual([{ filename: 'meter.png', commentId: comments[0]!.id }]);
    // The order's comments show it through the API.
    const view = await as(t.app, admin, { method: 'GET', url: `/api/v1/work-orders/${orderId}` });
    expect(view.json().comments[0]).toMatchObject({ kind: 'email', author: 'Colleague <someone.else@example.org>' });
  });

  it('201: a message from the customer quoting the order number in its subject becomes a comment', async () => {
    const raw = await mime({ from: contactEmail, subject: `回复：关于工单 ${number.toLowerCase()} 的进展`, text: '请问工程师几点到？', messageId: messageId() });
    const res = await post(raw);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ outcome: 'comment', workOrderId: orderId, number });
  });

  it('an order number quoted by another customer does not reach that order: it is their own new order', async () => {
    const raw = await mime({ from: otherCustomerEmail, subject: `Re: ${number}`, text: 'hello', messageId: messageId() });
    const res = await post(raw);
    expect(res.statusCode).toBe(201);
    expect(res.json().outcome).toBe('order');
    expect(res.json().workOrderId).not.toBe(orderId);
  });

  it('a forged Message-ID (our format, an order we never wrote to) does not make a comment', async () => {
    const forged = `<wo-${orderId}-00000000-0000-4000-8000-000000000000@aftersales.local>`;
    const raw = await mime({ from: 'stranger@nowhere.example', subject: 'hi', text: 'spam', messageId: messageId(), inReplyTo: forged });
    expect((await post(raw)).statusCode).toBe(422);
  });
});

describe('refusals: recorded, logged, nothing created', () => {
  it('422 business_rule for an unknown sender, in the caller’s language; recorded as rejected', async () => {
    const before = await counts();
    const id = messageId();
    const raw = await mime({ from: '陌生人 <nobody@unknown.example>', subject: '报修', text: '机器坏了', messageId: id });
    const res = await as(t.app, admin, { method: 'POST', url: '/api/v1/inbound/email', payload: raw, headers: { 'content-type': 'message/rfc822' }, locale: 'zh-CN' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'business_rule', reason: 'unknown_sender' });
    expect(res.json().detail).toContain('发件人地址不属于任何客户');
    expect(await t.db.selectFrom('inboundEmails').selectAll().where('messageId', '=', id).executeTakeFirstOrThrow()).toMatchObject({
      outcome: 'rejected',
      workOrderId: null,
      fromAddress: 'nobody@unknown.example',
    });
    expect(await counts()).toEqual({ ...before, inbound: before.inbound + 1 });
    // delivered again: the same answer, nothing new
    expect((await post(raw)).statusCode).toBe(422);
    expect(await counts()).toEqual({ ...before, inbound: before.inbound + 1 });
  });

  it('422 for an automatic reply (Auto-Submitted), so out-of-office answers never become orders', async () => {
    const raw = await mime({ from: contactEmail, subject: '自动回复：不在办公室', text: '我休假至周一', messageId: messageId(), headers: { 'Auto-Submitted': 'auto-replied' } });
    const res = await post(raw);
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('auto_reply');
  });

  it('400 for malformed input (no sender address, not a message at all, empty), recorded as rejected', async () => {
    const before = await counts();
    for (const raw of ['just some words, no headers', '{"title":"json is not mail"}', 'From: nobody\r\nSubject: x\r\n\r\nbody']) {
      const res = await post(raw);
      expect(res.statusCode, raw).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation.failed', reason: 'malformed', errors: [{ field: 'body', code: 'malformed_mime' }] });
    }
    expect((await post('')).statusCode).toBe(400);
    const after = await counts();
    expect(after).toEqual({ ...before, inbound: before.inbound + 4 });
    const rows = await t.db.selectFrom('inboundEmails').select('error').where('outcome', '=', 'rejected').where('error', 'like', 'malformed%').execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });

  it('415 for another content type', async () => {
    expect((await post('{"a":1}', admin, 'application/json')).statusCode).toBe(415);
    expect((await post('text', admin, 'text/plain')).statusCode).toBe(415);
  });

  it('400 for an attachment over the attachment limit; nothing created', async () => {
    const before = await counts();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    const raw = await mime({ from: contactEmail, subject: '大附件', text: 'see attached', messageId: messageId(), attachments: [{ filename: 'dump.bin', content: big }] });
    expect(raw.length).toBeLessThan(MAX_RAW_BYTES);
    const res = await post(raw);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'attachment_too_large', errors: [{ field: 'attachments' }] });
    expect(await counts()).toEqual({ ...before, inbound: before.inbound + 1 });
  });

  it('413 for a message over 25 MB, recorded under its own Message-ID and sender; nothing created', async () => {
    const before = await counts();
    const id = messageId();
    const head = Buffer.from(`From: ${contactEmail}\r\nSubject: huge\r\nMessage-ID: ${id}\r\nContent-Type: text/plain\r\n\r\n`);
    const raw = Buffer.concat([head, Buffer.alloc(MAX_RAW_BYTES, 'a')]);
    const res = await post(raw);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ reason: 'too_large', errors: [{ field: 'body', code: 'too_large' }] });
    const row = await t.db.selectFrom('inboundEmails').selectAll().where('messageId', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'rejected', fromAddress: contactEmail, size: raw.length });
    expect(row.error).toMatch(/^too_large/);
    expect(await counts()).toEqual({ ...before, inbound: before.inbound + 1 });
  });

  it('a failure half-way creates nothing: the whole message is one transaction', async () => {
    const before = await counts();
    // The attachment is written after the order: make it fail there.
    await sql`CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.filename = 'boom.png' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`.execute(t.db);
    await sql`CREATE TRIGGER test_refuse_boom BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION test_refuse_boom()`.execute(t.db);
    try {
      const raw = await mime({ from: contactEmail, subject: '事务测试', text: 'x', messageId: messageId(), attachments: [{ filename: 'boom.png', content: PNG }] });
      await expect(ingestEmail(t.db, raw, { via: 'http' })).rejects.toThrow(/refused by test/);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`DROP TRIGGER test_refuse_boom ON attachments`.execute(t.db);
      await sql`DROP FUNCTION test_refuse_boom()`.execute(t.db);
    }
  });
});

describe('reply text', () => {
  it('keeps the new part of a reply and drops the quoted message', () => {
    expect(replyText('好的，明天见。\n\n在 2026年11月26日 10:00，售后服务中心 写道：\n> 工程师已出发')).toBe('好的，明天见。');
    expect(replyText('ok\n> quoted\n> more')).toBe('ok');
    expect(replyText('> only quoted')).toBe('> only quoted');
  });
});

describe('the SMTP listener', () => {
  it('takes a message sent over SMTP (STARTTLS off, ephemeral port) and the order appears; refuses an unknown sender with 550', async () => {
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const listener = await startInboundSmtp(t.db, { port: 0, host: '127.0.0.1' }, log);
    try {
      expect(listener.port).toBeGreaterThan(0);
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
      const id = messageId();
      const info = await transport.sendMail({ from: `李雷 <${contactEmail}>`, to: 'service@aftersales.example', subject: '通过 SMTP 报修：冷机异响', text: '冷机有异响', messageId: id });
      expect(info.response).toMatch(/^250 .*Order WO-\d{8}-\d{4}/);
      const recorded = await t.db.selectFrom('inboundEmails').selectAll().where('messageId', '=', id).executeTakeFirstOrThrow();
      expect(recorded.outcome).toBe('order');
      const order = await t.db.selectFrom('workOrders').selectAll().where('id', '=', recorded.workOrderId!).executeTakeFirstOrThrow();
      expect(order).toMatchObject({ channel: 'email', title: '通过 SMTP 报修：冷机异响', customerId, createdBy: null });

      await expect(transport.sendMail({ from: 'nobody@unknown.example', to: 'service@aftersales.example', subject: 'x', text: 'y' })).rejects.toMatchObject({
        responseCode: 550,
      });
      transport.close();
    } finally {
      await listener.close();
    }
  });
});
