import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createCustomerRow, createUser, signIn, signInAs, type Session, type TestApp, createTestApp, unique } from '../../test/harness.ts';
import { act, createFieldWorld, type FieldWorld, orderAt, signaturePng } from '../../test/field.ts';
import { pdfPagesText } from './pdf-text.ts';

let t: TestApp;
let w: FieldWorld;
const CODE = 'E-CAP-01';

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  await t.db
    .insertInto('faultCodes')
    .values([
      { code: CODE, category: 'electrical', nameZh: '启动电容失效', nameEn: 'Start capacitor failed' },
      { code: 'E-OLD-99', category: 'electrical', nameZh: '旧代码', nameEn: 'Old code', active: false },
    ])
    .execute();
});
afterAll(() => t?.close());

const report = (session: Session, orderId: string, method = 'GET', payload?: unknown, suffix = '') =>
  as(t.app, session, { method: method as 'GET', url: `/api/v1/work-orders/${orderId}/report${suffix}`, payload: payload as never });

/** The order's visit, at known times: 50 minutes on the road, 95 on site. */
async function setVisit(orderId: string) {
  await t.db.deleteFrom('siteVisits').where('workOrderId', '=', orderId).execute();
  await t.db
    .insertInto('siteVisits')
    .values({
      workOrderId: orderId,
      employeeId: w.tech.employeeId,
      departedAt: new Date('2026-11-27T01:00:00Z'),
      checkInAt: new Date('2026-11-27T01:50:00Z'),
      checkOutAt: new Date('2026-11-27T03:25:00Z'),
      checkInDistanceM: 20,
    })
    .execute();
}

const complete = { faultCode: CODE, faultCause: '启动电容容量衰减，压缩机无法启动', solution: '更换启动电容并试机' };

