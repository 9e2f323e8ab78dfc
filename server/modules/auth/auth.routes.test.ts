import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, signIn, signInAs, type TestApp, TEST_PASSWORD, unique } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('sign-in and sessions', () => {
  it('signs in, sets an HttpOnly SameSite cookie, and stores only a hash of the token', async () => {
    const user = await createUser(t.db, { role: 'agent' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: user.username.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'as_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({ username: user.username, role: 'agent' });
    expect(res.json().user.permissions).toContain('customers.write');
    const sessions = await t.db.selectFrom('sessions').selectAll().where('userId', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toContain(cookie.value);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 401 for a wrong password and for an unknown user alike', async () => {
    const user = await createUser(t.db, { role: 'agent' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: user.username, password: 'nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: unique('ghost'), password: 'nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 400 naming the field for bad input', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['extra', 'password']);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body');
  });

  it('locks a username after repeated failures (P6.4.1), even for the right password, and says for how long', async () => {
    const user = await createUser(t.db, { role: 'hr' });
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: user.username, password } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('wrong-password')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    expect(locked.json().retryAfterSeconds).toBeGreaterThan(800);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // the lock is recorded in the audit trail
    const audit = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'auth.locked').where('entityId', '=', user.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a sign-in form posted from another site', async () => {
    const user = await createUser(t.db, { role: 'agent' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
  });
});

describe('me, locale, sign-out, CSRF', () => {
  it('needs a session: 401 without one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });

  it('remembers the language per user and answers errors in it', async () => {
    const s = await signInAs(t, { role: 'technician', locale: 'en' });
    const res = await as(t.app, s, { method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'zh-CN' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locale).toBe('zh-CN');
    const me = await as(t.app, s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.locale).toBe('zh-CN');
    const bad = await as(t.app, s, { method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'fr' }, locale: 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toBe('请求内容无效');
    expect(bad.json().errors[0]).toMatchObject({ field: 'locale', code: 'invalid_value' });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await signInAs(t, { role: 'technician' });
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie: s.cookie }, payload: { locale: 'en' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie: s.cookie, 'x-csrf-token': 'x' }, payload: { locale: 'en' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('signs out: the session stops working', async () => {
    const s = await signInAs(t, { role: 'agent' });
    expect((await as(t.app, s, { method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(204);
    expect((await as(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('needs the current password, ends other sessions, keeps this one', async () => {
    const user = await createUser(t.db, { role: 'agent' });
    const here = await signIn(t.app, user.username);
    const elsewhere = await signIn(t.app, user.username);
    const wrong = await as(t.app, here, { method: 'POST', url: '/api/v1/auth/change-password', payload: { currentPassword: 'bad-bad-bad', newPassword: 'new-password-9' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const short = await as(t.app, here, { method: 'POST', url: '/api/v1/auth/change-password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'too_small' });
    const ok = await as(t.app, here, { method: 'POST', url: '/api/v1/auth/change-password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'new-password-9' } });
    expect(ok.statusCode).toBe(204);
    expect((await as(t.app, here, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await as(t.app, elsewhere, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(signIn(t.app, user.username, 'new-password-9')).resolves.toBeTruthy();
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/change-password', payload: { currentPassword: 'a', newPassword: 'bbbbbbbbb' } });
    expect(res.statusCode).toBe(401);
  });
});
