import { type Kysely, sql, type Transaction } from 'kysely';
import { type AlertLevel, dueAlerts } from '../../../core/sla-alerts.ts';
import type { SlaClock } from '../../../core/work-orders.ts';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notifyUsers } from '../notifications/service.ts';
import { every, type Job } from '../../platform/jobs.ts';

type Log = { info: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };

// The queries of this job live here, next to the one rule they serve.

/** Open orders with at least one unmet clock whose warning instant or deadline has come. */
function candidates(db: Kysely<DB>, now: Date) {
  return db
    .selectFrom('workOrders')
    .select([
      'id',
      'state',
      'assigneeId',
      'teamId',
      'respondedAt',
      'arrivedAt',
      'resolvedAt',
      'responseWarnAt',
      'responseDueAt',
      'arrivalWarnAt',
      'arrivalDueAt',
      'resolutionWarnAt',
      'resolutionDueAt',
      sql<string[]>`coalesce((select array_agg(a.clock || ':' || a.level) from sla_alerts a where a.work_order_id = work_orders.id), '{}')`.as('alerted'),
    ])
    .where('state', 'not in', ['closed', 'cancelled', 'on_hold'])
    .where((eb) =>
      eb.or([
        eb.and([eb('respondedAt', 'is', null), eb('responseWarnAt', '<=', now)]),
        eb.and([eb('arrivedAt', 'is', null), eb('resolvedAt', 'is', null), eb('arrivalWarnAt', '<=', now)]),
        eb.and([eb('resolvedAt', 'is', null), eb('resolutionWarnAt', '<=', now)]),
        // a deadline without a stored warning instant still breaches
        eb.and([eb('respondedAt', 'is', null), eb('responseDueAt', '<', now)]),
        eb.and([eb('resolvedAt', 'is', null), eb('resolutionDueAt', '<', now)]),
      ]),
    )
    .orderBy('receivedAt')
    .execute();
}

/** Records an alert once: answers false when it was already recorded (by an earlier run or another instance). */
async function recordAlert(trx: Transaction<DB>, workOrderId: string, clock: SlaClock, level: AlertLevel, now: Date) {
  const row = await trx
    .insertInto('slaAlerts')
    .values({ workOrderId, clock, level, createdAt: now })
    .onConflict((oc) => oc.columns(['workOrderId', 'clock', 'level']).doNothing())
    .returning('workOrderId')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Who hears of an alert: the assignee and the supervisor of their team (else of the order's
 * team); with nobody in charge yet, the agents who dispatch; for a breach, also every manager.
 */
async function recipients(trx: Transaction<DB>, order: { assigneeId: string | null; teamId: string | null }, level: AlertLevel) {
  const ids: string[] = [];
  const userOf = async (employeeId: string | null | undefined) =>
    employeeId ? (await trx.selectFrom('users').select('id').where('employeeId', '=', employeeId).where('active', '=', true).executeTakeFirst())?.id : undefined;
  const assigneeUser = await userOf(order.assigneeId);
  if (assigneeUser) ids.push(assigneeUser);
  const assigneeTeam = order.assigneeId
    ? (await trx.selectFrom('employees').select('teamId').where('id', '=', order.assigneeId).executeTakeFirst())?.teamId
    : null;
  const teamId = assigneeTeam ?? order.teamId;
  const supervisorId = teamId ? (await trx.selectFrom('teams').select('supervisorId').where('id', '=', teamId).executeTakeFirst())?.supervisorId : null;
  const supervisorUser = await userOf(supervisorId);
  if (supervisorUser) ids.push(supervisorUser);
  const byRole = async (role: 'agent' | 'manager') =>
    (await trx.selectFrom('users').select('id').where('role', '=', role).where('active', '=', true).execute()).map((u) => u.id);
  if (!ids.length) ids.push(...(await byRole('agent')));
  if (level === 'breach') ids.push(...(await byRole('manager')));
  return [...new Set(ids)];
}

const DUE_AT: Record<SlaClock, 'responseDueAt' | 'arrivalDueAt' | 'resolutionDueAt'> = {
  response: 'responseDueAt',
  arrival: 'arrivalDueAt',
  resolution: 'resolutionDueAt',
};

/**
 * SLA warning and escalation: for every open order (not held) whose stored warning instant has
 * come, a `warning` alert per clock; once its deadline has passed, a `breach` alert. Each alert
 * is recorded once in `sla_alerts` (its primary key; insert ... on conflict do nothing), so two
 * app instances running this at once never alert twice, and only the one that recorded it
 * queues the in-app notifications (`sla_warning` to the assignee and supervisor, `sla_breach`
 * also to every manager), in the same transaction. When a warning and a breach come due in the
 * same run (the job was down), both are recorded and only the breach is sent.
 */
export async function runSlaAlerts(db: Kysely<DB>, now = new Date()) {
  const result = { warnings: 0, breaches: 0, notified: 0 };
  for (const order of await candidates(db, now)) {
    const already = new Set(order.alerted);
    const due = dueAlerts(order, now).filter((a) => !already.has(`${a.clock}:${a.level}`));
    if (!due.length) continue;
    await db.transaction().execute(async (trx) => {
      const recorded: typeof due = [];
      for (const a of due) if (await recordAlert(trx, order.id, a.clock, a.level, now)) recorded.push(a);
      for (const a of recorded) {
        if (a.level === 'warning') result.warnings++;
        else result.breaches++;
        await writeAudit(trx, { actor: null, requestId: null, label: 'system' }, {
          action: `work_order.sla_${a.level}`,
          entityType: 'work_order',
          entityId: order.id,
          after: { clock: a.clock, level: a.level, dueAt: order[DUE_AT[a.clock]] },
        });
        const superseded = a.level === 'warning' && recorded.some((b) => b.clock === a.clock && b.level === 'breach');
        if (superseded) continue;
        const users = await recipients(trx, order, a.level);
        const dueAt = order[DUE_AT[a.clock]];
        result.notified += await notifyUsers(trx, order.id, a.level === 'warning' ? 'sla_warning' : 'sla_breach', users, {
          clock: a.clock,
          ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
        });
      }
    });
  }
  return result;
}

/** Runs the SLA alerts every minute (main.ts); runs never overlap and the timer does not keep the process alive. */
export function startSlaAlerts(db: Kysely<DB>, log: Log, everyMs = 60_000): Job {
  return every(
    everyMs,
    async () => {
      const r = await runSlaAlerts(db);
      if (r.warnings || r.breaches) log.info(r, 'SLA alerts raised');
    },
    (err) => log.error({ err }, 'SLA alerts failed'),
  );
}
