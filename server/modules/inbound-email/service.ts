import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { DB, Locale } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { MESSAGE_ID_DOMAIN } from '../notifications/dispatcher.ts';
import { notifyOrderEvent } from '../notifications/service.ts';
import type { AttachmentInput } from '../work-orders/attachments.ts';
import { storeAttachments } from '../work-orders/attachments.ts';
import { receiveOrder } from '../work-orders/intake.ts';
import { MAX_ATTACHMENT_BYTES } from '../work-orders/schemas.ts';
import {
  claimMessage,
  customersBySender,
  inboundByMessageId,
  insertEmailComment,
  orderByNumber,
  orderNumber,
  orderOfNotification,
  senderBelongsTo,
  settleMessage,
} from './queries.ts';

/** The largest raw message accepted, by HTTP or SMTP (P4.1.1). */
export const MAX_RAW_BYTES = 25 * 1024 * 1024;
const MAX_TEXT = 8000;
const MAX_TITLE = 120;

export type RejectReason = 'malformed' | 'too_large' | 'attachment_too_large' | 'unknown_sender' | 'ambiguous_sender' | 'auto_reply';

export type IngestResult =
  | { outcome: 'order' | 'comment'; workOrderId: string; number: string; inboundId: string; replay: boolean }
  | { outcome: 'rejected'; reason: RejectReason; detail: string; inboundId: string | null; replay: boolean };

type Log = { info: (o: object, msg?: string) => void; warn: (o: object, msg?: string) => void };

export type IngestMeta = {
  via: 'http' | 'smtp';
  /** The integration user who handed the message in (HTTP), or null (the SMTP listener). */
  userId?: string | null;
  requestId?: string | null;
  /** The full size when `raw` is only the head of a message too large to keep. */
  totalSize?: number;
  log?: Log;
  now?: Date;
};

const DETAIL: Record<RejectReason, Record<Locale, string>> = {
  malformed: { en: 'Not a readable email message (RFC 5322): it needs a From address', 'zh-CN': '不是可读取的邮件（RFC 5322）：缺少发件人地址' },
  too_large: { en: `The message is larger than ${MAX_RAW_BYTES / 1024 / 1024} MB`, 'zh-CN': `邮件超过 ${MAX_RAW_BYTES / 1024 / 1024} MB` },
  attachment_too_large: {
    en: `An attachment is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    'zh-CN': `附件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
  },
  unknown_sender: {
    en: 'The sender address belongs to no customer; register it on the customer or a contact first',
    'zh-CN': '发件人地址不属于任何客户，请先在客户或联系人上登记该地址',
  },
  ambiguous_sender: {
    en: 'The sender address belongs to several customers; the order cannot be placed automatically',
    'zh-CN': '发件人地址属于多个客户，无法自动建单',
  },
  auto_reply: { en: 'Automatic replies (Auto-Submitted) are not taken as requests', 'zh-CN': '自动回复邮件（Auto-Submitted）不作为报修受理' },
};

export function rejectionDetail(reason: RejectReason, locale: Locale): string {
  return DETAIL[reason][locale];
}

// Our notification emails carry `<wo-<orderId>-<notificationId>@aftersales.local>`.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OUR_MESSAGE_ID = new RegExp(`^<?wo-(${UUID})-(${UUID})@${MESSAGE_ID_DOMAIN.replace('.', '\\.')}>?$`, 'i');
const ORDER_NUMBER = /\bWO-\d{8}-\d{4,}\b/gi;

function firstAddress(a: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  for (const group of list) {
    for (const v of group.value) {
      if (v.address?.includes('@')) return { address: v.address.trim(), name: v.name?.trim() || null };
      for (const g of v.group ?? []) if (g.address?.includes('@')) return { address: g.address.trim(), name: g.name?.trim() || null };
    }
  }
  return null;
}

function clip(s: string, max: number) {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The new part of a reply: what comes before the quoted earlier message, if anything does. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.findIndex(
    (l) =>
      /^On .{4,200} wrote:\s*$/.test(l.trim()) ||
      /^在.{2,200}写道[:：]\s*$/.test(l.trim()) ||
      /^-{2,}\s*(Original Message|原始邮件|Forwarded message)\s*-{2,}/i.test(l.trim()) ||
      /^(From|发件人)[:：]\s.+/.test(l.trim()),
  );
  const kept = (cut > 0 ? lines.slice(0, cut) : lines).filter((l) => !l.startsWith('>'));
  const result = kept.join('\n').trim();
  return result || text.trim();
}

/** The message id that makes a delivery unique: the header's, else a digest of the bytes. */
function messageIdOf(parsed: ParsedMail | null, raw: Buffer): string {
  const header = parsed?.messageId?.trim();
  if (header) return clip(header, 500);
  return `<sha256-${createHash('sha256').update(raw).digest('hex')}@inbound.${MESSAGE_ID_DOMAIN}>`;
}

