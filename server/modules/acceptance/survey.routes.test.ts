import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, createFieldWorld, type FieldWorld, orderAt, signaturePng } from '../../test/field.ts';
import { as, createTestApp, type TestApp } from '../../test/harness.ts';
import { signSurveyToken, surveySecret, verifySurveyToken } from './survey-token.ts';

// P5.1.1: a survey link works once, until it expires; a reused, expired or altered link is
// refused, and the refusal says which, in the caller's language.

let t: TestApp;
let w: FieldWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
});
afterAll(() => t.close());

const ANSWERS = { rating: 4, answers: { punctuality: 4, quality: 4, attitude: 5 } };

/** An order accepted without a rating, and the token its survey email carries. */
async function invited(): Promise<{ orderId: string; token: string; invitationId: string }> {
  const order = await orderAt(t, w, 'work_done');
  const res = await act(t, w.tech.session, order, 'customer_accept', { signerName: '王经理', signature: signaturePng() });
  if (res.statusCode !== 200) throw new Error(res.body);
  const email = await t.db
    .selectFrom('notifications')
    .select('body')
    .where('workOrderId', '=', order.id)
    .where('event', '=', 'survey')
    .where('channel', '=', 'email')
    .executeTakeFirstOrThrow();
  const token = /\/survey\/([A-Za-z0-9_.-]+)/.exec(email.body)?.[1] ?? '';
  const invitationId = token.split('.')[0] ?? '';
  return { orderId: order.id, token, invitationId };
}

const view = (token: string, locale = 'en') => as(t.app, null, { method: 'GET', url: `/api/v1/surveys/${token}`, locale });
const submit = (token: string, locale = 'en') => as(t.app, null, { method: 'POST', url: `/api/v1/surveys/${token}`, payload: ANSWERS, locale });

/** The token with one character of the given part changed to another valid one. */
function flip(token: string, part: 0 | 1 | 2, at = 0): string {
  const parts = token.split('.');
  const s = parts[part] as string;
  const c = s[at] as string;
  const replacement = part === 1 ? String((Number(c) + 1) % 10) : c === 'a' ? 'b' : 'a';
  parts[part] = s.slice(0, at) + replacement + s.slice(at + 1);
  return parts.join('.');
}

describe('survey links (P5.1.1)', () => {
  it('P5.1.1 the token is <invitation id>.<expiry>.<hmac> and the secret is made once per installation', async () => {
    const { token, invitationId } = await invited();
    const [id, expires, mac] = token.split('.');
    expect(id).toBe(invitationId);
    expect(Number(expires)).toBeGreaterThan(Date.now() / 1000);
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = await surveySecret(t.db);
    expect(first.length).toBe(32);
    expect(Buffer.from(await surveySecret(t.db)).equals(Buffer.from(first))).toBe(true);
    expect(await t.db.selectFrom('serverSecrets').select('name').where('name', '=', 'survey').execute()).toHaveLength(1);
    expect(verifySurveyToken(first, token)?.invitationId).toBe(invitationId);
  });

  it('P5.1.1 a used link is refused as used, in the caller\'s language', async () => {
    const { token } = await invited();
    expect((await submit(token)).statusCode).toBe(200);
    const again = await submit(token, 'zh-CN');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'survey.used', title: '该调查已经提交过了，感谢您的评价' });
    const shown = await view(token);
    expect(shown.statusCode).toBe(409);
    expect(shown.json()).toMatchObject({ code: 'survey.used', title: 'This survey has already been answered; thank you' });
  });

  it('P5.1.1 two racing submissions of one link: exactly one is stored', async () => {
    const { token, orderId } = await invited();
    const answers = await Promise.all([submit(token), submit(token), submit(token)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const ratings = await t.db.selectFrom('customerRatings').select('id').where('workOrderId', '=', orderId).execute();
    expect(ratings).toHaveLength(1);
  });

  it('P5.1.1 an expired link is refused as expired (expiry passed in the database)', async () => {
    const { token, invitationId } = await invited();
    await t.db.updateTable('surveyInvitations').set({ expiresAt: new Date(Date.now() - 60_000) }).where('id', '=', invitationId).execute();
    const shown = await view(token, 'zh-CN');
    expect(shown.statusCode).toBe(410);
    expect(shown.json()).toMatchObject({ code: 'survey.expired', title: '该调查链接已过期' });
    expect((await submit(token)).json().code).toBe('survey.expired');
    const stored = await t.db.selectFrom('surveyInvitations').select('usedAt').where('id', '=', invitationId).executeTakeFirstOrThrow();
    expect(stored.usedAt).toBeNull();
  });

  it('P5.1.1 a link signed with a past expiry is refused as expired', async () => {
    const { invitationId } = await invited();
    const secret = await surveySecret(t.db);
    const past = signSurveyToken(secret, { invitationId, expiresAt: new Date(Date.now() - 1000) });
    const res = await submit(past);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'survey.expired', title: 'This survey link has expired' });
  });

  it.each([
    ['the HMAC', 2, 5],
    ['the invitation id', 0, 3],
    ['the expiry', 1, 9],
  ] as const)('P5.1.1 a link with a character of %s changed is refused as invalid', async (_what, part, at) => {
    const { token } = await invited();
    const tampered = flip(token, part, at);
    expect(tampered).not.toBe(token);
    for (const res of [await view(tampered), await submit(tampered, 'zh-CN')]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('survey.invalid');
    }
    expect((await submit(tampered, 'zh-CN')).json().title).toBe('该调查链接无效：可能输入有误或已被改动');
    expect((await view(token)).statusCode).toBe(200); // the real link still works
  });

  it('P5.1.1 a link signed with another secret, or not a token at all, is invalid', async () => {
    const { invitationId } = await invited();
    const forged = signSurveyToken(Buffer.alloc(32, 1), { invitationId, expiresAt: new Date(Date.now() + 86_400_000) });
    expect((await view(forged)).json().code).toBe('survey.invalid');
    expect((await view('hello')).json().code).toBe('survey.invalid');
    expect((await view('a.b.c.d')).json().code).toBe('survey.invalid');
  });
});
