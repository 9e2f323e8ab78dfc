import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type Session, signInAs, type TestApp, unique } from '../../test/harness.ts';

type Res = Awaited<ReturnType<typeof as>>;
type Token = {
  id: string;
  name: string;
  tokenPrefix: string;
  user: { id: string; username: string };
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  abilities: { revoke: boolean };
};
type Issued = Token & { token: string };

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const TOKEN_KEYS = ['abilities', 'createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'tokenPrefix', 'user'];
const HOUR = 3_600_000;

let t: TestApp;
let admin: Session;
let agentUser: Awaited<ReturnType<typeof createUser>>;

const fieldsOf = (res: Res): string[] => (res.json().errors ?? []).map((e: { field: string }) => e.field).sort();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function call(session: Session | null, method: InjectOptions['method'], url: string, payload?: unknown) {
  return as(t.app, session, { method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
}

/** A request authenticated by an API token only: no cookie, no CSRF header. */
function bearer(token: string, method: InjectOptions['method'], url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  });
}

async function issue(body: Record<string, unknown> = {}): Promise<Issued> {
  const res = await call(admin, 'POST', '/api/v1/api-tokens', { name: unique('集成 '), userId: agentUser.id, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const auditCount = async () =>
  Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, { role: 'admin' });
  agentUser = await createUser(t.db, { role: 'agent' });
});
afterAll(() => t?.close());

describe('access', () => {
  it('401 without a session on every route', async () => {
    const token = await issue();
    for (const [method, url, payload] of [
      ['GET', '/api/v1/api-tokens', undefined],
      ['POST', '/api/v1/api-tokens', { name: 'x', userId: agentUser.id }],
      ['POST', `/api/v1/api-tokens/${token.id}/revoke`, undefined],
    ] as const) {
      const res = await call(null, method, url, payload);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('auth.required');
    }
  });

  it('403 for roles other than admin, by session or by token, and nothing changes', async () => {
    const token = await issue();
    const count = await auditCount();
    const agentToken = await issue({ userId: agentUser.id });
    const afterIssue = await auditCount();
    expect(afterIssue).toBe(count + 1);
    for (const role of ['hr', 'supervisor', 'agent'] as const) {
      const s = await signInAs(t, { role });
      expect((await call(s, 'GET', '/api/v1/api-tokens')).statusCode, role).toBe(403);
      expect((await call(s, 'POST', '/api/v1/api-tokens', { name: 'mine', userId: s.userId })).statusCode, role).toBe(403);
      const revoke = await call(s, 'POST', `/api/v1/api-tokens/${token.id}/revoke`);
      expect(revoke.statusCode, role).toBe(403);
      expect(revoke.json().code).toBe('forbidden');
    }
    expect((await bearer(agentToken.token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(403);
    expect((await bearer(agentToken.token, 'POST', '/api/v1/api-tokens', { name: 'x', userId: agentUser.id })).statusCode).toBe(403);
    expect((await bearer(agentToken.token, 'POST', `/api/v1/api-tokens/${token.id}/revoke`)).statusCode).toBe(403);
    expect(await auditCount()).toBe(afterIssue);
    const row = await t.db.selectFrom('apiTokens').select('revokedAt').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.revokedAt).toBeNull();
  });
});

describe('POST /api/v1/api-tokens', () => {
  it('400 naming each bad field, and issues nothing', async () => {
    const before = await t.db.selectFrom('apiTokens').select('id').execute();
    const res = await call(admin, 'POST', '/api/v1/api-tokens', { name: 'n'.repeat(81), userId: 'agent', expiresAt: 'tomorrow', scopes: ['all'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(fieldsOf(res)).toEqual(['expiresAt', 'name', 'scopes', 'userId']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/api-tokens', {}))).toEqual(['name', 'userId']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/api-tokens', { name: '  ', userId: agentUser.id }))).toEqual(['name']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/api-tokens', { name: 'x', userId: agentUser.id, expiresAt: 1767225600000 }))).toEqual(['expiresAt']);
    const past = await call(admin, 'POST', '/api/v1/api-tokens', { name: 'x', userId: agentUser.id, expiresAt: new Date(Date.now() - HOUR).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([expect.objectContaining({ field: 'expiresAt', code: 'date_range' })]);
    const ghost = await call(admin, 'POST', '/api/v1/api-tokens', { name: 'x', userId: NOWHERE });
    expect(ghost.json().errors).toEqual([expect.objectContaining({ field: 'userId', code: 'reference' })]);
    const inactive = await createUser(t.db, { role: 'agent' });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', inactive.id).execute();
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/api-tokens', { name: 'x', userId: inactive.id }))).toEqual(['userId']);
    const after = await t.db.selectFrom('apiTokens').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('returns the secret once; the database keeps only its sha256 hex hash; the list never shows it', async () => {
    const expiresAt = new Date(Date.now() + 30 * 24 * HOUR).toISOString();
    const issued = await issue({ name: 'ERP 同步', expiresAt });
    expect(Object.keys(issued).sort()).toEqual([...TOKEN_KEYS, 'token'].sort());
    expect(issued).toMatchObject({
      name: 'ERP 同步',
      user: { id: agentUser.id, username: agentUser.username },
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      abilities: { revoke: true },
    });
    expect(issued.token).toMatch(/^ast_[A-Za-z0-9_-]{40,}$/);
    expect(issued.tokenPrefix).toBe(issued.token.slice(0, 10));
    expect(Date.parse(issued.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const row = await t.db.selectFrom('apiTokens').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(sha256(issued.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.createdBy).toBe(admin.userId);
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const list = await call(admin, 'GET', '/api/v1/api-tokens');
    expect(list.statusCode).toBe(200);
    expect(Object.keys(list.json())).toEqual(['items']);
    const listed = list.json().items.find((x: Token) => x.id === issued.id);
    expect(Object.keys(listed).sort()).toEqual(TOKEN_KEYS);
    expect(listed).toEqual((({ token: _t, ...rest }) => rest)(issued));
    expect(list.body).not.toContain(issued.token);
    expect(list.body).not.toContain(row.tokenHash);

    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'api_token').where('entityId', '=', issued.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['api_token.issue']);
    expect(audit[0]!.after).toMatchObject({ name: 'ERP 同步', userId: agentUser.id });
    expect(JSON.stringify(audit[0])).not.toContain(issued.token);
    expect(JSON.stringify(audit[0])).not.toContain(row.tokenHash);
  });

  it('lists the newest first', async () => {
    const a = await issue();
    const b = await issue();
    const ids = (await call(admin, 'GET', '/api/v1/api-tokens')).json().items.map((x: Token) => x.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
  });
});

describe('using a token', () => {
  it('acts as its user without a CSRF header, with that user’s permissions, and records its use', async () => {
    const issued = await issue();
    const list = await bearer(issued.token, 'GET', '/api/v1/customers');
    expect(list.statusCode, list.body).toBe(200);
    const created = await bearer(issued.token, 'POST', '/api/v1/customers', { kind: 'company', name: '接口创建的客户' });
    expect(created.statusCode, created.body).toBe(201);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', created.json().id).executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(agentUser.id);
    const forbidden = await bearer(issued.token, 'GET', '/api/v1/audit-log');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    const me = await bearer(issued.token, 'GET', '/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ id: agentUser.id, role: 'agent' });
    const row = await t.db.selectFrom('apiTokens').select('lastUsedAt').where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(row.lastUsedAt).not.toBeNull();
    const listed = (await call(admin, 'GET', '/api/v1/api-tokens')).json().items.find((x: Token) => x.id === issued.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('an admin token may use admin routes', async () => {
    const adminUser = await createUser(t.db, { role: 'admin' });
    const issued = await issue({ userId: adminUser.id });
    expect((await bearer(issued.token, 'GET', '/api/v1/audit-log')).statusCode).toBe(200);
  });

  it('401 for an unknown, a malformed, a revoked and an expired token, and for a token of a deactivated user', async () => {
    expect((await bearer('ast_not-a-real-token', 'GET', '/api/v1/customers')).statusCode).toBe(401);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);

    const revoked = await issue();
    expect((await bearer(revoked.token, 'GET', '/api/v1/customers')).statusCode).toBe(200);
    const res = await call(admin, 'POST', `/api/v1/api-tokens/${revoked.id}/revoke`);
    expect(res.statusCode).toBe(200);
    const unauthorized = await bearer(revoked.token, 'GET', '/api/v1/customers');
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.json().code).toBe('auth.required');

    const expiring = await issue({ expiresAt: new Date(Date.now() + HOUR).toISOString() });
    expect((await bearer(expiring.token, 'GET', '/api/v1/customers')).statusCode).toBe(200);
    await t.db.updateTable('apiTokens').set({ expiresAt: new Date(Date.now() - 1000) }).where('id', '=', expiring.id).execute();
    expect((await bearer(expiring.token, 'GET', '/api/v1/customers')).statusCode).toBe(401);

    const owner = await createUser(t.db, { role: 'agent' });
    const ownerToken = await issue({ userId: owner.id });
    expect((await bearer(ownerToken.token, 'GET', '/api/v1/customers')).statusCode).toBe(200);
    const patched = await call(admin, 'PATCH', `/api/v1/users/${owner.id}`, { version: owner.version, active: false });
    expect(patched.statusCode).toBe(200);
    expect((await bearer(ownerToken.token, 'GET', '/api/v1/customers')).statusCode).toBe(401);
  });
});

describe('POST /api/v1/api-tokens/:id/revoke', () => {
  it('400 for a bad id, 404 for an unknown one', async () => {
    const bad = await call(admin, 'POST', '/api/v1/api-tokens/nope/revoke');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['params.id']);
    const missing = await call(admin, 'POST', `/api/v1/api-tokens/${NOWHERE}/revoke`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('revokes, answers the token without its secret, audits once; revoking again changes nothing', async () => {
    const issued = await issue();
    const res = await call(admin, 'POST', `/api/v1/api-tokens/${issued.id}/revoke`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(TOKEN_KEYS);
    expect(body).toMatchObject({ id: issued.id, abilities: { revoke: false } });
    expect(Date.parse(body.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(res.body).not.toContain(issued.token);
    const count = await auditCount();
    const again = await call(admin, 'POST', `/api/v1/api-tokens/${issued.id}/revoke`);
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(body.revokedAt);
    expect(await auditCount()).toBe(count);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityType', '=', 'api_token').where('entityId', '=', issued.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['api_token.issue', 'api_token.revoke']);
  });
});
