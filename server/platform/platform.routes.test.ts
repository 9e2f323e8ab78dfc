import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Every API route with a sample path (ids filled in) and its access rule, read from the live route table. */
function apiRoutes(app: TestApp['app']) {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase() as 'GET' | 'POST' | 'PATCH',
      url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
    })),
  );
}

describe('every API route', () => {
  it('is documented in OpenAPI 3.1 from the schemas that validate it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/employees', '/api/v1/customers/{id}', '/api/v1/audit-log']));
    const create = doc.paths['/api/v1/employees'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['employeeNo', 'name', 'hireDate']));
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers 401 problem+json without credentials, except sign-in and the survey links (P5.1.1)', async () => {
    const PUBLIC = ['/api/v1/auth/sign-in', '/api/v1/surveys/00000000-0000-4000-8000-000000000000'];
    const routes = apiRoutes(t.app).filter((r) => !PUBLIC.includes(r.url));
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      const res = await t.app.inject({ method: r.method, url: r.url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses a route registered without an access rule', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuthentication } = await import('./auth.ts');
    const app = Fastify();
    registerAuthentication(app, t.db);
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no access rule/);
  });
});

describe('operations', () => {
  it('healthz answers, readyz checks the database, and every answer carries a request id', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz', headers: { 'x-request-id': 'req-123' } });
    expect(ready.json()).toMatchObject({ status: 'ready' });
    expect(ready.headers['x-request-id']).toBe('req-123');
  });

  it('answers unknown API paths with a 404 problem in the caller language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', title: '未找到' });
  });
});
