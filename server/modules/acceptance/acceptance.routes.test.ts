import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../../core/settings.ts';
import { act, createFieldWorld, type FieldWorld, type OrderRef, orderAt, signaturePng } from '../../test/field.ts';
import { as, createCustomerRow, createTestApp, signInAs, type TestApp } from '../../test/harness.ts';
import { getSetting } from '../settings/service.ts';
import { acceptanceSettled } from './effects.ts';
import { pngChunk } from '../../platform/png.ts';

let t: TestApp;
let w: FieldWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
});
afterAll(() => t.close());

const RATING = { punctuality: 5, quality: 4, attitude: 4 };
const accept = (extra: Record<string, unknown> = {}) => ({ signerName: '王经理', signature: signaturePng(), ...extra });

const acceptanceView = (order: { id: string }, session = w.supervisor.session) =>
  as(t.app, session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/acceptance` });

async function rows(orderId: string) {
  const [acceptances, ratings, invitations, emails] = await Promise.all([
    t.db.selectFrom('acceptances').selectAll().where('workOrderId', '=', orderId).execute(),
    t.db.selectFrom('customerRatings').selectAll().where('workOrderId', '=', orderId).execute(),
    t.db.selectFrom('surveyInvitations').selectAll().where('workOrderId', '=', orderId).execute(),
    t.db.selectFrom('notifications').selectAll().where('workOrderId', '=', orderId).where('event', '=', 'survey').where('channel', '=', 'email').execute(),
  ]);
  return { acceptances, ratings, invitations, emails };
}

/** A PNG data URL padded with a private ancillary chunk to `bytes` bytes: still a valid signature, just big. */
function paddedSignature(bytes: number): string {
  const png = Buffer.from(signaturePng().split(',')[1] as string, 'base64');
  const iend = png.subarray(png.length - 12);
  const padding = pngChunk('prVt', Buffer.alloc(bytes - png.length - 12, 7));
  return `data:image/png;base64,${Buffer.concat([png.subarray(0, png.length - 12), padding, iend]).toString('base64')}`;
}

/** The token in the survey email's link. */
function tokenOf(body: string): string {
  const match = /\/survey\/([A-Za-z0-9_.-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no survey link in: ${body}`);
  return match[1];
}