describe('fault codes (P4.4.2)', () => {
  it('P4.4.2: staff read the maintained list, active only on request; customers may not', async () => {
    const all = await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/fault-codes' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining([CODE, 'E-OLD-99']));
    const active = await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/fault-codes?active=true' });
    expect(active.json().items.map((c: { code: string }) => c.code)).not.toContain('E-OLD-99');
    expect((await as(t.app, w.portal.session, { method: 'GET', url: '/api/v1/fault-codes' })).statusCode).toBe(403);
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/fault-codes' })).statusCode).toBe(401);
  });

  it('a manager creates, edits (409 when stale), deactivates and reactivates a code; a technician may not', async () => {
    const code = unique('M-').toUpperCase();
    const body = { code, category: 'mechanical', nameZh: '轴承磨损', nameEn: 'Bearing worn' };
    expect((await as(t.app, w.tech.session, { method: 'POST', url: '/api/v1/fault-codes', payload: body })).statusCode).toBe(403);
    const created = await as(t.app, w.supervisor.session, { method: 'POST', url: '/api/v1/fault-codes', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code, active: true, version: 1, abilities: { update: true, deactivate: true } });
    const dup = await as(t.app, w.supervisor.session, { method: 'POST', url: '/api/v1/fault-codes', payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('code');
    const bad = await as(t.app, w.supervisor.session, { method: 'POST', url: '/api/v1/fault-codes', payload: { ...body, code: 'bad code!' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('code');

    const edited = await as(t.app, w.supervisor.session, { method: 'PATCH', url: `/api/v1/fault-codes/${code}`, payload: { version: 1, nameEn: 'Bearing worn out' } });
    expect(edited.json()).toMatchObject({ nameEn: 'Bearing worn out', version: 2 });
    const stale = await as(t.app, w.supervisor.session, { method: 'PATCH', url: `/api/v1/fault-codes/${code}`, payload: { version: 1, nameZh: '过时' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');

    const off = await as(t.app, w.supervisor.session, { method: 'POST', url: `/api/v1/fault-codes/${code}/deactivate`, payload: { version: 2 } });
    expect(off.json()).toMatchObject({ active: false, abilities: { deactivate: false, reactivate: true } });
    const again = await as(t.app, w.supervisor.session, { method: 'POST', url: `/api/v1/fault-codes/${code}/deactivate`, payload: { version: 3 } });
    expect(again.statusCode).toBe(422);
    const on = await as(t.app, w.supervisor.session, { method: 'POST', url: `/api/v1/fault-codes/${code}/reactivate`, payload: { version: 3 } });
    expect(on.json().active).toBe(true);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityType', '=', 'fault_code').where('entityId', '=', code).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['fault_code.create', 'fault_code.update', 'fault_code.deactivate', 'fault_code.reactivate']));
  });
});

describe('the service report draft (P4.4.2)', () => {
  it('P4.4.2: the assignee saves a draft; a save from a stale copy gets 409', async () => {
    const order = await orderAt(t, w, 'on_site');
    await setVisit(order.id);
    const empty = await report(w.tech.session, order.id);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ status: 'none', version: 0, kind: 'repair', travelMinutes: { value: 50, fromVisits: 50, entered: false }, onSiteMinutes: { value: 95 } });

    const first = await report(w.tech.session, order.id, 'PUT', { version: 0, faultCode: CODE, faultCause: '电容失效' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'draft', version: 1, faultCode: { code: CODE, nameZh: '启动电容失效' }, faultCause: '电容失效' });
    // A second "create" from the same empty copy is stale: the report exists now.
    expect((await report(w.tech.session, order.id, 'PUT', { version: 0, solution: 'x' })).statusCode).toBe(409);

    // Two people edit the same report (the technician's phone and their tablet): the later save is stale.
    const phone = await report(w.tech.session, order.id, 'PUT', { version: 1, solution: '更换电容', travelMinutes: 40 });
    expect(phone.json()).toMatchObject({ version: 2, travelMinutes: { value: 40, fromVisits: 50, entered: true } });
    const tablet = await report(w.tech.session, order.id, 'PUT', { version: 1, solution: '旧的方案' });
    expect(tablet.statusCode).toBe(409);
    expect(tablet.json().code).toBe('conflict.stale');
    expect((await report(w.tech.session, order.id)).json().solution).toBe('更换电容');
  });

  it('P4.4.2: the fault code must be an active code of the list (400 naming faultCode)', async () => {
    const order = await orderAt(t, w, 'on_site');
    for (const faultCode of ['E-OLD-99', 'NO-SUCH-1']) {
      const res = await report(w.tech.session, order.id, 'PUT', { version: 0, faultCode });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'faultCode', code: 'fault_code_inactive' })]);
    }
    const negative = await report(w.tech.session, order.id, 'PUT', { version: 0, travelMinutes: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('travelMinutes');
  });

  it('only the assignee drafts; the customer sees no draft; before arrival nothing can be saved', async () => {
    const order = await orderAt(t, w, 'on_site');
    expect((await report(w.supervisor.session, order.id, 'PUT', { version: 0, solution: 'x' })).statusCode).toBe(403);
    // To the customer a draft does not exist yet.
    expect((await report(w.portal.session, order.id, 'PUT', { version: 0, solution: 'x' })).statusCode).toBe(404);
    expect((await report(w.portal.session, order.id)).statusCode).toBe(404);
    const early = await orderAt(t, w, 'en_route');
    const res = await report(w.tech.session, early.id, 'PUT', { version: 0, solution: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('report.not_editable');
  });
});

describe('filing the report (P4.4.2)', () => {
  it('P4.4.2: filing an incomplete report is 422 listing the missing fields; not before the work is done', async () => {
    const onSite = await orderAt(t, w, 'on_site');
    await report(w.tech.session, onSite.id, 'PUT', { version: 0, ...complete });
    const early = await report(w.tech.session, onSite.id, 'POST', { version: 1 }, '/file');
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('report.not_ready');

    const order = await orderAt(t, w, 'work_done');
    await setVisit(order.id);
    const none = await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file');
    expect(none.statusCode).toBe(422);
    expect(none.json().missing).toEqual(['faultCode', 'faultCause', 'solution']);
    await report(w.tech.session, order.id, 'PUT', { version: 0, faultCode: CODE });
    const res = await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'report.incomplete', missing: ['faultCause', 'solution'] });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['faultCause', 'solution']);
    expect(res.json().title).toContain('2');
  });

  it('P4.4.2, P2.3.3: an installation report needs the customer training given', async () => {
    const order = await orderAt(t, w, 'work_done', { category: 'installation', title: '新机安装' });
    await setVisit(order.id);
    const draft = await report(w.tech.session, order.id, 'PUT', { version: 0, ...complete });
    expect(draft.json()).toMatchObject({ kind: 'installation', missing: ['trainingTopics', 'trainingAttendees', 'trainingMinutes'] });
    const refused = await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file');
    expect(refused.json().missing).toEqual(['trainingTopics', 'trainingAttendees', 'trainingMinutes']);
    await report(w.tech.session, order.id, 'PUT', { version: 1, trainingTopics: '开关机与清洗滤网', trainingAttendees: '王经理', trainingMinutes: 30 });
    const filed = await report(w.tech.session, order.id, 'POST', { version: 2 }, '/file');
    expect(filed.statusCode).toBe(200);
    const text = (await pdfPagesText(Buffer.from((await report(w.tech.session, order.id, 'GET', undefined, '.pdf')).rawPayload))).join('').replace(/\s+/g, '');
    expect(text).toContain('安装服务报告');
    expect(text).toContain('开关机与清洗滤网');
  });

  it('P4.4.2: filing keeps the PDF on the order, emails it to the customer, and the customer can download it', async () => {
    const order = await orderAt(t, w, 'work_done');
    await setVisit(order.id);
    await report(w.tech.session, order.id, 'PUT', { version: 0, ...complete, onSiteMinutes: 100 });
    const filed = await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file');
    expect(filed.statusCode).toBe(200);
    const body = filed.json();
    expect(body).toMatchObject({ status: 'filed', travelMinutes: { value: 50 }, onSiteMinutes: { value: 100, entered: true }, abilities: { edit: false, file: false, render: true } });
    expect(body.pdf).toMatchObject({ locale: 'zh-CN', filename: expect.stringMatching(/^WO-.*-report\.pdf$/) });

    const row = await t.db.selectFrom('serviceReports').selectAll().where('workOrderId', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'filed', travelMinutes: 50, onSiteMinutes: 100, pdfLocale: 'zh-CN', pdfAttachmentId: body.pdf.attachmentId });
    const file = await t.db.selectFrom('attachments').selectAll().where('id', '=', body.pdf.attachmentId).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ workOrderId: order.id, contentType: 'application/pdf', filename: body.pdf.filename });
    expect(Buffer.from(file.data).subarray(0, 5).toString()).toBe('%PDF-');
    const email = await t.db.selectFrom('notifications').selectAll().where('workOrderId', '=', order.id).where('event', '=', 'report_ready').where('channel', '=', 'email').execute();
    expect(email).toHaveLength(1);
    expect(email[0]!.attachmentId).toBe(body.pdf.attachmentId);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', row.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['service_report.create', 'service_report.file']);

    // The customer reads the filed report and downloads the PDF, in Chinese (their portal language).
    expect((await report(w.portal.session, order.id)).json()).toMatchObject({ status: 'filed', faultCause: complete.faultCause, abilities: { edit: false, file: false, render: false } });
    const pdf = await report(w.portal.session, order.id, 'GET', undefined, '.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(pdf.rawPayload).equals(Buffer.from(file.data))).toBe(true);
    const zh = (await pdfPagesText(Buffer.from(pdf.rawPayload))).join('').replace(/\s+/g, '');
    expect(zh).toContain('启动电容容量衰减，压缩机无法启动');
    expect(zh).toContain('华东精密机械有限公司');
    expect(zh).toContain('故障原因');
    expect(zh).toContain('路途时间50分钟');
    // And in English on demand, rendered on the fly.
    const en = (await pdfPagesText(Buffer.from((await report(w.portal.session, order.id, 'GET', undefined, '.pdf?locale=en')).rawPayload))).join('').replace(/\s+/g, '');
    expect(en).toContain('Faultcause');
    expect(en).toContain('启动电容容量衰减，压缩机无法启动');
    expect(en).toContain('Travel50min');
    // Through the order's attachments too.
    expect((await as(t.app, w.portal.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/attachments/${file.id}` })).statusCode).toBe(200);

    // Filed is final while the order stays done.
    expect((await report(w.tech.session, order.id, 'POST', { version: row.version }, '/file')).json().code).toBe('report.already_filed');
    expect((await report(w.tech.session, order.id, 'PUT', { version: row.version, solution: 'x' })).json().code).toBe('report.not_editable');
  });

  it('P4.4.2: a report rendered again after the acceptance replaces the PDF and mails it again; unchanged, nothing happens', async () => {
    const order = await orderAt(t, w, 'work_done');
    await setVisit(order.id);
    await report(w.tech.session, order.id, 'PUT', { version: 0, ...complete });
    const filed = (await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file')).json();
    const same = await report(w.agent, order.id, 'POST', {}, '/render');
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ changed: false, sent: false });

    // The customer's acceptance arrives after filing (stored as the acceptance module stores it).
    await t.db
      .insertInto('acceptances')
      .values({
        workOrderId: order.id,
        outcome: 'accepted',
        channel: 'portal',
        signerName: '王经理',
        signaturePng: Buffer.from(signaturePng().split(',')[1]!, 'base64'),
        recordedByLabel: '王经理',
        at: new Date(),
      })
      .execute();
    const again = await report(w.tech.session, order.id, 'POST', {}, '/render');
    expect(again.json()).toMatchObject({ changed: true, sent: true, report: { pdf: { attachmentId: filed.pdf.attachmentId } } });
    const emails = await t.db.selectFrom('notifications').select('attachmentId').where('workOrderId', '=', order.id).where('event', '=', 'report_ready').where('channel', '=', 'email').execute();
    expect(emails).toHaveLength(2);
    const text = (await pdfPagesText(Buffer.from((await report(w.portal.session, order.id, 'GET', undefined, '.pdf')).rawPayload))).join('').replace(/\s+/g, '');
    expect(text).toContain('签字人王经理');
    expect((await report(w.portal.session, order.id, 'POST', {}, '/render')).statusCode).toBe(403);
  });

  it('the customer gets the PDF in their portal language; another technician of no part in the order cannot see it', async () => {
    const order = await orderAt(t, w, 'work_done');
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', w.portal.userId).execute();
    try {
      // Checked in but never checked out: the labour time is entered by hand.
      await report(w.tech.session, order.id, 'PUT', { version: 0, ...complete, travelMinutes: 30, onSiteMinutes: 90 });
      const filed = await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file');
      expect(filed.statusCode, filed.body).toBe(200);
      expect(filed.json().pdf.locale).toBe('en');
    } finally {
      await t.db.updateTable('users').set({ locale: 'zh-CN' }).where('id', '=', w.portal.userId).execute();
    }
    const stranger = await signIn(t.app, (await createUser(t.db, { role: 'technician' })).username);
    expect((await report(stranger, order.id)).statusCode).toBe(404);
    const otherCustomer = await createCustomerRow(t.db, '别家公司');
    const other = await signInAs(t, { role: 'customer', customerId: otherCustomer.id });
    expect((await report(other, order.id, 'GET', undefined, '.pdf')).statusCode).toBe(404);
  });

  it('P4.4.2: when the customer refuses the work, the filed report can be changed again and must be filed anew', async () => {
    const order = await orderAt(t, w, 'work_done');
    await setVisit(order.id);
    await report(w.tech.session, order.id, 'PUT', { version: 0, ...complete });
    const filed = (await report(w.tech.session, order.id, 'POST', { version: 1 }, '/file')).json();
    const refused = await act(t, w.tech.session, order, 'customer_refuse', { reason: '仍有异响' });
    expect(refused.statusCode, refused.body).toBe(200);
    const edited = await report(w.tech.session, order.id, 'PUT', { version: filed.version, solution: '更换电容并紧固风机' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', pdf: null, abilities: { edit: true, file: false } });
    expect(await t.db.selectFrom('serviceReports').select('status').where('workOrderId', '=', order.id).executeTakeFirstOrThrow()).toEqual({ status: 'draft' });
  });
});