/** Only the header block of a message, so a too-large one is still recorded under its own id and sender. */
async function parseHead(raw: Buffer): Promise<ParsedMail | null> {
  const head = raw.subarray(0, 64 * 1024);
  let end = head.indexOf('\r\n\r\n');
  if (end < 0) end = head.indexOf('\n\n');
  try {
    return await simpleParser(Buffer.concat([end >= 0 ? head.subarray(0, end) : head, Buffer.from('\r\n\r\n')]));
  } catch {
    return null;
  }
}

class AlreadyRecorded extends Error {}

async function answerEarlier(db: Kysely<DB>, messageId: string): Promise<IngestResult | null> {
  const seen = await inboundByMessageId(db, messageId);
  if (!seen) return null;
  if (seen.outcome !== 'rejected' && seen.workOrderId && seen.number) {
    return { outcome: seen.outcome, workOrderId: seen.workOrderId, number: seen.number, inboundId: seen.id, replay: true };
  }
  const code = seen.error?.split(':')[0] ?? '';
  const reason: RejectReason = code in DETAIL ? (code as RejectReason) : 'malformed';
  return { outcome: 'rejected', reason, detail: DETAIL[reason].en, inboundId: seen.id, replay: true };
}

/** Records a refused message (nothing else is created) and logs it. */
async function reject(db: Kysely<DB>, meta: IngestMeta, reason: RejectReason, record: Parameters<typeof claimMessage>[1]): Promise<IngestResult> {
  const error = `${reason}: ${DETAIL[reason].en}`;
  meta.log?.warn({ via: meta.via, reason, messageId: record.messageId, from: record.fromAddress, size: record.size }, 'inbound email refused');
  const id = await db.transaction().execute(async (trx) => {
    const claimed = await claimMessage(trx, record);
    if (!claimed) throw new AlreadyRecorded();
    await settleMessage(trx, claimed, { outcome: 'rejected', workOrderId: null, error });
    return claimed;
  });
  return { outcome: 'rejected', reason, detail: DETAIL[reason].en, inboundId: id, replay: false };
}

type Target = { kind: 'comment'; order: { id: string; number: string } } | { kind: 'order'; customerId: string; contactId: string | null; contactName: string | null } | { kind: 'rejected'; reason: RejectReason };

/** Which order a message answers: one of our Message-IDs in its thread headers, else an order number in its subject from the order's own customer. */
async function targetOf(trx: Transaction<DB>, parsed: ParsedMail, sender: string): Promise<Target> {
  const refs = [parsed.inReplyTo ?? '', ...(Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [])]
    .flatMap((r) => r.split(/\s+/))
    .filter(Boolean);
  for (const ref of refs) {
    const m = OUR_MESSAGE_ID.exec(ref.trim());
    if (!m?.[1] || !m[2]) continue;
    const order = await orderOfNotification(trx, m[1].toLowerCase(), m[2].toLowerCase());
    if (order) return { kind: 'comment', order };
  }
  for (const number of new Set((parsed.subject ?? '').toUpperCase().match(ORDER_NUMBER) ?? [])) {
    const order = await orderByNumber(trx, number);
    // An order number is easy to guess: only the order's own customer may comment by quoting it.
    if (order && (await senderBelongsTo(trx, order, sender))) return { kind: 'comment', order };
  }
  const matches = await customersBySender(trx, sender);
  const customers = new Set(matches.map((m) => m.customerId));
  if (customers.size === 0) return { kind: 'rejected', reason: 'unknown_sender' };
  if (customers.size > 1) return { kind: 'rejected', reason: 'ambiguous_sender' };
  const contact = matches.find((m) => m.contactId);
  return { kind: 'order', customerId: matches[0]!.customerId, contactId: contact?.contactId ?? null, contactName: contact?.name ?? null };
}

/**
 * Takes one raw RFC 5322 message (P4.1.1). A reply to one of our notification emails, or a
 * message quoting an order number from that order's customer, becomes a public `email` comment
 * on the order, with its attachments. Any other message from a known customer address becomes a
 * new work order on the email channel. Every message is recorded in `inbound_emails` once: a
 * re-delivered Message-ID answers the earlier outcome and creates nothing. Unknown senders,
 * automatic replies, malformed and oversized messages are refused, logged and recorded as
 * `rejected`; nothing else is written for them.
 */
