import type { Kysely, Transaction } from 'kysely';
import { addBusinessTime, type BusinessCalendar, businessMsBetween, type Pause, slaDeadline, slaStatus } from '../../../core/sla-clock.ts';
import type { Priority, SlaClock } from '../../../core/work-orders.ts';
import type { DB, Locale, WorkOrder } from '../../db/schema.ts';
import { loadBusinessCalendar } from '../calendar/service.ts';
import { getSetting } from '../settings/service.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The SLA policy an order keeps from the day it was received, so later setting changes do not move its goalposts. */
export type SlaPolicy = {
  priority: Priority;
  asOf: string;
  calendar: 'business' | '24x7';
  targets: Record<SlaClock, number>;
  warnAtPercent: number;
};

export async function slaPolicyFor(db: Db, priority: Priority, asOf: string): Promise<SlaPolicy> {
  const targets = (await getSetting(db, 'sla.targets', asOf))[priority];
  return {
    priority,
    asOf,
    calendar: targets.calendar,
    targets: { response: targets.responseMinutes, arrival: targets.arrivalMinutes, resolution: targets.resolutionMinutes },
    warnAtPercent: await getSetting(db, 'sla.warnAtPercent', asOf),
  };
}

type OrderTimes = Pick<WorkOrder, 'receivedAt' | 'respondedAt' | 'arrivedAt' | 'resolvedAt' | 'state' | 'visitScheduledAt'> & { sla: unknown };

const MET: Record<SlaClock, (o: OrderTimes) => Date | null> = {
  response: (o) => o.respondedAt,
  arrival: (o) => o.arrivedAt,
  resolution: (o) => o.resolvedAt,
};

export type ClockView = {
  clock: SlaClock;
  targetMinutes: number;
  dueAt: Date | null;
  metAt: Date | null;
  status: ReturnType<typeof slaStatus> | 'not_applicable';
  pausedMinutes: number;
  explanation: string;
};

const PRIORITY_ZH: Record<Priority, string> = { urgent: '紧急', high: '高', normal: '普通', low: '低' };

/** How a deadline was reached, in the reader's language. */
function explain(policy: SlaPolicy, clock: SlaClock, cal: BusinessCalendar, pausedMs: number, locale: Locale): string {
  const paused = Math.round(pausedMs / 60000);
  if (locale === 'zh-CN') {
    const hours = cal.kind === 'business' ? `工作日 ${cal.dayStart}-${cal.dayEnd} 的工作时间（${cal.timeZone}，节假日与调休按公司日历）` : '全天候（7×24 小时）';
    const pause = paused > 0 ? `，另加挂起 ${paused} 分钟` : '';
    return `自受理起 ${policy.targets[clock]} 分钟，按${hours}计${pause}；${PRIORITY_ZH[policy.priority]}优先级，依据 ${policy.asOf} 生效的 sla.targets`;
  }
  const hours = cal.kind === 'business' ? `business hours ${cal.dayStart}-${cal.dayEnd} on working days (${cal.timeZone}, holidays and make-up days from the company calendar)` : 'round the clock';
  const pause = paused > 0 ? `, plus ${paused} min on hold` : '';
  return `${policy.targets[clock]} min of ${hours} from receipt${pause}; ${policy.priority} priority, sla.targets as of ${policy.asOf}`;
}

/** Calendars loaded once per request, by kind and date. */
export type CalendarCache = Map<string, Promise<BusinessCalendar>>;