describe('customer acceptance on site (P4.4.1)', () => {
  it('P4.4.1 P5.1.1 the technician records the signature and a rating of 4 on the questionnaire in force', async () => {
    const order = await orderAt(t, w, 'work_done');
    const res = await act(t, w.tech.session, order, 'customer_accept', accept({ rating: 4, answers: RATING, comment: '服务很好' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('customer_accepted');

    const { acceptances, ratings, invitations } = await rows(order.id);
    expect(acceptances).toHaveLength(1);
    const a = acceptances[0]!;
    expect(a).toMatchObject({ outcome: 'accepted', channel: 'on_site', signerName: '王经理', comment: '服务很好' });
    const sent = Buffer.from(signaturePng().split(',')[1] as string, 'base64');
    expect(Buffer.from(a.signaturePng!).equals(sent)).toBe(true);
    expect(a.signatureSha256).toMatch(/^[0-9a-f]{64}$/);

    expect(ratings).toHaveLength(1);
    const questionnaire = await getSetting(t.db, 'acceptance.questionnaire');
    expect(ratings[0]).toMatchObject({ source: 'on_site', rating: 4, technicianId: w.tech.employeeId, answers: RATING, comment: '服务很好' });
    expect(ratings[0]!.questionnaire).toEqual(questionnaire);
    expect(invitations).toHaveLength(0);

    // The timeline keeps who signed and the rating, never the signature itself.
    const event = res.json().timeline.find((e: { action: string }) => e.action === 'customer_accept');
    expect(event.data.signerName).toBe('王经理');
    expect(JSON.stringify(res.json().timeline)).not.toContain('base64');
    expect(await acceptanceSettled(t.db, order.id)).toBe(true);

    const view = await acceptanceView(order);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      acceptances: [{ outcome: 'accepted', channel: 'on_site', signerName: '王经理' }],
      ratings: [{ source: 'on_site', rating: 4, technician: { id: w.tech.employeeId, name: '李维修' } }],
      survey: null,
      surveyPending: false,
      questionnaire,
    });
    expect(view.body).not.toContain('iVBOR'); // no PNG bytes in the history
    const image = await as(t.app, w.portal.session, { method: 'GET', url: view.json().acceptances[0].signatureUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(sent)).toBe(true);
  });

  it('P5.1.1 a rating must answer every required question 1-5 and nothing the questionnaire lacks', async () => {
    const order = await orderAt(t, w, 'work_done');
    const missing = await act(t, w.tech.session, order, 'customer_accept', accept({ rating: 4, answers: { quality: 4, attitude: 5, mood: 3 } }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['payload.answers.mood', 'payload.answers.punctuality']);
    const noRating = await act(t, w.tech.session, order, 'customer_accept', accept({ answers: RATING }));
    expect(noRating.statusCode).toBe(400);
    expect(noRating.json().errors[0].field).toBe('payload.rating');
    expect((await rows(order.id)).acceptances).toHaveLength(0);
  });

  it('P4.4.1 P5.1.1 without a rating the customer is emailed a survey link that works', async () => {
    const order = await orderAt(t, w, 'work_done');
    const res = await act(t, w.tech.session, order, 'customer_accept', accept());
    expect(res.statusCode, res.body).toBe(200);
    const { ratings, invitations, emails } = await rows(order.id);
    expect(ratings).toHaveLength(0);
    expect(invitations).toHaveLength(1);
    const days = await getSetting(t.db, 'survey.linkValidDays');
    const validFor = invitations[0]!.expiresAt.getTime() - invitations[0]!.createdAt.getTime();
    expect(Math.abs(validFor - days * 86_400_000)).toBeLessThan(60_000);
    expect(emails).toHaveLength(1);
    const customer = await t.db.selectFrom('customers').select('email').where('id', '=', w.customerId).executeTakeFirstOrThrow();
    expect(emails[0]!.recipient).toBe(customer.email);
    expect(invitations[0]!.email).toBe(customer.email);
    expect(emails[0]!.body).toMatch(/https?:\/\/[^\s]+\/survey\//);

    const token = tokenOf(emails[0]!.body);
    const view = await acceptanceView(order);
    expect(view.json()).toMatchObject({ surveyPending: true, survey: { status: 'pending', answeredAt: null } });

    const survey = await as(t.app, null, { method: 'GET', url: `/api/v1/surveys/${token}` });
    expect(survey.statusCode, survey.body).toBe(200);
    expect(survey.json()).toMatchObject({ order: { number: expect.any(String), title: '热泵机组不制热' }, technicianName: '李维修' });
    expect(survey.json().questionnaire.questions.map((q: { key: string }) => q.key)).toContain('punctuality');

    const bad = await as(t.app, null, { method: 'POST', url: `/api/v1/surveys/${token}`, payload: { rating: 5, answers: { quality: 5 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('answers.punctuality');

    const done = await as(t.app, null, { method: 'POST', url: `/api/v1/surveys/${token}`, payload: { rating: 5, answers: RATING, comment: '很满意' } });
    expect(done.statusCode, done.body).toBe(200);
    const after = await rows(order.id);
    expect(after.ratings).toHaveLength(1);
    expect(after.ratings[0]).toMatchObject({ source: 'survey', rating: 5, technicianId: w.tech.employeeId, comment: '很满意' });
    expect(after.invitations[0]!.usedAt).not.toBeNull();
    expect((await acceptanceView(order)).json()).toMatchObject({ surveyPending: false, survey: { status: 'answered' } });
  });

  it.each([
    ['empty', () => signaturePng(300, 100, true), 'signature_empty'],
    ['too large', () => paddedSignature(310 * 1024), 'signature_too_large'],
    ['not a PNG', () => `data:image/png;base64,${Buffer.from('GIF89a\x01\x00\x01\x00 definitely not a png').toString('base64')}`, 'signature_not_png'],
    ['JPEG data URL', () => `data:image/jpeg;base64,${Buffer.from('\xff\xd8\xff\xe0 jpeg').toString('base64')}`, 'signature_not_png'],
    ['garbage base64', () => 'data:image/png;base64,@@@this is %% not base64!!', 'signature_not_png'],
  ])('P4.4.1 a %s signature is refused naming payload.signature; nothing is stored, the order stays', async (_name, signature, code) => {
    const order = await orderAt(t, w, 'work_done');
    const res = await act(t, w.tech.session, order, 'customer_accept', accept({ signature: signature(), rating: 5, answers: RATING }), undefined);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'payload.signature', code })]);
    const zh = await as(t.app, w.tech.session, {
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/transitions`,
      payload: { action: 'customer_accept', version: order.version, payload: accept({ signature: signature() }) },
      locale: 'zh-CN',
    });
    expect(zh.json().errors[0].message).toMatch(/签名/);
    const { acceptances, ratings, invitations } = await rows(order.id);
    expect([acceptances.length, ratings.length, invitations.length]).toEqual([0, 0, 0]);
    const stored = await t.db.selectFrom('workOrders').select(['state', 'version']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'work_done', version: order.version });
  });

  it('P4.4.1 the customer accepts on the portal (channel portal, rating source portal)', async () => {
    const order = await orderAt(t, w, 'work_done');
    const res = await act(t, w.portal.session, order, 'customer_accept', accept({ signerName: '赵总', rating: 5, answers: { ...RATING, explanation: 3 } }));
    expect(res.statusCode, res.body).toBe(200);
    const { acceptances, ratings } = await rows(order.id);
    expect(acceptances[0]).toMatchObject({ outcome: 'accepted', channel: 'portal', signerName: '赵总', recordedBy: w.portal.userId });
    expect(ratings[0]).toMatchObject({ source: 'portal', rating: 5, answers: { ...RATING, explanation: 3 } });
    const view = await acceptanceView(order, w.portal.session);
    expect(view.json().acceptances[0].channel).toBe('portal');
  });

  it('P4.4.1 a refusal sends the order back to work; a supervisor settles it, then the acceptance is settled', async () => {
    const order = await orderAt(t, w, 'work_done');
    const refused = await act(t, w.tech.session, order, 'customer_refuse', { reason: '试机仍有异响', signerName: '王经理' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().state).toBe('on_site');
    expect(await acceptanceSettled(t.db, order.id)).toBe(false);
    const history = (await acceptanceView(order)).json().acceptances;
    expect(history).toEqual([expect.objectContaining({ outcome: 'refused', reason: '试机仍有异响', signerName: '王经理', handledAt: null })]);

    const settled = await act(t, w.supervisor.session, refused.json(), 'settle_refusal', { note: '异响为正常运行声音，已向客户解释' });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json().state).toBe('customer_accepted');
    const [row] = (await acceptanceView(order)).json().acceptances;
    expect(row).toMatchObject({ outcome: 'refused', handlingNote: '异响为正常运行声音，已向客户解释', handledAt: expect.any(String) });
    expect(await acceptanceSettled(t.db, order.id)).toBe(true);
  });

  it('P4.4.1 settling needs an unhandled refusal (422 in the caller\'s language)', async () => {
    const order = await orderAt(t, w, 'on_site');
    const res = await act(t, w.supervisor.session, order, 'settle_refusal', { note: '无' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('acceptance.no_refusal');
    expect(await acceptanceSettled(t.db, order.id)).toBe(false);
    const zh = await as(t.app, w.supervisor.session, {
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/transitions`,
      payload: { action: 'settle_refusal', version: order.version, payload: { note: '无' } },
      locale: 'zh-CN',
    });
    expect(zh.json().title).toBe('该工单没有待处理的拒绝验收');
  });

  it('another customer cannot see the acceptance (404)', async () => {
    const order = await orderAt(t, w, 'work_done');
    await act(t, w.tech.session, order, 'customer_accept', accept({ rating: 3, answers: RATING }));
    const other = await createCustomerRow(t.db, '别家公司');
    const stranger = await signInAs(t, { role: 'customer', customerId: other.id });
    expect((await acceptanceView(order, stranger)).statusCode).toBe(404);
    const acceptanceId = (await rows(order.id)).acceptances[0]!.id;
    const image = await as(t.app, stranger, { method: 'GET', url: `/api/v1/work-orders/${order.id}/acceptance/${acceptanceId}/signature.png` });
    expect(image.statusCode).toBe(404);
  });

  it('P4.4.1 the size limit is the dated setting acceptance.signatureMaxKilobytes', async () => {
    const big = paddedSignature(310 * 1024);
    const order: OrderRef = await orderAt(t, w, 'work_done');
    expect((await act(t, w.tech.session, order, 'customer_accept', accept({ signature: big }))).statusCode).toBe(400);
    const admin = await signInAs(t, { role: 'admin' });
    const today = dateInZone(new Date(), await getSetting(t.db, 'company.timeZone'));
    const set = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/settings/acceptance.signatureMaxKilobytes/versions',
      payload: { value: 400, effectiveFrom: today, reason: 'tablets with high-density screens' },
    });
    expect(set.statusCode, set.body).toBe(201);
    const res = await act(t, w.tech.session, order, 'customer_accept', accept({ signature: big }));
    expect(res.statusCode, res.body).toBe(200);
  });
});
