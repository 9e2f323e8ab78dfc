import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Locale } from '../db/schema.ts';
import { isMessageKey, type MessageKey, message, requestLocale } from './messages.ts';

export type FieldError = { field: string; code: string; message: string };
type PendingFieldError = { field: string; code: string; key: MessageKey; params?: Record<string, unknown> };

/** An error the API answers as RFC 9457 problem+json, with a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly options: {
      params?: Record<string, unknown>;
      fields?: PendingFieldError[];
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
  }
}

export const errors = {
  invalid: (fields: PendingFieldError[]) => new AppError(400, 'validation.failed', { fields }),
  invalidField: (field: string, key: MessageKey, params?: Record<string, unknown>) =>
    new AppError(400, 'validation.failed', { fields: [{ field, code: key.replace(/^field\./, ''), key, params }] }),
  unauthenticated: () => new AppError(401, 'auth.required'),
  forbidden: () => new AppError(403, 'forbidden'),
  notFound: () => new AppError(404, 'not_found'),
  stale: () => new AppError(409, 'conflict.stale'),
  duplicate: (field: string) =>
    new AppError(409, 'conflict.duplicate', { fields: [{ field, code: 'duplicate', key: 'field.duplicate' }] }),
  businessRule: (detail: string) => new AppError(422, 'business_rule', { extra: { detail } }),
  /** A broken business rule with its own message (title in the caller's language) and any facts the client needs. */
  rule: (key: MessageKey, params?: Record<string, unknown>, extra?: Record<string, unknown>) =>
    new AppError(422, key, { params, extra }),
  illegalTransition: (state: string, allowed: string[]) => new AppError(409, 'conflict.transition', { extra: { state, allowed } }),
};

const TITLE_STATUS: Record<number, MessageKey> = {
  400: 'validation.failed',
  401: 'auth.required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict.stale',
};

// Unique constraints named by the migrations, and the API field each one guards.
const UNIQUE_FIELDS: Record<string, string> = {
  employees_employee_no_key: 'employeeNo',
  users_username_key: 'username',
  users_employee_id_key: 'employeeId',
  customers_customer_no_key: 'customerNo',
  installed_products_serial_number_key: 'serialNumber',
  teams_name_key: 'name',
  employee_skills_employee_id_skill_key: 'skills',
  settings_key_effective_from_key: 'effectiveFrom',
  parts_part_no_key: 'partNo',
  tools_asset_no_key: 'assetNo',
  fault_codes_pkey: 'code',
};

function zodFieldError(v: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }, context: string | undefined): PendingFieldError[] {
  const base = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const field = (name: string) => (name ? prefix + name : context ?? 'body');
  const p = v.params;
  switch (v.keyword) {
    case 'unrecognized_keys':
      return ((p.keys as string[]) ?? []).map((k) => ({
        field: field(base ? `${base}.${k}` : k),
        code: 'unrecognized_keys',
        key: 'field.unrecognized_keys',
      }));
    case 'invalid_type':
      if (v.message?.includes('received undefined'))
        return [{ field: field(base), code: 'required', key: 'field.required' }];
      return [{ field: field(base), code: 'invalid_type', key: 'field.invalid_type', params: { expected: p.expected } }];
    case 'too_big':
    case 'too_small': {
      const origin = String(p.origin ?? 'number');
      const kind = origin === 'string' || origin === 'array' ? origin : 'number';
      const key = `field.${v.keyword}.${kind}`;
      return [
        {
          field: field(base),
          code: v.keyword,
          key: isMessageKey(key) ? key : 'field.invalid',
          params: { maximum: p.maximum, minimum: p.minimum },
        },
      ];
    }
    case 'invalid_format':
      return [{ field: field(base), code: 'invalid_format', key: 'field.invalid_format', params: { format: p.format } }];
    case 'invalid_value':
      return [
        {
          field: field(base),
          code: 'invalid_value',
          key: 'field.invalid_value',
          params: { values: ((p.values as unknown[]) ?? []).join(', ') },
        },
      ];
    case 'custom': {
      const key = (p.params as { messageKey?: string } | undefined)?.messageKey;
      return [
        { field: field(base), code: key ? key.replace(/^field\./, '') : 'invalid', key: key && isMessageKey(key) ? key : 'field.invalid' },
      ];
    }
    default:
      return [{ field: field(base), code: v.keyword, key: 'field.invalid' }];
  }
}

function problem(reply: FastifyReply, locale: Locale, error: AppError) {
  const fields = error.options.fields?.map((f) => ({
    field: f.field,
    code: f.code,
    message: message(f.key, locale, f.params),
  }));
  for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
  return reply
    .code(error.status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: message(error.code, locale, error.options.params),
      status: error.status,
      code: error.code,
      ...(fields?.length ? { errors: fields } : {}),
      ...error.options.extra,
      instance: reply.request.url,
      requestId: reply.request.id,
    });
}

type PgError = { code?: string; constraint?: string; constraint_name?: string; detail?: string };

/** Maps whatever a handler threw to problem+json; only an unexpected error is a 500. */
export function errorHandler(err: FastifyError & PgError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  if (err instanceof AppError) return problem(reply, locale, err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.flatMap((v) => zodFieldError(v as never, err.validationContext));
    // One message per field: a value failing several checks reports the first.
    const firstPerField = fields.filter((f, i) => fields.findIndex((g) => g.field === f.field) === i);
    return problem(reply, locale, errors.invalid(firstPerField));
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
    return problem(
      reply,
      locale,
      new AppError(400, 'validation.failed', {
        fields: [{ field: 'body', code: 'malformed_json', key: 'validation.malformed_json' }],
      }),
    );
  }
  if (err.code === '23505') {
    const constraint = err.constraint ?? err.constraint_name ?? '';
    return problem(reply, locale, errors.duplicate(UNIQUE_FIELDS[constraint] ?? constraint));
  }
  if (err.code === '23503') return problem(reply, locale, errors.invalidField('reference', 'field.reference'));
  if (err.code === '22008' || err.code === '22007') return problem(reply, locale, errors.invalidField('date', 'field.date_range'));
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
  } else if (err.statusCode && err.statusCode < 500) {
    const code = TITLE_STATUS[err.statusCode];
    if (code) return problem(reply, locale, new AppError(err.statusCode, code));
    return reply.code(err.statusCode).type('application/problem+json').send({
      type: 'about:blank',
      title: err.message,
      status: err.statusCode,
      code: err.code ?? 'request',
    });
  } else {
    request.log.error({ err }, 'unhandled error');
  }
  return problem(reply, locale, new AppError(500, 'internal'));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return problem(reply, requestLocale(request), errors.notFound());
}
