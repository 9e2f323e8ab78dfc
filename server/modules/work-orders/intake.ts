import type { Kysely, Transaction } from 'kysely';
import type { Category, Channel, Priority } from '../../../core/work-orders.ts';
import { formatOrderNumber } from '../../../core/work-orders.ts';
import { dateInZone } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { publishBoardEvent } from '../../platform/events.ts';
import { autoDispatch } from '../dispatch/auto.ts';
import { notifyOrderEvent } from '../notifications/service.ts';
import { getSetting } from '../settings/service.ts';
import { type AttachmentInput, storeAttachments } from './attachments.ts';
import { findCustomer, findEmployee, findOwned, findTeam, insertEvent, nextSequence } from './queries.ts';
import { workOrderSearchKeys } from './search-keys.ts';
import { slaPolicyFor, storedDeadlines } from './sla.ts';

/** One report, whatever channel it came by (P4.1.1), with what the agent recorded (P4.1.2). */
export type Intake = {
  channel: Channel;
  customerId: string;
  contactId: string | null;
  siteId: string | null;
  productId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  title: string;
  description: string;
  category: Category;
  priority: Priority;
  preferredFrom: Date | null;
  preferredTo: Date | null;
  duplicateOfId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  attachments: AttachmentInput[];
};

/** Who recorded it: a user, or a system channel such as inbound email. */
export type Recorder = { userId: string | null; employeeId: string | null; label: string; requestId: string | null };

/** An employee who can take work: active, or the named field is refused. */
export async function activeEmployee(db: Kysely<DB> | Transaction<DB>, id: string, field: string) {
  const e = await findEmployee(db, id);
  if (e?.status !== 'active') throw errors.invalidField(field, 'field.reference');
  return e;
}

/** Every reference must belong to the customer the order is for; each wrong one is named. */
async function checkReferences(trx: Transaction<DB>, i: Intake) {
  if (!(await findCustomer(trx, i.customerId))) throw errors.invalidField('customerId', 'field.reference');
  const owned = async (table: 'customerContacts' | 'customerSites' | 'installedProducts' | 'workOrders', id: string | null, field: string) => {
    if (id && !(await findOwned(trx, table, id, i.customerId))) throw errors.invalidField(field, 'field.reference');
  };
  await owned('customerContacts', i.contactId, 'contactId');
  await owned('customerSites', i.siteId, 'siteId');
  await owned('installedProducts', i.productId, 'productId');
  await owned('workOrders', i.duplicateOfId, 'duplicateOfId');
  if (i.assigneeId) await activeEmployee(trx, i.assigneeId, 'assigneeId');
  if (i.teamId && !(await findTeam(trx, i.teamId))) throw errors.invalidField('teamId', 'field.reference');
  if (i.preferredFrom && i.preferredTo && i.preferredTo <= i.preferredFrom) throw errors.invalidField('preferredTo', 'field.date_range');
}

/** Records a report as a work order in one transaction: number, SLA deadlines, first events, attachments, audit, notifications. */
export async function receiveOrder(db: Kysely<DB> | Transaction<DB>, intake: Intake, by: Recorder, now = new Date()): Promise<string> {
  const run = async (trx: Transaction<DB>) => {
    await checkReferences(trx, intake);
    const zone = await getSetting(trx, 'company.timeZone', now.toISOString().slice(0, 10));
    const day = dateInZone(now, zone);
    const number = formatOrderNumber(day, await nextSequence(trx, day));
    const sla = await slaPolicyFor(trx, intake.priority, day);
    const times = { receivedAt: now, respondedAt: null, arrivedAt: null, resolvedAt: null, state: 'new', visitScheduledAt: null, sla };
    const deadlines = await storedDeadlines(trx, times, [], now);
    // What the work needs, from the category's defaults in force (P4.1.2); dispatchers may change it.
    const need = (await getSetting(trx, 'dispatch.requirements', day))[intake.category];
    const requirement = need ? { requiredSkill: need.skill, requiredSkillLevel: need.level, serviceMinutes: need.serviceMinutes } : {};
    // An assignee's team becomes the order's team, so the supervisor sees it.
    const assignee = intake.assigneeId ? await findEmployee(trx, intake.assigneeId) : undefined;
    const assigneeTeam = assignee?.teamId ?? null;
    const { attachments, ...fields } = intake;
    const order = await trx
      .insertInto('workOrders')
      .values({
        ...fields,
        number,
        state: intake.assigneeId ? 'assigned' : 'new',
        teamId: intake.teamId ?? assigneeTeam,
        receivedAt: now,
        sla: JSON.stringify(sla),
        ...deadlines,
        ...requirement,
        createdBy: by.userId,
        ...workOrderSearchKeys({ number, title: intake.title, description: intake.description }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const event = { workOrderId: order.id, at: now, actorUserId: by.userId, actorEmployeeId: by.employeeId, actorLabel: by.label };
    await insertEvent(trx, { ...event, action: 'receive', fromState: null, toState: 'new', data: { channel: intake.channel, duplicateOfId: intake.duplicateOfId } });
    if (intake.assigneeId) {
      await insertEvent(trx, { ...event, action: 'assign', fromState: 'new', toState: 'assigned', data: { assigneeId: intake.assigneeId, assigneeName: assignee?.name } });
    } else if (intake.teamId) {
      await insertEvent(trx, { ...event, action: 'publish', fromState: 'new', toState: 'new', data: { teamId: intake.teamId } });
    }
    await storeAttachments(trx, order.id, attachments, { userId: by.userId, label: by.label });
    await writeAudit(trx, { actor: null, requestId: by.requestId, label: by.label, userId: by.userId }, {
      action: 'work_order.receive',
      entityType: 'work_order',
      entityId: order.id,
      after: { ...order, sla, attachments: attachments.map((a) => ({ filename: a.filename, size: a.data.length })) },
    });
    await notifyOrderEvent(trx, order.id, 'received');
    if (intake.assigneeId) await notifyOrderEvent(trx, order.id, 'assigned');
    return order;
  };
  if ('isTransaction' in db && db.isTransaction) {
    // Inside the caller's transaction (API and email intake, which name no team): no auto-dispatch.
    const order = await run(db as Transaction<DB>);
    publishBoardEvent({ type: 'order', orderId: order.id, teamId: order.teamId });
    return order.id;
  }
  const order = await db.transaction().execute(run);
  publishBoardEvent({ type: 'order', orderId: order.id, teamId: order.teamId });
  // An order for a team meets the team's auto-dispatch mode once it is stored (P4.1.2).
  if (order.teamId && !order.assigneeId) await autoDispatch(db as Kysely<DB>, order.id, { userId: by.userId, requestId: by.requestId }, now);
  return order.id;
}
