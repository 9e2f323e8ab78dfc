import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { customerPolicy } from '../customers/policy.ts';
import { decodeAttachments } from './attachments.ts';
import { type Intake, receiveOrder } from './intake.ts';
import { findCustomerByReference, findIdempotencyKey, insertIdempotencyKey } from './queries.ts';
import { getOrder } from './read.ts';
import type { apiIntakeBody, portalIntakeBody, staffIntakeBody } from './schemas.ts';
import type { z } from 'zod';

const recorder = (ctx: ServiceContext) => ({ userId: ctx.actor.userId, employeeId: ctx.actor.employeeId, label: ctx.actor.displayName, requestId: ctx.requestId });

/** An agent records a report (phone, email, chat) and may hand it to a technician or a team's pool at once. */
export async function intakeByStaff(ctx: ServiceContext, body: z.infer<typeof staffIntakeBody>) {
  const intake: Intake = { ...body, attachments: decodeAttachments(body.attachments) };
  const id = await receiveOrder(ctx.db, intake, recorder(ctx));
  return getOrder(ctx, id);
}

/** A portal customer reports a fault for one of their own sites or products. */
export async function intakeByCustomer(ctx: ServiceContext, body: z.infer<typeof portalIntakeBody>) {
  const customerId = customerPolicy.scope(ctx.actor);
  if (!customerId) throw errors.forbidden();
  const intake: Intake = {
    ...body,
    channel: 'portal',
    customerId,
    reporterName: ctx.actor.displayName,
    reporterPhone: null,
    reporterEmail: null,
    duplicateOfId: null,
    assigneeId: null,
    teamId: null,
    attachments: decodeAttachments(body.attachments),
  };
  return getOrder(ctx, await receiveOrder(ctx.db, intake, recorder(ctx)));
}

/**
 * Webhook intake for chat systems and bots. With an Idempotency-Key, a retried delivery answers
 * the order the first one created (200 instead of 201); the same key with another body is 409.
 */
export async function intakeByApi(ctx: ServiceContext, body: z.infer<typeof apiIntakeBody>, idempotencyKey: string | undefined) {
  const scope = ctx.actor.via.kind === 'token' ? `token:${ctx.actor.via.tokenId}` : `user:${ctx.actor.userId}`;
  const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const replay = async () => {
    if (!idempotencyKey) return null;
    const seen = await findIdempotencyKey(ctx.db, scope, idempotencyKey);
    if (!seen) return null;
    if (seen.requestHash !== requestHash) throw errors.duplicate('Idempotency-Key');
    return { created: false, order: await getOrder(ctx, seen.workOrderId) };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const customer = await findCustomerByReference(ctx.db, body);
  if (!customer) throw errors.invalidField(body.customerId ? 'customerId' : body.customerNo ? 'customerNo' : 'customerPhone', 'field.reference');
  const { customerId: _i, customerNo: _n, customerPhone: _p, ...rest } = body;
  const intake: Intake = { ...rest, customerId: customer.id, duplicateOfId: null, assigneeId: null, teamId: null, attachments: decodeAttachments(body.attachments) };
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const orderId = await receiveOrder(trx, intake, recorder(ctx));
      if (idempotencyKey) await insertIdempotencyKey(trx, { scope, key: idempotencyKey, requestHash, workOrderId: orderId });
      return orderId;
    });
    return { created: true, order: await getOrder(ctx, id) };
  } catch (err) {
    // Two deliveries of one key at the same moment: the loser answers the winner's order.
    if ((err as { code?: string }).code === '23505' && idempotencyKey) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw err;
  }
}