function calendarOf(db: Db, policy: SlaPolicy, cache: CalendarCache): Promise<BusinessCalendar> {
  const key = `${policy.calendar}:${policy.asOf}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const cal = loadBusinessCalendar(db, policy.calendar, policy.asOf);
  cache.set(key, cal);
  return cal;
}

/**
 * The stored deadlines and warning instants of an order, from its policy and its pauses so far;
 * lists, filters and the escalation job read these columns. An open pause leaves them where
 * they were: they move when the order resumes.
 */
export async function storedDeadlines(db: Db, order: OrderTimes, pauses: Pause[], now: Date, cache: CalendarCache = new Map()) {
  const policy = order.sla as SlaPolicy;
  const cal = await calendarOf(db, policy, cache);
  const closedPauses = pauses.filter((p) => p.to !== null);
  const one = (clock: SlaClock) => {
    const d = slaDeadline({ start: order.receivedAt, targetMs: policy.targets[clock] * 60_000, pauses: closedPauses, now, cal });
    const allowance = businessMsBetween(order.receivedAt, d.deadline, cal);
    return { due: d.deadline, warn: addBusinessTime(order.receivedAt, Math.floor((allowance * policy.warnAtPercent) / 100), cal) };
  };
  const r = one('response');
  const a = one('arrival');
  const z = one('resolution');
  return {
    responseDueAt: r.due,
    responseWarnAt: r.warn,
    arrivalDueAt: a.due,
    arrivalWarnAt: a.warn,
    resolutionDueAt: z.due,
    resolutionWarnAt: z.warn,
  };
}

/** The three clocks of an order now: deadline, whether met, status, and how the deadline was reached. */
export async function orderClocks(
  db: Db,
  order: OrderTimes,
  pauses: Pause[],
  now: Date,
  locale: Locale = 'en',
  cache: CalendarCache = new Map(),
): Promise<ClockView[]> {
  const policy = order.sla as SlaPolicy;
  const cal = await calendarOf(db, policy, cache);
  // A remote resolution never needs a visit: the arrival clock does not apply to it.
  const remote = order.state === 'resolved_remotely' || (order.resolvedAt !== null && order.arrivedAt === null);
  return (['response', 'arrival', 'resolution'] as const).map((clock) => {
    const metAt = MET[clock](order);
    if (clock === 'arrival' && remote) {
      return { clock, targetMinutes: policy.targets[clock], dueAt: null, metAt: null, status: 'not_applicable', pausedMinutes: 0, explanation: 'resolved without a visit' };
    }
    const d = slaDeadline({ start: order.receivedAt, targetMs: policy.targets[clock] * 60_000, pauses, now: metAt ?? now, cal });
    const status = slaStatus({ deadline: d.deadline, metAt, now, warnRatio: policy.warnAtPercent / 100, start: order.receivedAt, cal, paused: d.paused });
    return {
      clock,
      targetMinutes: policy.targets[clock],
      dueAt: d.deadline,
      metAt,
      status,
      pausedMinutes: Math.round(d.pausedMs / 60000),
      explanation: explain(policy, clock, cal, d.pausedMs, locale),
    };
  });
}


type StoredClocks = OrderTimes &
  Pick<WorkOrder, 'responseDueAt' | 'responseWarnAt' | 'arrivalDueAt' | 'arrivalWarnAt' | 'resolutionDueAt' | 'resolutionWarnAt'>;

/** A clock's status from the stored deadline and warning instants: what lists show without loading a calendar. */
export function storedStatus(order: StoredClocks, now: Date): ClockView['status'] {
  const remote = order.state === 'resolved_remotely' || (order.resolvedAt !== null && order.arrivedAt === null);
  const clocks: [Date | null, Date | null, Date | null][] = [
    [order.respondedAt, order.responseDueAt, order.responseWarnAt],
    ...(remote ? [] : [[order.arrivedAt, order.arrivalDueAt, order.arrivalWarnAt] as [Date | null, Date | null, Date | null]]),
    [order.resolvedAt, order.resolutionDueAt, order.resolutionWarnAt],
  ];
  const statuses = clocks.map(([met, due, warn]): ClockView['status'] => {
    if (!due) return 'not_applicable';
    if (met) return met <= due ? 'met' : 'met_late';
    if (order.state === 'cancelled') return 'not_applicable';
    if (now > due) return 'breached';
    if (order.state === 'on_hold') return 'paused';
    return warn && now >= warn ? 'at_risk' : 'on_track';
  });
  const rank: ClockView['status'][] = ['breached', 'at_risk', 'paused', 'on_track', 'met_late', 'met', 'not_applicable'];
  return rank.find((s) => statuses.includes(s)) ?? 'not_applicable';
}
