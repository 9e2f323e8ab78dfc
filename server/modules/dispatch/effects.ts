import type { Kysely, Transaction } from 'kysely';
import type { Reason } from '../../../core/dispatch/eligibility.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { type MessageKey, message } from '../../platform/messages.ts';
import type { TransitionEffect } from '../work-orders/effects.ts';
import { assignmentReasons } from './candidates.ts';

// Eligibility everywhere (P4.1.2): the lifecycle's assign, reassign and take run the same check
// as the board's assign, the ranking and the day plans, and refuse the same way: 422
// `dispatch.ineligible` naming the technician, with `reasons` (codes and their facts) for the
// client and each reason rendered in the caller's language in the title.

type Db = Kysely<DB> | Transaction<DB>;

const stamp = new Map<string, Intl.DateTimeFormat>();
/** `YYYY-MM-DD HH:mm` of an instant in the company time zone. */
function wallClock(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let f = stamp.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    stamp.set(timeZone, f);
  }
  return f.format(at);
}

const LEAVE_KINDS = new Set(['annual', 'sick', 'personal', 'training', 'other']);

/** One reason in one language (the message catalogue has every code in both). */
export function renderReason(r: Reason, locale: Locale, timeZone: string): string {
  switch (r.code) {
    case 'on_leave': {
      const kind = LEAVE_KINDS.has(r.kind) ? message(`dispatch.leave.${r.kind}` as MessageKey, locale) : r.kind;
      return message('dispatch.reason.on_leave', locale, { kind, from: wallClock(r.from, timeZone), to: wallClock(r.to, timeZone) });
    }
    case 'deadline':
      return r.earliest
        ? message('dispatch.reason.deadline', locale, { deadline: wallClock(r.deadline, timeZone), earliest: wallClock(r.earliest, timeZone) })
        : message('dispatch.reason.deadline_no_time', locale, { deadline: wallClock(r.deadline, timeZone) });
    default:
      return message(`dispatch.reason.${r.code}` as MessageKey, locale, r as unknown as Record<string, unknown>);
  }
}

export function renderReasons(reasons: readonly Reason[], locale: Locale, timeZone: string): string {
  return reasons.map((r) => renderReason(r, locale, timeZone)).join(locale === 'zh-CN' ? '；' : '; ');
}

/**
 * 422 `dispatch.ineligible`: the title names the technician and the reasons in the caller's
 * language; the body carries `technicianName` and `reasons` (Reason[]) for the client to show.
 */
export function ineligibleError(technicianName: string, reasons: readonly Reason[], timeZone: string): AppError {
  return new AppError(422, 'dispatch.ineligible', {
    params: { name: technicianName, reasonsEn: renderReasons(reasons, 'en', timeZone), reasonsZh: renderReasons(reasons, 'zh-CN', timeZone) },
    extra: { technicianName, reasons },
  });
}

/**
 * P4.1.2: refuses (422 `dispatch.ineligible`) when the employee may not take the order on its
 * day; 400 naming `field` when they are no active employee. `db` is the caller's transaction
 * when there is one.
 */
export async function checkAssignable(db: Db, orderId: string, technicianId: string, now: Date, field = 'technicianId'): Promise<void> {
  const verdict = await assignmentReasons(db, orderId, technicianId, now);
  if (!verdict) throw errors.invalidField(field, 'field.reference');
  if (verdict.reasons.length > 0) throw ineligibleError(verdict.name, verdict.reasons, verdict.timeZone);
}

/**
 * The lifecycle's assign, reassign and take (P4.1.2): the technician who would get the order
 * (the payload's assignee, or the caller taking it from the pool) must be eligible for it on
 * its day, and able to make a hard arrival deadline. Runs inside the step's transaction.
 */
export const requireEligible: TransitionEffect = async ({ trx, ctx, order, payload, now }) => {
  const technicianId = typeof payload.assigneeId === 'string' ? payload.assigneeId : ctx.actor.employeeId;
  if (!technicianId) return;
  await checkAssignable(trx, order.id, technicianId, now, typeof payload.assigneeId === 'string' ? 'payload.assigneeId' : 'technicianId');
};
