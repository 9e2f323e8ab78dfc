import type { ActorKind } from '../../../core/work-order-lifecycle.ts';
import { allowedActions, type State } from '../../../core/work-order-lifecycle.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { WorkOrder } from '../../db/schema.ts';
import { type Actor, can, type ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { getSetting } from '../settings/service.ts';
import { actorKinds, mayRead } from './policy.ts';
import {
  contactOf,
  employeeTeam,
  findOrderRow,
  findOrders,
  isConsultant,
  type OrderRow,
  orderAttachments,
  orderComments,
  orderEvents,
  orderPauses,
  numberOf,
} from './queries.ts';
import type { ListWorkOrders } from './schemas.ts';
import { orderClocks, storedStatus } from './sla.ts';
import { refusalAwaitingSettlement } from '../acceptance/effects.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const ref = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

export function presentSummary(o: OrderRow, now: Date) {
  return {
    id: o.id,
    number: o.number,
    channel: o.channel,
    title: o.title,
    category: o.category as never,
    priority: o.priority,
    state: o.state as State,
    customer: ref(o.customerId, o.customerName),
    site: ref(o.siteId, o.siteName),
    product: o.productId ? { id: o.productId, model: o.productModel ?? '', serialNumber: o.productSerial ?? '' } : null,
    team: ref(o.teamId, o.teamName),
    assignee: ref(o.assigneeId, o.assigneeName),
    receivedAt: o.receivedAt.toISOString(),
    preferredFrom: iso(o.preferredFrom),
    preferredTo: iso(o.preferredTo),
    responseDueAt: iso(o.responseDueAt),
    arrivalDueAt: iso(o.arrivalDueAt),
    resolutionDueAt: iso(o.resolutionDueAt),
    slaStatus: storedStatus(o, now),
    // Dispatch (issue 5): what the work needs, and where the accepted day plan puts the visit.
    requiredSkill: o.requiredSkill,
    requiredSkillLevel: o.requiredSkillLevel,
    serviceMinutes: o.serviceMinutes,
    plannedArrivalAt: iso(o.plannedArrivalAt),
    routeSequence: o.routeSequence,
    version: o.version,
  };
}

/** What part of the order book the caller sees (see policy.mayRead). */
async function scopeOf(ctx: ServiceContext) {
  const a = ctx.actor;
  if (a.role === 'customer') return { customerId: a.customerId ?? '00000000-0000-0000-0000-000000000000' };
  if (can(a, 'work_orders.dispatch')) return null;
  const me = await employeeTeam(ctx.db, a.employeeId);
  return { employeeId: a.employeeId ?? '00000000-0000-0000-0000-000000000000', teamId: me?.teamId ?? null };
}

export async function listOrders(ctx: ServiceContext, q: ListWorkOrders) {
  const now = new Date();
  const zone = await getSetting(ctx.db, 'company.timeZone');
  const states = q.state?.flatMap((s) => (s === 'open' ? ['new', 'assigned', 'accepted', 'contacted', 'diagnosing', 'solution_proposed', 'visit_scheduled', 'en_route', 'on_site', 'work_done', 'on_hold'] : [s])) as State[] | undefined;
  const rows = await findOrders(ctx.db, {
    q: q.q || undefined,
    states,
    priority: q.priority,
    teamId: q.teamId,
    assigneeId: q.mine === 'true' ? (ctx.actor.employeeId ?? '00000000-0000-0000-0000-000000000000') : q.assigneeId,
    customerId: q.customerId,
    productId: q.productId,
    pool: q.pool === 'true',
    sla: q.sla,
    receivedFrom: q.from ? zonedDayStart(q.from, zone) : undefined,
    receivedTo: q.to ? zonedDayStart(q.to, zone, 1) : undefined,
    scope: await scopeOf(ctx),
    now,
    after: decodeCursor(q.cursor),
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => r.receivedAt.toISOString());
  return { items: items.map((o) => presentSummary(o, now)), nextCursor };
}

/** Loads an order the caller may see, with how the caller stands to it; 404 when they may not. */
export async function loadForActor(ctx: ServiceContext, id: string) {
  const order = await findOrderRow(ctx.db, id);
  if (!order) throw errors.notFound();
  const me = await employeeTeam(ctx.db, ctx.actor.employeeId);
  const consultant = ctx.actor.employeeId ? !!(await isConsultant(ctx.db, id, ctx.actor.employeeId)) : false;
  if (!mayRead(ctx.actor, order, me?.teamId ?? null, consultant)) throw errors.notFound();
  return { order, kinds: actorKinds(ctx.actor, order, me?.teamId ?? null), consultant };
}

function abilities(actor: Actor, kinds: Set<ActorKind>, consultant: boolean) {
  const staff = actor.role !== 'customer';
  return {
    comment: true,
    internalNote: staff,
    answer: staff && (kinds.has('assignee') || kinds.has('dispatcher') || consultant),
    consult: kinds.has('assignee'),
    dispatch: kinds.has('dispatcher'),
  };
}

export async function getOrder(ctx: ServiceContext, id: string) {
  const { order, kinds, consultant } = await loadForActor(ctx, id);
  return presentOrder(ctx, order, kinds, consultant);
}

async function presentOrder(ctx: ServiceContext, order: WorkOrder, kinds: Set<ActorKind>, consultant: boolean) {
  const now = new Date();
  const staff = ctx.actor.role !== 'customer';
  const [row] = await findOrders(ctx.db, { id: order.id, scope: null, now, after: null, limit: 1 });
  const [pauses, events, comments, attachments, contact, duplicateOf] = await Promise.all([
    orderPauses(ctx.db, order.id),
    orderEvents(ctx.db, order.id),
    orderComments(ctx.db, order.id, staff),
    orderAttachments(ctx.db, order.id),
    contactOf(ctx.db, order.contactId),
    numberOf(ctx.db, order.duplicateOfId),
  ]);
  const clocks = await orderClocks(ctx.db, order, pauses.map((p) => ({ from: p.startedAt, to: p.endedAt })), now, ctx.actor.locale);
  const actions = allowedActions({ state: order.state as State, heldFromState: order.heldFromState as State | null }, kinds);
  // Settling is offered only while a refusal waits for it.
  const offered = actions.includes('settle_refusal') && !(await refusalAwaitingSettlement(ctx.db, order.id)) ? actions.filter((a) => a !== 'settle_refusal') : actions;
  const visibleComments = new Set(comments.map((c) => c.id));
  return {
    ...presentSummary(row!, now),
    description: order.description,
    contact: contact ?? null,
    reporterName: order.reporterName,
    reporterPhone: order.reporterPhone,
    reporterEmail: order.reporterEmail,
    holdReason: order.holdReason,
    solution: order.solution,
    resolution: order.resolution,
    cancelReason: order.cancelReason,
    visitScheduledAt: iso(order.visitScheduledAt),
    expectedArrivalAt: iso(order.expectedArrivalAt),
    duplicateOf: duplicateOf ?? null,
    reopenCount: order.reopenCount,
    sla: clocks.map((c) => ({ ...c, dueAt: iso(c.dueAt), metAt: iso(c.metAt) })),
    // A customer sees who did what in plain steps; staff also see internal details.
    // Team consultations (P4.2.3) are internal: their events are not on the customer's timeline.
    timeline: events.filter((e) => staff || !e.action.startsWith('consultation_')).map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      data: staff ? e.data : customerSafe(e.action, e.data),
      location: staff && e.latitude !== null && e.longitude !== null ? { latitude: Number(e.latitude), longitude: Number(e.longitude) } : null,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      kind: c.kind,
      visibility: c.visibility,
      parentId: c.parentId,
      author: c.authorLabel,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      attachments: attachments.filter((a) => a.commentId === c.id).map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size })),
    })),
    attachments: attachments
      .filter((a) => !a.commentId || visibleComments.has(a.commentId))
      .filter((a) => staff || !a.consultationMessageId)
      .map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, uploadedBy: a.uploadedByLabel, createdAt: a.createdAt.toISOString() })),
    allowedActions: offered,
    abilities: abilities(ctx.actor, kinds, consultant),
  };
}

/** The customer's view of an event: the expected arrival and the assignee's name, not internal notes. */
function customerSafe(action: string, data: unknown): unknown {
  const d = (data ?? {}) as Record<string, unknown>;
  if (action === 'depart') return { expectedArrivalAt: d.expectedArrivalAt };
  if (action === 'assign' || action === 'reassign' || action === 'take') return { assigneeName: d.assigneeName };
  if (action === 'schedule_visit') return { visitAt: d.visitAt };
  return {};
}
