import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notifyUsers } from '../notifications/service.ts';
import { activeEmployee, claimOverdue, teamSupervisor, userOfEmployee } from './follow-up-queries.ts';
import { every, type Job } from '../../platform/jobs.ts';

type Log = { info: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };

/**
 * Escalates overdue follow-ups (P4.4.3): each open task past its due time is claimed once
 * (`UPDATE ... WHERE escalated_at IS NULL RETURNING`), so two runs or two instances never
 * escalate it twice; in the same transaction its assignee and the supervisor of the assignee's
 * team (else of the order's team) hear of it in-app (`follow_up_overdue`).
 */
export async function runFollowUpEscalation(db: Kysely<DB>, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const claimed = await claimOverdue(trx, now);
    let notified = 0;
    for (const task of claimed) {
      const assignee = await activeEmployee(trx, task.assigneeId);
      const order = await trx.selectFrom('workOrders').select('teamId').where('id', '=', task.workOrderId).executeTakeFirstOrThrow();
      const supervisor = (await teamSupervisor(trx, assignee?.teamId ?? null)) ?? (await teamSupervisor(trx, order.teamId));
      const users = [await userOfEmployee(trx, task.assigneeId), await userOfEmployee(trx, supervisor?.id)].filter((u): u is string => !!u);
      notified += await notifyUsers(trx, task.workOrderId, 'follow_up_overdue', users, { subjectLine: task.title, dueAt: task.dueAt.toISOString() });
      await writeAudit(trx, { actor: null, requestId: null, label: 'system' }, {
        action: 'follow_up.escalate',
        entityType: 'follow_up',
        entityId: task.id,
        after: { escalatedAt: now, dueAt: task.dueAt, supervisorId: supervisor?.id ?? null },
      });
    }
    return { escalated: claimed.length, notified };
  });
}

/** Runs the escalation every minute (main.ts); runs never overlap and the timer does not keep the process alive. */
export function startFollowUpEscalation(db: Kysely<DB>, log: Log, everyMs = 60_000): Job {
  return every(
    everyMs,
    async () => {
      const r = await runFollowUpEscalation(db);
      if (r.escalated) log.info(r, 'follow-ups escalated');
    },
    (err) => log.error({ err }, 'follow-up escalation failed'),
  );
}
