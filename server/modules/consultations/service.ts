import type { Kysely, Selectable, Transaction } from 'kysely';
import { zonedDayStart } from '../../../core/time.ts';
import { TERMINAL_STATES, type State } from '../../../core/work-order-lifecycle.ts';
import type { ConsultationsTable, DB, Locale, WorkOrder } from '../../db/schema.ts';
import { type Actor, can, type ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import { decodeAttachments, storeAttachments } from '../work-orders/attachments.ts';
import { loadForActor } from '../work-orders/read.ts';
import {
  accountsOf,
  addParticipants,
  attachmentsOfMessages,
  bumpVersion,
  consultationsOfOrder,
  creditRows,
  employeesByIds,
  findConsultation,
  insertConsultation,
  insertMessage,
  insertNotifications,
  insertOrderEvent,
  markContributed,
  markJoined,
  messageOf,
  messagesOf,
  participant,
  participantsOf,
  recordAgreement,
} from './queries.ts';
import type { MessageInput, OpenConsultation } from './schemas.ts';
import { type ConsultationNotice, renderConsultationNotice } from './templates.ts';

// Team consultation on a complex fault (P4.2.3): the assigned technician opens one on their
// order and invites colleagues; participants discuss it in threads, mention each other and
// attach files; the owner records the agreed solution, which the technician then proposes
// through the order's normal transition. Participants and their contributions are kept so
// that teamwork (P5.1.5) can be credited (consultationCredits).

const conflictAgreed = () => new AppError(409, 'conflict.agreed');
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Consultations are internal: a customer is told they do not exist. */
async function loadOrder(ctx: ServiceContext, workOrderId: string) {
  const loaded = await loadForActor(ctx, workOrderId);
  if (ctx.actor.role === 'customer') throw errors.notFound();
  return loaded;
}

/** A consultation the caller may see (they may read its order), and how they take part in it. */
async function loadConsultation(ctx: ServiceContext, consultationId: string) {
  const consultation = await findConsultation(ctx.db, consultationId);
  if (!consultation) throw errors.notFound();
  const { order } = await loadOrder(ctx, consultation.workOrderId);
  const me = await participant(ctx.db, consultation.id, ctx.actor.employeeId);
  return { consultation, order, me: me && can(ctx.actor, 'work_orders.work') ? me : undefined };
}

/** Invitees must be distinct active employees other than the one inviting; each bad one is named. */
async function checkInvitees(ctx: ServiceContext, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const found = new Map((await employeesByIds(ctx.db, unique)).map((e) => [e.id, e]));
  ids.forEach((id, i) => {
    if (id === ctx.actor.employeeId) throw errors.invalidField(`inviteeIds.${i}`, 'field.self');
    if (found.get(id)?.status !== 'active') throw errors.invalidField(`inviteeIds.${i}`, 'field.reference');
  });
  return unique.map((id) => found.get(id)!);
}

/** Queues in-app notices to the user accounts of some employees, each in its reader's language. */
async function notify(trx: Transaction<DB>, order: WorkOrder, employeeIds: readonly string[], notice: ConsultationNotice) {
  const accounts = await accountsOf(trx, employeeIds);
  await insertNotifications(
    trx,
    accounts.map((u) => ({
      channel: 'in_app' as const,
      userId: u.id,
      workOrderId: order.id,
      event: notice.event,
      locale: u.locale as Locale,
      ...renderConsultationNotice(notice, u.locale as Locale),
    })),
  );
}

const eventBy = (ctx: ServiceContext) => ({ actorUserId: ctx.actor.userId, actorEmployeeId: ctx.actor.employeeId, actorLabel: ctx.actor.displayName });

/** Only the technician the order is assigned to opens a consultation on it (P4.2.3). */
export async function openConsultation(ctx: ServiceContext, workOrderId: string, body: OpenConsultation) {
  const { order, kinds } = await loadOrder(ctx, workOrderId);
  const opener = ctx.actor.employeeId;
  if (!kinds.has('assignee') || !opener) throw errors.forbidden();
  if (TERMINAL_STATES.includes(order.state as State)) throw errors.illegalTransition(order.state, []);
  const invitees = await checkInvitees(ctx, body.inviteeIds);
  const now = new Date();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const c = await insertConsultation(trx, { workOrderId, topic: body.topic, openedBy: opener });
    await addParticipants(trx, [
      { consultationId: c.id, employeeId: opener, role: 'owner', invitedBy: null, invitedAt: now, joinedAt: now },
      ...invitees.map((e) => ({ consultationId: c.id, employeeId: e.id, role: 'invited' as const, invitedBy: opener, invitedAt: now })),
    ]);
    const invited = invitees.map((e) => ({ id: e.id, name: e.name }));
    await insertOrderEvent(trx, { workOrderId, at: now, ...eventBy(ctx), action: 'consultation_open', data: { consultationId: c.id, topic: c.topic, invitees: invited } });
    await writeAudit(trx, ctx, { action: 'consultation.open', entityType: 'consultation', entityId: c.id, after: { ...c, invitees: invited } });
    await notify(trx, order, invitees.map((e) => e.id), { event: 'consultation_invite', number: order.number, title: order.title, topic: c.topic, by: ctx.actor.displayName });
    return c.id;
  });
  return getConsultation(ctx, id);
}

