import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { MAX_ATTACHMENT_BYTES } from './schemas.ts';

export type AttachmentInput = { filename: string; contentType: string; data: Buffer };

/** Decodes base64 attachments from a request body, refusing any over the size limit by its field. */
export function decodeAttachments(list: ReadonlyArray<{ filename: string; contentType: string; dataBase64: string }>, field = 'attachments'): AttachmentInput[] {
  return list.map((a, i) => {
    const data = Buffer.from(a.dataBase64, 'base64');
    if (data.length > MAX_ATTACHMENT_BYTES) throw errors.invalidField(`${field}.${i}.dataBase64`, 'field.too_big.number', { maximum: MAX_ATTACHMENT_BYTES });
    return { filename: a.filename, contentType: a.contentType, data };
  });
}

export async function storeAttachments(
  trx: Transaction<DB>,
  workOrderId: string,
  files: ReadonlyArray<AttachmentInput>,
  by: { userId: string | null; label: string },
  links: { commentId?: string; consultationMessageId?: string; feedbackId?: string } = {},
) {
  if (!files.length) return [];
  return trx
    .insertInto('attachments')
    .values(
      files.map((f) => ({
        workOrderId,
        commentId: links.commentId ?? null,
        consultationMessageId: links.consultationMessageId ?? null,
        feedbackId: links.feedbackId ?? null,
        filename: f.filename,
        contentType: f.contentType,
        size: f.data.length,
        sha256: createHash('sha256').update(f.data).digest('hex'),
        data: f.data,
        uploadedBy: by.userId,
        uploadedByLabel: by.label,
      })),
    )
    .returning(['id', 'filename', 'size'])
    .execute();
}
