import type { Kysely, Transaction } from 'kysely';
import { appealDueOn, type Nudge, nudgeDue, periodsDue } from '../../../core/appraisal/cycle.ts';
import { dateInZone } from '../../../core/settings.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { every, type Job } from '../../platform/jobs.ts';
import { message } from '../../platform/messages.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { openPeriod } from './periods.ts';
import { insertInAppNotices } from '../notifications/queries.ts';
import { claimReminders, findPeriodByLabel, listPeriodRows, type PeriodRow, usersByRole } from './queries.ts';
import { policyOf } from './scoring.ts';

type Log = { info: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };

// The scheduled side of the cycle (P5.2): on the 1st of each month the previous month opens
// (and in January the previous year); before each deadline a reminder goes out, after it an
// escalation. Every effect is claimed in the database — the period by its unique key, each
// reminder by appraisal_reminders' primary key — so two instances never do anything twice.

type Recipient = { id: string; locale: Locale };

function notify(trx: Transaction<DB>, users: readonly Recipient[], nudge: Nudge, period: PeriodRow, who: string) {
  const prefix = nudge.kind === 'reminder' ? 'appraisal.reminder' : 'appraisal.escalation';
  return insertInAppNotices(
    trx,
    users.map((u) => {
      const params = { label: period.label, step: message(`appraisal.step.${nudge.step}`, u.locale), dueOn: nudge.dueOn, who };
      return {
        userId: u.id,
        locale: u.locale,
        event: nudge.kind === 'reminder' ? 'appraisal_reminder' : 'appraisal_escalation',
        subject: message(`${prefix}.subject`, u.locale, params),
        body: message(`${prefix}.body`, u.locale, params),
      };
    }),
  );
}

type Claimed = Awaited<ReturnType<typeof claimReminders>>;
const names = (rows: Claimed) => rows.map((r) => r.name).slice(0, 5).join(', ') + (rows.length > 5 ? ` +${rows.length - 5}` : '');

/** Sends each claimed result's employee their own notice. */
async function toEmployees(trx: Transaction<DB>, rows: Claimed, nudge: Nudge, period: PeriodRow) {
  for (const r of rows) if (r.userId) await notify(trx, [{ id: r.userId, locale: r.userLocale! }], nudge, period, r.name);
}

/** Sends each supervisor one notice naming their people. */
async function toSupervisors(trx: Transaction<DB>, rows: Claimed, nudge: Nudge, period: PeriodRow) {
  const bySupervisor = new Map<string, Claimed>();
  for (const r of rows) if (r.supervisorUserId) bySupervisor.set(r.supervisorUserId, [...(bySupervisor.get(r.supervisorUserId) ?? []), r]);
  for (const [id, list] of bySupervisor) await notify(trx, [{ id, locale: list[0]!.supervisorLocale! }], nudge, period, names(list));
}

async function nudgePeriod(db: Kysely<DB>, period: PeriodRow, today: string): Promise<number> {
  const cycle = policyOf(period).cycle.value;
  return db.transaction().execute(async (trx) => {
    let sent = 0;
    if (period.status === 'open') {
      const self = period.kind === 'monthly' ? nudgeDue('self', period.selfDueOn, today, cycle) : null;
      if (self) {
        const rows = await claimReminders(trx, period.id, self, ['self_pending']);
        await toEmployees(trx, rows, self, period);
        if (self.kind === 'escalation') await toSupervisors(trx, rows, self, period);
        sent += rows.length;
      }
      const review = nudgeDue('review', period.reviewDueOn, today, cycle);
      if (review) {
        const rows = await claimReminders(trx, period.id, review, ['self_pending', 'review_pending']);
        await toSupervisors(trx, rows, review, period);
        if (review.kind === 'escalation' && rows.length) await notify(trx, await usersByRole(trx, ['manager']), review, period, names(rows));
        sent += rows.length;
      }
      const publish = nudgeDue('publish', period.publishDueOn, today, cycle);
      if (publish) {
        const claimed = await trx
          .insertInto('appraisalReminders')
          .values({ subjectId: period.id, step: 'publish', kind: publish.kind })
          .onConflict((oc) => oc.doNothing())
          .returning('subjectId')
          .executeTakeFirst();
        if (claimed) {
          await notify(trx, await usersByRole(trx, publish.kind === 'reminder' ? ['hr'] : ['hr', 'manager']), publish, period, period.label);
          sent++;
        }
      }
    } else if (period.status === 'published' && period.publishedAt) {
      const zone = await getSetting(trx, 'company.timeZone');
      const acknowledge = nudgeDue('acknowledge', appealDueOn(dateInZone(period.publishedAt, zone), cycle), today, cycle);
      // Past the appeal window a result simply stands: only a reminder before it closes.
      if (acknowledge?.kind === 'reminder') {
        const rows = await claimReminders(trx, period.id, acknowledge, ['published']);
        await toEmployees(trx, rows, acknowledge, period);
        sent += rows.length;
      }
    }
    return sent;
  });
}

/** One run of the cycle: opens the periods due today, then sends the reminders and escalations due. */
export async function runAppraisalCycle(db: Kysely<DB>, now = new Date()): Promise<{ opened: string[]; nudges: number }> {
  const today = await companyToday(db, now);
  const opened: string[] = [];
  for (const span of periodsDue(today)) {
    if (await findPeriodByLabel(db, span.kind, span.label)) continue;
    const result = await openPeriod(db, span, { label: 'system', today });
    if (result) opened.push(span.label);
  }
  let nudges = 0;
  for (const period of await listPeriodRows(db)) {
    if (period.status === 'closed') continue;
    nudges += await nudgePeriod(db, period, today);
  }
  return { opened, nudges };
}

/** Runs the cycle every few minutes (main.ts); runs never overlap and the timer does not keep the process alive. */
export function startAppraisalCycle(db: Kysely<DB>, log: Log, everyMs = 5 * 60_000): Job {
  const run = async () => {
    const r = await runAppraisalCycle(db);
    if (r.opened.length || r.nudges) log.info(r, 'appraisal cycle');
  };
  const job = every(everyMs, run, (err) => log.error({ err }, 'appraisal cycle failed'));
  // The first run need not wait for the first tick: a server started on the 1st opens the month at once.
  setTimeout(() => run().catch((err) => log.error({ err }, 'appraisal cycle failed')), 2_000).unref();
  return job;
}