/** The owner invites more colleagues; those already taking part are left as they are. */
export async function inviteToConsultation(ctx: ServiceContext, consultationId: string, inviteeIds: readonly string[]) {
  const { consultation: c, order, me } = await loadConsultation(ctx, consultationId);
  if (me?.role !== 'owner') throw errors.forbidden();
  if (c.status === 'agreed') throw conflictAgreed();
  const invitees = await checkInvitees(ctx, inviteeIds);
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const added = await addParticipants(
      trx,
      invitees.map((e) => ({ consultationId: c.id, employeeId: e.id, role: 'invited' as const, invitedBy: me.employeeId, invitedAt: now })),
    );
    if (!added.length) return;
    // Who takes part changed: an agreement drafted before this must be looked at again.
    if (!(await bumpVersion(trx, c.id, c.version))) throw (await findConsultation(trx, c.id))?.status === 'agreed' ? conflictAgreed() : errors.stale();
    const addedIds = new Set(added.map((a) => a.employeeId));
    const invited = invitees.filter((e) => addedIds.has(e.id)).map((e) => ({ id: e.id, name: e.name }));
    await writeAudit(trx, ctx, { action: 'consultation.invite', entityType: 'consultation', entityId: c.id, after: { invitees: invited } });
    await notify(trx, order, [...addedIds], { event: 'consultation_invite', number: order.number, title: order.title, topic: c.topic, by: ctx.actor.displayName });
  });
  return getConsultation(ctx, c.id);
}

/** An invited colleague says they are taking part; joining twice changes nothing. */
export async function joinConsultation(ctx: ServiceContext, consultationId: string) {
  const { consultation: c, me } = await loadConsultation(ctx, consultationId);
  if (!me) throw errors.forbidden();
  if (!me.joinedAt) {
    if (c.status === 'agreed') throw conflictAgreed();
    await ctx.db.transaction().execute(async (trx) => {
      await markJoined(trx, c.id, me.employeeId, new Date());
      await writeAudit(trx, ctx, { action: 'consultation.join', entityType: 'consultation', entityId: c.id, after: { employeeId: me.employeeId } });
    });
  }
  return getConsultation(ctx, c.id);
}

/** A participant posts (or replies); mentioned participants hear of it. */
export async function postMessage(ctx: ServiceContext, consultationId: string, input: MessageInput) {
  const { consultation: c, order, me } = await loadConsultation(ctx, consultationId);
  if (!me) throw errors.forbidden();
  if (c.status === 'agreed') throw conflictAgreed();
  if (input.parentId && !(await messageOf(ctx.db, c.id, input.parentId))) throw errors.invalidField('parentId', 'field.reference');
  const members = new Set((await participantsOf(ctx.db, [c.id])).map((p) => p.employeeId));
  input.mentions.forEach((id, i) => {
    if (!members.has(id)) throw errors.invalidField(`mentions.${i}`, 'field.not_participant');
  });
  const mentions = [...new Set(input.mentions)];
  const files = decodeAttachments(input.attachments);
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const m = await insertMessage(trx, { consultationId: c.id, parentId: input.parentId, authorId: me.employeeId, body: input.body, mentions, createdAt: now });
    const stored = await storeAttachments(trx, order.id, files, { userId: ctx.actor.userId, label: ctx.actor.displayName }, { consultationMessageId: m.id });
    await markContributed(trx, c.id, me.employeeId, now);
    await writeAudit(trx, ctx, {
      action: 'consultation.message',
      entityType: 'consultation',
      entityId: c.id,
      after: { messageId: m.id, parentId: m.parentId, body: m.body, mentions, attachments: stored.map((a) => ({ id: a.id, filename: a.filename, size: a.size })) },
    });
    const heard = mentions.filter((id) => id !== me.employeeId);
    await notify(trx, order, heard, { event: 'consultation_mention', number: order.number, title: order.title, topic: c.topic, by: ctx.actor.displayName, excerpt: m.body });
  });
  return getConsultation(ctx, c.id);
}

/**
 * The owner records the solution the team agreed. It stays on the consultation; the technician
 * then proposes it through the order's own transition (the web app prefills it).
 */
