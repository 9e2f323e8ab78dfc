import type { Insertable, Transaction } from 'kysely';
import type { SlaClock } from '../../../core/work-orders.ts';
import type { DB, Locale, NotificationsTable } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { getSetting } from '../settings/service.ts';
import {
  inAppPage,
  insertNotifications,
  markRead,
  orderForNotice,
  ownInApp,
  portalUsers,
  supervisorUser,
  unreadCount,
  userOfEmployee,
  usersById,
} from './queries.ts';
import { formatInstant, renderNotification, type TemplateContext } from './templates.ts';

/** Events of an order that the customer and staff hear about (P4.3.3). */
export type OrderEvent =
  | 'received'
  | 'assigned'
  | 'en_route'
  | 'on_site'
  | 'done'
  | 'report_ready'
  | 'answered'
  | 'question'
  | 'sla_warning'
  | 'sla_breach'
  | 'survey'
  | 'follow_up_due'
  | 'follow_up_overdue';

/** Events the customer hears of; the others go to staff only. */
export const CUSTOMER_EVENTS: ReadonlySet<OrderEvent> = new Set(['received', 'assigned', 'en_route', 'on_site', 'done', 'report_ready', 'answered', 'survey']);

const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Which outbound channels get rows besides in-app and email. Set once at start-up from the
 * configuration (NOTIFY_WEBHOOK_URL): a webhook row queued with nowhere to go would only pile up.
 */
const channelOptions = { webhook: false };
export function configureNotificationChannels(o: { webhook: boolean }) {
  channelOptions.webhook = o.webhook;
}

type Order = Awaited<ReturnType<typeof orderForNotice>>;

async function templateContext(trx: Transaction<DB>, order: Order, detail: Record<string, string>): Promise<TemplateContext> {
  const zone = await getSetting(trx, 'company.timeZone');
  const arrival = detail.expectedArrivalAt ? new Date(detail.expectedArrivalAt) : order.expectedArrivalAt;
  const dueAt = detail.dueAt ? new Date(detail.dueAt) : null;
  return {
    number: order.number,
    title: order.title,
    technician: detail.technician ?? order.assigneeName,
    expectedArrival: arrival && !Number.isNaN(arrival.getTime()) ? formatInstant(arrival, zone) : null,
    clock: (detail.clock as SlaClock | undefined) ?? null,
    dueAt: dueAt && !Number.isNaN(dueAt.getTime()) ? formatInstant(dueAt, zone) : null,
    link: detail.link ?? null,
    subjectLine: detail.subjectLine ?? null,
  };
}

function inAppRows(users: { id: string; locale: Locale }[], order: Order, event: OrderEvent, c: TemplateContext, now: Date): Insertable<NotificationsTable>[] {
  // In-app rows are delivered the moment they are written: they wait in the user's list, not in the outbox.
  return users.map((u) => ({
    channel: 'in_app' as const,
    userId: u.id,
    workOrderId: order.id,
    event,
    locale: u.locale,
    ...renderNotification(event, u.locale, c),
    status: 'sent' as const,
    sentAt: now,
  }));
}

/**
 * Queues the notifications of one order event in the transaction that causes it (outbox,
 * P4.3.3). Customer events: in-app rows for the customer's portal users (each in their own
 * language), one email to the customer's address (the order's reporter, else its contact, else
 * the customer) in the customer's language (the first portal user's, else zh-CN), and, when a
 * gateway is configured, one webhook row for SMS/IM. A question goes to the assignee (else the
 * team's supervisor). The dispatcher sends email and webhook rows afterwards.
 */
export async function notifyOrderEvent(
  trx: Transaction<DB>,
  workOrderId: string,
  event: OrderEvent,
  detail: Record<string, string> = {},
  options: { attachmentId?: string } = {},
) {
  const order = await orderForNotice(trx, workOrderId);
  const c = await templateContext(trx, order, detail);
  const now = new Date();
  if (!CUSTOMER_EVENTS.has(event)) {
    const staff = (await userOfEmployee(trx, order.assigneeId)) ?? (await supervisorUser(trx, order.teamId));
    await insertNotifications(trx, inAppRows(await usersById(trx, staff ? [staff] : []), order, event, c, now));
    return;
  }
  const users = await portalUsers(trx, order.customerId);
  const locale = users[0]?.locale ?? DEFAULT_LOCALE;
  const rows = inAppRows(users, order, event, c, now);
  const address = order.reporterEmail ?? order.contactEmail ?? order.customerEmail;
  if (address)
    rows.push({
      channel: 'email',
      recipient: address,
      workOrderId: order.id,
      event,
      locale,
      attachmentId: options.attachmentId ?? null,
      ...renderNotification(event, locale, c, { email: true }),
    });
  if (channelOptions.webhook) {
    const phone = order.reporterPhone ?? order.contactPhone ?? order.customerPhone;
    rows.push({ channel: 'webhook', recipient: phone, workOrderId: order.id, event, locale, ...renderNotification(event, locale, c) });
  }
  await insertNotifications(trx, rows);
}

/** Queues one in-app notification of an order event for each given staff user, in their own language (SLA alerts). */
export async function notifyUsers(trx: Transaction<DB>, workOrderId: string, event: OrderEvent, userIds: readonly string[], detail: Record<string, string> = {}) {
  const users = await usersById(trx, [...new Set(userIds)]);
  if (!users.length) return 0;
  const order = await orderForNotice(trx, workOrderId);
  const c = await templateContext(trx, order, detail);
  await insertNotifications(trx, inAppRows(users, order, event, c, new Date()));
  return users.length;
}

// ---- the caller's own in-app notifications ----

type Row = Omit<Awaited<ReturnType<typeof inAppPage>>[number], 'sortKey'>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function present(r: Row) {
  return {
    id: r.id,
    event: r.event,
    subject: r.subject,
    body: r.body,
    workOrder: r.workOrderId && r.workOrderNumber ? { id: r.workOrderId, number: r.workOrderNumber } : null,
    workOrderId: r.workOrderId,
    status: r.readAt ? ('read' as const) : ('unread' as const),
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}

export async function listMyNotifications(ctx: ServiceContext, q: { limit: number; cursor?: string; unread?: 'true' | 'false' }) {
  const cursor = decodeCursor(q.cursor);
  if (cursor && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(cursor.key) || !UUID.test(cursor.id))) throw errors.invalidField('cursor', 'field.invalid');
  const after = cursor ? { key: cursor.key, id: cursor.id } : null;
  const rows = await inAppPage(ctx.db, ctx.actor.userId, { limit: q.limit, after, unreadOnly: q.unread === 'true' });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sortKey, last.id) : null,
    unreadCount: await unreadCount(ctx.db, ctx.actor.userId),
  };
}

/** Marks one of the caller's own notifications read; anyone else's is 404. Reading twice keeps the first time. */
export async function readMyNotification(ctx: ServiceContext, id: string) {
  const own = await ownInApp(ctx.db, id, ctx.actor.userId);
  if (!own) throw errors.notFound();
  if (!own.readAt) {
    await ctx.db.transaction().execute(async (trx) => {
      const changed = await markRead(trx, id, new Date());
      if (changed) await writeAudit(trx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id });
    });
  }
  const after = await ownInApp(ctx.db, id, ctx.actor.userId);
  if (!after) throw errors.notFound();
  return present(after);
}
