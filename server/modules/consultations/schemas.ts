import { z } from 'zod';
import { id, text, version } from '../../platform/schemas.ts';
import { attachmentInput } from '../work-orders/schemas.ts';

// Team consultation on a complex fault (P4.2.3).

export const MAX_INVITEES = 20;

const inviteeIds = z.array(id).min(1).max(MAX_INVITEES);

export const openConsultationBody = z.object({ topic: text(200), inviteeIds }).strict();
export type OpenConsultation = z.infer<typeof openConsultationBody>;

export const inviteBody = z.object({ inviteeIds }).strict();

export const messageBody = z
  .object({
    body: text(8000),
    parentId: id.nullish().transform((v) => v ?? null),
    mentions: z.array(id).max(MAX_INVITEES + 1).default([]),
    attachments: z.array(attachmentInput).max(10).default([]),
  })
  .strict();
export type MessageInput = z.infer<typeof messageBody>;

export const agreeBody = z.object({ solution: text(4000), version }).strict();

export const consultationParams = z.object({ consultationId: id }).strict();

const person = z.object({ id: z.string(), name: z.string() });

export const consultationView = z
  .object({
    id: z.string(),
    workOrderId: z.string(),
    topic: z.string(),
    status: z.enum(['open', 'agreed']),
    openedBy: person,
    openedAt: z.string(),
    agreedSolution: z.string().nullable(),
    agreedAt: z.string().nullable(),
    agreedBy: person.nullable(),
    version: z.number(),
    participants: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.enum(['owner', 'invited']),
        invitedAt: z.string(),
        joinedAt: z.string().nullable(),
        contributed: z.boolean(),
      }),
    ),
    /** Oldest first; a reply names its parent (threads are built by parentId). */
    messages: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable(),
        author: person,
        body: z.string(),
        mentions: z.array(person),
        createdAt: z.string(),
        attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() })),
      }),
    ),
    abilities: z.object({ join: z.boolean(), invite: z.boolean(), post: z.boolean(), agree: z.boolean() }),
  })
  .meta({ id: 'Consultation' });

export const consultationList = z.object({ items: z.array(consultationView) });