export async function agreeSolution(ctx: ServiceContext, consultationId: string, body: { solution: string; version: number }) {
  const { consultation: c, me } = await loadConsultation(ctx, consultationId);
  if (me?.role !== 'owner') throw errors.forbidden();
  if (c.status === 'agreed') throw conflictAgreed();
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const after = await recordAgreement(trx, c.id, body.version, { agreedSolution: body.solution, agreedBy: me.employeeId, agreedAt: now });
    if (!after) throw (await findConsultation(trx, c.id))?.status === 'agreed' ? conflictAgreed() : errors.stale();
    await insertOrderEvent(trx, {
      workOrderId: c.workOrderId,
      at: now,
      ...eventBy(ctx),
      action: 'consultation_agreed',
      data: { consultationId: c.id, topic: c.topic, solution: body.solution },
    });
    await writeAudit(trx, ctx, {
      action: 'consultation.agree',
      entityType: 'consultation',
      entityId: c.id,
      before: { status: c.status, version: c.version },
      after: { status: after.status, version: after.version, agreedSolution: after.agreedSolution },
    });
  });
  return getConsultation(ctx, c.id);
}

export async function listConsultations(ctx: ServiceContext, workOrderId: string) {
  await loadOrder(ctx, workOrderId);
  return { items: await present(ctx.db, ctx.actor, await consultationsOfOrder(ctx.db, workOrderId)) };
}

async function getConsultation(ctx: ServiceContext, id: string) {
  const c = await findConsultation(ctx.db, id);
  if (!c) throw errors.notFound();
  const [view] = await present(ctx.db, ctx.actor, [c]);
  return view!;
}

async function present(db: Kysely<DB>, actor: Actor, rows: Selectable<ConsultationsTable>[]) {
  const ids = rows.map((c) => c.id);
  const [participants, messages] = await Promise.all([participantsOf(db, ids), messagesOf(db, ids)]);
  const attachments = await attachmentsOfMessages(db, messages.map((m) => m.id));
  const nameIds = new Set<string>();
  for (const c of rows) {
    nameIds.add(c.openedBy);
    if (c.agreedBy) nameIds.add(c.agreedBy);
  }
  for (const m of messages) for (const id of m.mentions) nameIds.add(id);
  const names = new Map((await employeesByIds(db, [...nameIds])).map((e) => [e.id, e.name]));
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  const mayWork = can(actor, 'work_orders.work');
  return rows.map((c) => {
    const people = participants.filter((p) => p.consultationId === c.id);
    const me = mayWork ? people.find((p) => p.employeeId === actor.employeeId) : undefined;
    const open = c.status === 'open';
    return {
      id: c.id,
      workOrderId: c.workOrderId,
      topic: c.topic,
      status: c.status,
      openedBy: person(c.openedBy),
      openedAt: c.createdAt.toISOString(),
      agreedSolution: c.agreedSolution,
      agreedAt: iso(c.agreedAt),
      agreedBy: c.agreedBy ? person(c.agreedBy) : null,
      version: c.version,
      participants: people.map((p) => ({
        id: p.employeeId,
        name: p.name,
        role: p.role,
        invitedAt: p.invitedAt.toISOString(),
        joinedAt: iso(p.joinedAt),
        contributed: p.contributed,
      })),
      messages: messages
        .filter((m) => m.consultationId === c.id)
        .map((m) => ({
          id: m.id,
          parentId: m.parentId,
          author: { id: m.authorId, name: m.authorName },
          body: m.body,
          mentions: m.mentions.map(person),
          createdAt: m.createdAt.toISOString(),
          attachments: attachments.filter((a) => a.consultationMessageId === m.id).map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size })),
        })),
      abilities: {
        join: open && !!me && !me.joinedAt,
        invite: open && me?.role === 'owner',
        post: open && !!me,
        agree: open && me?.role === 'owner',
      },
    };
  });
}

/**
 * Teamwork credits (P5.1.5), read by the appraisal: per employee, over the consultations
 * opened between two business dates (both inclusive, in the company time zone), how many
 * they joined, how many they contributed to (posted at least once) and how many of those
 * reached an agreed solution (whenever it was agreed).
 */
export async function consultationCredits(db: Kysely<DB>, period: { from: string; to: string }) {
  const zone = await getSetting(db, 'company.timeZone', period.from);
  const rows = await creditRows(db, zonedDayStart(period.from, zone), zonedDayStart(period.to, zone, 1));
  return rows.map((r) => ({
    employeeId: r.employeeId,
    name: r.name,
    joined: Number(r.joined),
    contributed: Number(r.contributed),
    contributedAgreed: Number(r.contributedAgreed),
  }));
}
