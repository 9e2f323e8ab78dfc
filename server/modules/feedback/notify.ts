import type { Transaction } from 'kysely';
import type { FeedbackKind } from '../../../core/feedback.ts';
import type { DB, FeedbackTable } from '../../db/schema.ts';
import { message } from '../../platform/messages.ts';
import { departmentUsers } from './queries.ts';

const KIND_KEY = {
  defect: 'feedback.kind.defect',
  suggestion: 'feedback.kind.suggestion',
  opinion: 'feedback.kind.opinion',
} as const satisfies Record<FeedbackKind, string>;

/**
 * Tells the department a record went to (P4.4.3), in-app, each user in their own language. The
 * row names no work order: department users may not open the order, only the feedback record.
 */
export async function notifyDepartment(
  trx: Transaction<DB>,
  f: { number: string; kind: FeedbackKind; department: FeedbackTable['department']; title: string; raisedByLabel: string },
  orderNumber: string,
) {
  const users = await departmentUsers(trx, f.department);
  if (!users.length) return 0;
  const now = new Date();
  await trx
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        channel: 'in_app' as const,
        userId: u.id,
        workOrderId: null,
        event: 'feedback_received',
        locale: u.locale,
        subject: message('feedback.notice.subject', u.locale, { number: f.number }),
        body: message('feedback.notice.body', u.locale, {
          kind: message(KIND_KEY[f.kind], u.locale),
          order: orderNumber,
          title: f.title,
          by: f.raisedByLabel,
        }),
        status: 'sent' as const,
        sentAt: now,
      })),
    )
    .execute();
  return users.length;
}