export async function ingestEmail(db: Kysely<DB>, raw: Buffer, meta: IngestMeta): Promise<IngestResult> {
  const now = meta.now ?? new Date();
  const size = Math.max(raw.length, meta.totalSize ?? 0);
  let messageId: string | null = null;
  try {
    if (size > MAX_RAW_BYTES) {
      const head = await parseHead(raw);
      messageId = head?.messageId ? clip(head.messageId.trim(), 500) : null;
      if (messageId) {
        const earlier = await answerEarlier(db, messageId);
        if (earlier) return earlier;
      }
      const from = head ? firstAddress(head.from) : null;
      return await reject(db, meta, 'too_large', { messageId, fromAddress: from?.address ?? null, subject: head?.subject ?? null, size, receivedAt: now });
    }

    let parsed: ParsedMail | null = null;
    try {
      parsed = raw.length ? await simpleParser(raw, { skipImageLinks: true }) : null;
    } catch (err) {
      meta.log?.warn({ err }, 'inbound email could not be parsed');
    }
    messageId = messageIdOf(parsed, raw);
    const earlier = await answerEarlier(db, messageId);
    if (earlier) return earlier;

    const from = parsed ? firstAddress(parsed.from) : null;
    const record = { messageId, fromAddress: from?.address ?? null, subject: parsed?.subject ? clip(parsed.subject, 500) : null, size, receivedAt: now };
    if (!parsed || !from) return await reject(db, meta, 'malformed', record);
    const autoSubmitted = parsed.headers.get('auto-submitted');
    if (autoSubmitted && String(autoSubmitted).trim().toLowerCase() !== 'no') return await reject(db, meta, 'auto_reply', record);
    if (parsed.attachments.some((a) => a.size > MAX_ATTACHMENT_BYTES || a.content.length > MAX_ATTACHMENT_BYTES)) {
      return await reject(db, meta, 'attachment_too_large', record);
    }

    const senderLabel = from.name ? `${from.name} <${from.address}>` : from.address;
    const text = (parsed.text ?? '').trim();
    const attachments: AttachmentInput[] = parsed.attachments.map((a, i) => ({
      filename: clip(a.filename?.trim() || `attachment-${i + 1}`, 200),
      contentType: /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType) ? a.contentType : 'application/octet-stream',
      data: a.content,
    }));

    const outcome = await db.transaction().execute(async (trx): Promise<IngestResult> => {
      const inboundId = await claimMessage(trx, record);
      if (!inboundId) throw new AlreadyRecorded();
      const target = await targetOf(trx, parsed, from.address);
      if (target.kind === 'rejected') {
        await settleMessage(trx, inboundId, { outcome: 'rejected', workOrderId: null, error: `${target.reason}: ${DETAIL[target.reason].en}` });
        return { outcome: 'rejected', reason: target.reason, detail: DETAIL[target.reason].en, inboundId, replay: false };
      }
      if (target.kind === 'comment') {
        const comment = await insertEmailComment(trx, {
          workOrderId: target.order.id,
          authorUserId: null,
          authorLabel: clip(senderLabel, 200),
          body: clip(replyText(text) || parsed.subject?.trim() || '-', MAX_TEXT),
        });
        await storeAttachments(trx, target.order.id, attachments, { userId: null, label: senderLabel }, { commentId: comment.id });
        await writeAudit(
          trx,
          { actor: null, requestId: meta.requestId ?? null, label: senderLabel, userId: meta.userId ?? null },
          {
            action: 'work_order.email',
            entityType: 'work_order',
            entityId: target.order.id,
            after: { commentId: comment.id, messageId, via: meta.via, attachments: attachments.map((a) => ({ filename: a.filename, size: a.data.length })) },
          },
        );
        // The people working the order hear that the customer wrote.
        await notifyOrderEvent(trx, target.order.id, 'question');
        await settleMessage(trx, inboundId, { outcome: 'comment', workOrderId: target.order.id, error: null });
        return { outcome: 'comment', workOrderId: target.order.id, number: target.order.number, inboundId, replay: false };
      }
      const subject = (parsed.subject ?? '').replace(/\s+/g, ' ').trim();
      const title = clip(subject || text.split('\n')[0]?.trim() || '(无主题 / no subject)', MAX_TITLE);
      const workOrderId = await receiveOrder(
        trx,
        {
          channel: 'email',
          customerId: target.customerId,
          contactId: target.contactId,
          siteId: null,
          productId: null,
          reporterName: clip(from.name ?? target.contactName ?? from.address, 50),
          reporterPhone: null,
          reporterEmail: from.address,
          title,
          description: clip(text || title, MAX_TEXT),
          category: 'fault_repair',
          priority: 'normal',
          preferredFrom: null,
          preferredTo: null,
          duplicateOfId: null,
          assigneeId: null,
          teamId: null,
          attachments,
        },
        { userId: meta.userId ?? null, employeeId: null, label: senderLabel, requestId: meta.requestId ?? null },
        now,
      );
      await settleMessage(trx, inboundId, { outcome: 'order', workOrderId, error: null });
      return { outcome: 'order', workOrderId, number: await orderNumber(trx, workOrderId), inboundId, replay: false };
    });
    if (outcome.outcome === 'rejected') meta.log?.warn({ via: meta.via, reason: outcome.reason, messageId, from: from.address }, 'inbound email refused');
    else meta.log?.info({ via: meta.via, outcome: outcome.outcome, number: outcome.number, messageId }, 'inbound email taken');
    return outcome;
  } catch (err) {
    // Another delivery of the same message got there first: answer what it did.
    if (err instanceof AlreadyRecorded && messageId) {
      const earlier = await answerEarlier(db, messageId);
      if (earlier) return earlier;
    }
    throw err;
  }
}
