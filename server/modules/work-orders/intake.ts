import type { Kysely, Transaction } from 'kysely';
import type { Category, Channel, Priority } from '../../../core/work-orders.ts';
import { formatOrderNumber } from '../../../core/work-orders.ts';
import { dateInZone } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { notifyOrderEvent } from '../notifications/service.ts';
import { getSetting } from '../settings/service.ts';
import { type AttachmentInput, storeAttachments } from './attachments.ts';
import { nextSequence } from './queries.ts';
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

/** Every reference must belong to the customer the order is for; each wrong one is named. */
async function checkReferences(trx: Transaction<DB>, i: Intake) {
  const customer = await trx.selectFrom('customers').select(['id', 'status']).where('id', '=', i.customerId).executeTakeFirst();
  if (!customer) throw errors.invalidField('customerId', 'field.reference');
  const owned = async (table: 'customerContacts' | 'customerSites' | 'installedProducts', id: string | null, field: string) => {
    if (!id) return;
    const row = await trx.selectFrom(table).select('id').where('id', '=', id).where('customerId', '=', i.customerId).executeTakeFirst();
    if (!row) throw errors.invalidField(field, 'field.reference');
  };
  await owned('customerContacts', i.contactId, 'contactId');
  await owned('customerSites', i.siteId, 'siteId');
  await owned('installedProducts', i.productId, 'productId');
  if (i.duplicateOfId) {
    const dup = await trx.selectFrom('workOrders').select('id').where('id', '=', i.duplicateOfId).where('customerId', '=', i.customerId).executeTakeFirst();
    if (!dup) throw errors.invalidField('duplicateOfId', 'field.reference');
  }
  if (i.assigneeId) {
    const e = await trx.selectFrom('employees').select(['id', 'status', 'teamId']).where('id', '=', i.assigneeId).executeTakeFirst();
    if (e?.status !== 'active') throw errors.invalidField('assigneeId', 'field.reference');
  }
  if (i.teamId && !(await trx.selectFrom('teams').select('id').where('id', '=', i.teamId).executeTakeFirst())) {
    throw errors.invalidField('teamId', 'field.reference');
  }
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
    // An assignee's team becomes the order's team, so the supervisor sees it.
    const assignee = intake.assigneeId
      ? await trx.selectFrom('employees').select(['teamId', 'name']).where('id', '=', intake.assigneeId).executeTakeFirst()
      : undefined;
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
        createdBy: by.userId,
        ...workOrderSearchKeys({ number, title: intake.title, description: intake.description }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const event = { workOrderId: order.id, at: now, actorUserId: by.userId, actorEmployeeId: by.employeeId, actorLabel: by.label };
    await trx
      .insertInto('workOrderEvents')
      .values({ ...event, action: 'receive', fromState: null, toState: 'new', data: JSON.stringify({ channel: intake.channel, duplicateOfId: intake.duplicateOfId }) })
      .execute();
    if (intake.assigneeId) {
      await trx.insertInto('workOrderEvents').values({ ...event, action: 'assign', fromState: 'new', toState: 'assigned', data: JSON.stringify({ assigneeId: intake.assigneeId, assigneeName: assignee?.name }) }).execute();
    } else if (intake.teamId) {
      await trx.insertInto('workOrderEvents').values({ ...event, action: 'publish', fromState: 'new', toState: 'new', data: JSON.stringify({ teamId: intake.teamId }) }).execute();
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
    return order.id;
  };
  return 'isTransaction' in db && db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);
}
