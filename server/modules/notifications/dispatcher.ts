import type { Kysely, Selectable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { DB, NotificationsTable } from '../../db/schema.ts';
import { claimDue, countWaiting, MAX_ATTEMPTS, markFailed, markSent } from './queries.ts';
import { every } from '../../platform/jobs.ts';

export type OutboundNotification = Selectable<NotificationsTable>;

/** One way out for queued notifications (email, an SMS/IM gateway's webhook, ...). A failure throws. */
export interface NotificationChannel {
  readonly name: 'email' | 'webhook';
  send(notification: OutboundNotification): Promise<void>;
}

type Log = { info: (o: object, msg?: string) => void; warn: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };

export const MESSAGE_ID_DOMAIN = 'aftersales.local';

/**
 * The Message-ID of a notification email: `<wo-<orderId>-<notificationId>@aftersales.local>`.
 * A customer's reply carries it in In-Reply-To/References, and inbound email (P4.1.1) turns the
 * reply into a comment on that order.
 */
export function messageIdOf(n: Pick<OutboundNotification, 'id' | 'workOrderId'>): string {
  return n.workOrderId ? `<wo-${n.workOrderId}-${n.id}@${MESSAGE_ID_DOMAIN}>` : `<notice-${n.id}@${MESSAGE_ID_DOMAIN}>`;
}

type AttachmentFile = { filename: string; contentType: string; data: Buffer | Uint8Array };
export type AttachmentLoader = (id: string) => Promise<AttachmentFile | undefined>;

/** The order file an email carries, read when the email is sent (not copied into the outbox). */
export function attachmentLoader(db: Kysely<DB>): AttachmentLoader {
  return (id) => db.selectFrom('attachments').select(['filename', 'contentType', 'data']).where('id', '=', id).executeTakeFirst();
}

/**
 * Email through a nodemailer transport (SMTP_URL), plain text, in the language the row was
 * rendered in, with the order file the row names (the service report PDF) attached.
 */
export function emailChannel(transport: Transporter, from: string, loadAttachment?: AttachmentLoader): NotificationChannel {
  return {
    name: 'email',
    async send(n) {
      if (!n.recipient) throw new Error('no recipient address');
      const file = n.attachmentId && loadAttachment ? await loadAttachment(n.attachmentId) : undefined;
      if (n.attachmentId && !file) throw new Error('the attached file is gone');
      await transport.sendMail({
        ...(file ? { attachments: [{ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.data) }] } : {}),
        from,
        to: n.recipient,
        subject: n.subject,
        text: n.body,
        messageId: messageIdOf(n),
        // RFC 3834: an automatic message, so that auto-replies do not answer it in a loop.
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': n.locale },
      });
    },
  };
}

/** An SMS or IM gateway: each notification POSTed as JSON to NOTIFY_WEBHOOK_URL; anything but 2xx is a failure. */
export function webhookChannel(url: string, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): NotificationChannel {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'webhook',
    async send(n) {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': n.id },
        body: JSON.stringify({
          id: n.id,
          event: n.event,
          workOrderId: n.workOrderId,
          recipient: n.recipient,
          locale: n.locale,
          subject: n.subject,
          body: n.body,
          createdAt: n.createdAt.toISOString(),
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    },
  };
}

/** How long a claimed row is kept from other dispatchers while it is being sent. */
const LEASE_MS = 5 * 60_000;
/** Waits before the 2nd, 3rd, 4th and 5th attempt. */
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

export type DispatchOptions = { limit?: number; from?: string; channels?: NotificationChannel[]; now?: Date };

/**
 * Sends due email and webhook rows of the outbox (P4.3.3). Rows are claimed in a short
 * transaction (`FOR UPDATE SKIP LOCKED` and a lease), sent outside it, then marked `sent`, or
 * `failed` with `last_error` and retried later until MAX_ATTEMPTS attempts. Without a transport
 * email rows stay pending.
 */
export async function dispatchPending(db: Kysely<DB>, transport: Transporter | null, options: DispatchOptions = {}) {
  const channels = new Map<string, NotificationChannel>();
  if (transport) channels.set('email', emailChannel(transport, options.from ?? 'aftersales@localhost', attachmentLoader(db)));
  for (const c of options.channels ?? []) channels.set(c.name, c);
  const now = options.now ?? new Date();
  const claimed = await db
    .transaction()
    .execute((trx) => claimDue(trx, [...channels.keys()] as ('email' | 'webhook')[], options.limit ?? 50, now, new Date(now.getTime() + LEASE_MS)));
  const result = { claimed: claimed.length, sent: 0, failed: 0 };
  for (const n of claimed) {
    const channel = channels.get(n.channel);
    try {
      if (!channel) throw new Error(`no channel ${n.channel}`);
      await channel.send(n);
      await markSent(db, n.id, new Date());
      result.sent++;
    } catch (err) {
      const wait = n.attempts < MAX_ATTEMPTS ? BACKOFF_MS[Math.min(n.attempts, BACKOFF_MS.length) - 1] : undefined;
      await markFailed(db, n.id, err instanceof Error ? err.message : String(err), wait === undefined ? null : new Date(now.getTime() + wait));
      result.failed++;
    }
  }
  return result;
}

/**
 * Runs the dispatcher every few seconds (main.ts): email through SMTP_URL, webhook rows to
 * NOTIFY_WEBHOOK_URL. Runs never overlap; the timer does not keep the process alive.
 */
export function startNotificationDispatcher(db: Kysely<DB>, config: Pick<Config, 'smtp' | 'notifyWebhookUrl'>, log: Log, everyMs = 5000) {
  // One pooled connection serves a whole batch, unless the URL says otherwise.
  const smtpUrl = config.smtp ? new URL(config.smtp.url) : null;
  if (smtpUrl && !smtpUrl.searchParams.has('pool')) smtpUrl.searchParams.set('pool', 'true');
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl.toString()) : null;
  const channels = config.notifyWebhookUrl ? [webhookChannel(config.notifyWebhookUrl)] : [];
  if (!transport) {
    countWaiting(db, 'email')
      .then((n) => log.warn({ waiting: n }, 'SMTP_URL is not set: notification email stays in the outbox until it is'))
      .catch(() => {});
  }
  const job = every(
    everyMs,
    async () => {
      const r = await dispatchPending(db, transport, { from: config.smtp?.from, channels });
      if (r.failed) log.warn(r, 'some notifications could not be sent; they are retried');
    },
    (err) => log.error({ err }, 'notification dispatch failed'),
  );
  return {
    async stop() {
      await job.stop();
      transport?.close();
    },
  };
}
