// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, configureClient, fieldPath, request, setCsrfToken, toQueryString } from './client.ts';

describe('fieldPath', () => {
  it('turns problem field paths into antd name paths', () => {
    expect(fieldPath('skills.0.level')).toEqual(['skills', 0, 'level']);
    expect(fieldPath('certificates[1].expiresOn')).toEqual(['certificates', 1, 'expiresOn']);
    expect(fieldPath('name')).toEqual(['name']);
    expect(fieldPath('')).toEqual([]);
  });
});

describe('toQueryString', () => {
  it('keeps only defined, non-empty values', () => {
    expect(toQueryString({ q: '张三', status: 'all', cursor: undefined, teamId: '', limit: 25 })).toBe('?q=%E5%BC%A0%E4%B8%89&status=all&limit=25');
    expect(toQueryString({})).toBe('');
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('sends the language, and the CSRF token on writes only', async () => {
    const fetchMock = vi.fn(async () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    configureClient({ language: () => 'en' });
    setCsrfToken('csrf-1');
    await request('GET', '/employees');
    await request('PATCH', '/employees/1', { body: { version: 1 } });
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    const [getUrl, getInit] = calls[0]!;
    const [, patchInit] = calls[1]!;
    expect(getUrl).toBe('/api/v1/employees');
    expect(getInit.credentials).toBe('same-origin');
    expect((getInit.headers as Record<string, string>)['Accept-Language']).toBe('en');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((patchInit.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1');
    expect(patchInit.body).toBe('{"version":1}');
  });

  it('throws ApiError carrying the problem', async () => {
    const problem = {
      type: 'about:blank',
      title: '请求无效',
      status: 400,
      code: 'validation.failed',
      detail: 'x',
      errors: [{ field: 'skills.0.level', code: 'too_big', message: '不能大于 5' }],
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    const error = await request('POST', '/employees', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation.failed');
    expect(apiError.title).toBe('请求无效');
    expect(apiError.fieldErrors[0]?.field).toBe('skills.0.level');
  });

  it('reports an expired session, and reads retryAfterSeconds of a lock', async () => {
    const onUnauthorized = vi.fn();
    configureClient({ onUnauthorized });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ status: 401, code: 'auth.required', title: 'Sign in' }), { status: 401 }));
    await request('GET', '/customers').catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ status: 429, code: 'auth.locked', title: 'Locked', retryAfterSeconds: 60 }), { status: 429 }));
    const locked = (await request('POST', '/auth/sign-in', { body: {}, quiet401: true }).catch((e: unknown) => e)) as ApiError;
    expect(locked.code).toBe('auth.locked');
    expect(locked.retryAfterSeconds).toBe(60);
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await request('GET', '/customers').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
  });
});
