import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requestLocale } from '../../platform/messages.ts';
import { type IngestResult, ingestEmail, MAX_RAW_BYTES, rejectionDetail } from './service.ts';

/** What the message/rfc822 parser hands over when a body passed the limit: its head and full size. */
class Oversized {
  constructor(
    readonly head: Buffer,
    readonly size: number,
  ) {}
}

const HEAD_BYTES = 64 * 1024;

/**
 * Reads a raw message up to the route's body limit. Past it, keeps only the head (to record the
 * refusal under the message's own id and sender) and drains the rest without keeping it.
 */
function readRaw(request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer | Oversized> {
  const limit = request.routeOptions.bodyLimit ?? MAX_RAW_BYTES;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (size <= limit) {
        if (size + b.length <= limit) chunks.push(b);
        else {
          const kept = Buffer.concat(chunks);
          chunks.length = 0;
          chunks.push(kept.subarray(0, HEAD_BYTES));
          if (kept.length < HEAD_BYTES) chunks.push(b.subarray(0, HEAD_BYTES - kept.length));
        }
      }
      size += b.length;
    });
    payload.on('end', () => resolve(size > limit ? new Oversized(Buffer.concat(chunks), size) : Buffer.concat(chunks, size)));
    payload.on('error', reject);
  });
}

const answer = z.object({ outcome: z.enum(['order', 'comment']), workOrderId: z.string(), number: z.string() });

function refusal(result: Extract<IngestResult, { outcome: 'rejected' }>, request: FastifyRequest) {
  const detail = rejectionDetail(result.reason, requestLocale(request));
  const extra = { detail, reason: result.reason };
  switch (result.reason) {
    case 'too_large':
      return new AppError(413, 'validation.failed', {
        fields: [{ field: 'body', code: 'too_large', key: 'field.too_big.number', params: { maximum: MAX_RAW_BYTES } }],
        extra,
      });
    case 'malformed':
      return new AppError(400, 'validation.failed', { fields: [{ field: 'body', code: 'malformed_mime', key: 'field.invalid' }], extra });
    case 'attachment_too_large':
      return new AppError(400, 'validation.failed', { fields: [{ field: 'attachments', code: 'too_big', key: 'field.invalid' }], extra });
    default:
      return new AppError(422, 'business_rule', { extra });
  }
}

/** Inbound email (P4.1.1) handed in by a mail gateway over HTTP; the built-in SMTP listener is smtp.ts. */
export const inboundEmailRoutes: RouteModule = (app, deps) => {
  app.addContentTypeParser('message/rfc822', (request, payload, done) => {
    readRaw(request, payload).then(
      (body) => done(null, body),
      (err: Error) => done(err, undefined),
    );
  });
  const r = zodRoutes(app);

  r.post(
    '/api/v1/inbound/email',
    {
      bodyLimit: MAX_RAW_BYTES,
      config: { access: 'inbound_email.submit' },
      schema: {
        tags: ['inbound'],
        description:
          'A raw RFC 5322 message (Content-Type: message/rfc822, at most 25 MB). A reply to one of our notification emails, or a message whose subject quotes an order number, from that order\'s customer, becomes a comment on the order; any other message from a known customer address becomes a new work order. A re-delivered Message-ID answers the earlier outcome with 200.',
        response: { 200: answer, 201: answer },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!(body instanceof Oversized) && !Buffer.isBuffer(body)) {
        throw new AppError(415, 'validation.failed', {
          fields: [{ field: 'content-type', code: 'invalid_value', key: 'field.invalid_value', params: { values: 'message/rfc822' } }],
        });
      }
      const ctx = contextOf(request, deps);
      const meta = { via: 'http' as const, userId: ctx.actor.userId, requestId: ctx.requestId, log: request.log };
      const result =
        body instanceof Oversized ? await ingestEmail(deps.db, body.head, { ...meta, totalSize: body.size }) : await ingestEmail(deps.db, body, meta);
      if (result.outcome === 'rejected') {
        if (body instanceof Oversized) reply.header('connection', 'close');
        throw refusal(result, request);
      }
      return reply.code(result.replay ? 200 : 201).send({ outcome: result.outcome, workOrderId: result.workOrderId, number: result.number });
    },
  );
};
