import type { FieldProblem, Problem } from './types.ts';

export const API_BASE = '/api/v1';

/** A failed API call: the server's problem+json, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : `http.${status}`);
    this.title = problem.title ?? '';
    this.detail = problem.detail;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfterSeconds = typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface ClientConfig {
  /** The current UI language, sent as Accept-Language. */
  language: () => string;
  /** Called when a request (other than the session probe) answers 401 auth.required. */
  onUnauthorized: () => void;
}

const config: ClientConfig = {
  language: () => 'zh-CN',
  onUnauthorized: () => {},
};

let csrfToken: string | null = null;

export function configureClient(next: Partial<ClientConfig>): void {
  Object.assign(config, next);
}

/** Kept from the last sign-in or /auth/me answer; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentLanguage(): string {
  return config.language();
}

/** `?a=1&b=x` from the defined, non-empty values; '' when there are none. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not report 401 to onUnauthorized (used by the session probe and sign-in). */
  quiet401?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': config.language(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network' });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const problem = await readProblem(response);
  if (problem.retryAfterSeconds === undefined) {
    const header = Number(response.headers.get('retry-after'));
    if (Number.isFinite(header) && header > 0) problem.retryAfterSeconds = header;
  }
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && error.code === 'auth.required' && !options.quiet401) config.onUnauthorized();
  throw error;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') return { status: response.status, ...(parsed as Problem) };
  } catch {
    // not JSON (a proxy error page, say): fall through
  }
  return { status: response.status };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** `segment` made safe for a path (ids are UUIDs, but setting keys contain dots). */
export function seg(segment: string): string {
  return encodeURIComponent(segment);
}

/** Field path of a problem (`skills.0.level`) as an antd Form name path (['skills', 0, 'level']). */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Downloads a file the API renders (an Excel export), named as the server says, else
 * `fallbackName`; texts inside it follow the current UI language (sent as Accept-Language).
 */
export async function downloadFile(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const response = await fetch(`${API_BASE}${path}${toQueryString(query)}`, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLanguage() },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
