import { randomUUID } from 'node:crypto';
import { dateInZone } from '../../core/settings.ts';
import { zonedDayStart } from '../../core/time.ts';
import type { State } from '../../core/work-order-lifecycle.ts';
import { type Category, type Channel, formatOrderNumber, type Priority } from '../../core/work-orders.ts';
import type { Random } from '../../server/db/seed/random.ts';
import { workOrderSearchKeys } from '../../server/modules/work-orders/search-keys.ts';
import type { SlaPolicy } from '../../server/modules/work-orders/sla.ts';
import type { Demo, DemoCustomer, DemoProduct, DemoTechnician } from './demo-data.ts';
import {
  CANCEL_REASONS,
  DETAILS,
  FAULTS,
  familyOf,
  PLACES,
  REQUESTS,
  SERVICE_TITLES,
  SOLUTIONS,
  WHEN,
} from './vocabulary.ts';

// Realistic historical work orders, generated in TypeScript for the bulk load. The columns are
// the ones receiveOrder and transitionOrder write (number, SLA policy and deadlines, search
// keys, state marks); deadlines use plain wall-clock offsets instead of the business calendar.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Picks by weight in O(log n). */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [item, weight] of entries) {
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
  }
  pick(rng: Random): T {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------------------
// When orders arrive: two years of company days, fewer at weekends, slowly growing; most
// between 08:00 and 18:00 company time.

const HOUR_WEIGHTS = [0.05, 0.03, 0.03, 0.03, 0.03, 0.05, 0.1, 0.3, 1.2, 2, 2.2, 1.8, 1, 1.6, 2, 1.9, 1.6, 1.2, 0.6, 0.4, 0.3, 0.2, 0.1, 0.08];
const hours = new Weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
const WEEKDAY_FACTOR = [0.25, 1, 1, 1, 1, 1, 0.4]; // Sunday .. Saturday

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The company days of the last `days` days before today, with how many orders each received (summing to `total`). */
export function planDays(total: number, days: number, now: Date, zone: string): { day: string; count: number }[] {
  const today = dateInZone(now, zone);
  const plan = Array.from({ length: days }, (_, i) => {
    const day = addDays(today, i - days);
    const growth = 0.8 + (0.4 * i) / days;
    return { day, weight: WEEKDAY_FACTOR[new Date(`${day}T00:00:00Z`).getUTCDay()]! * growth };
  });
  const sum = plan.reduce((s, d) => s + d.weight, 0);
  let cumulative = 0;
  let assigned = 0;
  return plan.map((d) => {
    cumulative += d.weight;
    const upTo = Math.round((cumulative / sum) * total);
    const count = upTo - assigned;
    assigned = upTo;
    return { day: d.day, count };
  });
}

/** The receipt instants of one company day, in order. */
export function receiptTimes(day: string, count: number, zone: string, rng: Random): Date[] {
  const start = zonedDayStart(day, zone).getTime();
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(start + hours.pick(rng) * HOUR + Math.floor(rng.next() * HOUR));
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}

// ---------------------------------------------------------------------------------------
// Rows, in the database's own column names (they go through json_to_recordset).

type Instant = string | null;
export type OrderRecord = {
  id: string;
  number: string;
  channel: Channel;
  customer_id: string;
  contact_id: string | null;
  site_id: string | null;
  product_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  title: string;
  description: string;
  category: Category;
  priority: Priority;
  state: State;
  held_from_state: State | null;
  hold_reason: 'customer' | 'parts' | 'other' | null;
  team_id: string | null;
  assignee_id: string | null;
  received_at: string;
  responded_at: Instant;
  arrived_at: Instant;
  resolved_at: Instant;
  closed_at: Instant;
  cancelled_at: Instant;
  visit_scheduled_at: Instant;
  expected_arrival_at: Instant;
  solution: string | null;
  resolution: string | null;
  cancel_reason: string | null;
  sla: SlaPolicy;
  response_due_at: string;
  arrival_due_at: string;
  resolution_due_at: string;
  response_warn_at: string;
  arrival_warn_at: string;
  resolution_warn_at: string;
  created_by: string | null;
  search_text: string;
  search_grams: string[];
  version: number;
  created_at: string;
  updated_at: string;
};
export type EventRecord = {
  work_order_id: string;
  at: string;
  actor_user_id: string | null;
  actor_employee_id: string | null;
  actor_label: string;
  action: string;
  from_state: State | null;
  to_state: State;
  data: Record<string, unknown>;
};
export type PauseRecord = { work_order_id: string; reason: 'customer' | 'parts'; started_at: string };
export type GeneratedOrder = { order: OrderRecord; events: EventRecord[]; pause: PauseRecord | null };

export type SlaSettings = {
  targets: Record<Priority, { responseMinutes: number; arrivalMinutes: number; resolutionMinutes: number; calendar: 'business' | '24x7' }>;
  warnAtPercent: number;
};

/** What a customer reports: for the bulk and for the intake measure alike. */
export type Report = {
  channel: Channel;
  customer: DemoCustomer;
  contact: DemoCustomer['contacts'][number] | null;
  product: DemoProduct;
  siteId: string | null;
  category: Category;
  priority: Priority;
  title: string;
  description: string;
};

const CHANNELS = new Weighted<Channel>([['phone', 45], ['email', 12], ['portal', 20], ['chat', 15], ['api', 8]]);
const PRIORITIES = new Weighted<Priority>([['urgent', 5], ['high', 20], ['normal', 60], ['low', 15]]);
const CATEGORIES = new Weighted<Category>([
  ['fault_repair', 62],
  ['maintenance', 15],
  ['installation', 5],
  ['commissioning', 4],
  ['consultation', 8],
  ['complaint', 3],
  ['other', 3],
]);
/** How open orders spread over the open states. */
const OPEN_STATES = new Weighted<State>([
  ['new', 10],
  ['assigned', 10],
  ['accepted', 7],
  ['contacted', 7],
  ['diagnosing', 12],
  ['solution_proposed', 8],
  ['resolved_remotely', 6],
  ['visit_scheduled', 10],
  ['en_route', 3],
  ['on_site', 5],
  ['work_done', 7],
  ['customer_accepted', 7],
  ['on_hold', 8],
]);
const HOLDABLE: State[] = ['accepted', 'contacted', 'diagnosing', 'solution_proposed', 'visit_scheduled', 'en_route', 'on_site'];
/** Which position takes which kind of order. */
const POSITIONS: Record<Category, Weighted<string>> = {
  fault_repair: new Weighted([['repair_engineer', 65], ['support_engineer', 35]]),
  maintenance: new Weighted([['repair_engineer', 70], ['installation_engineer', 30]]),
  installation: new Weighted([['installation_engineer', 1]]),
  commissioning: new Weighted([['installation_engineer', 1]]),
  consultation: new Weighted([['support_engineer', 1]]),
  complaint: new Weighted([['support_engineer', 1], ['repair_engineer', 1], ['installation_engineer', 1]]),
  other: new Weighted([['support_engineer', 1]]),
};
/** The lifecycle step that leads into each state, and the order's version once there. */
const ENTRY: Record<State, { action: string; version: number }> = {
  new: { action: 'publish', version: 1 },
  assigned: { action: 'assign', version: 2 },
  accepted: { action: 'accept', version: 3 },
  contacted: { action: 'contact_customer', version: 4 },
  diagnosing: { action: 'start_diagnosis', version: 5 },
  solution_proposed: { action: 'propose_solution', version: 6 },
  resolved_remotely: { action: 'resolve_remotely', version: 7 },
  visit_scheduled: { action: 'schedule_visit', version: 7 },
  en_route: { action: 'depart', version: 8 },
  on_site: { action: 'arrive', version: 9 },
  work_done: { action: 'complete_work', version: 10 },
  customer_accepted: { action: 'customer_accept', version: 11 },
  closed: { action: 'close', version: 12 },
  on_hold: { action: 'hold', version: 0 },
  cancelled: { action: 'cancel', version: 3 },
};
const PREVIOUS: Partial<Record<State, State>> = {
  assigned: 'new',
  accepted: 'assigned',
  contacted: 'accepted',
  diagnosing: 'contacted',
  solution_proposed: 'diagnosing',
  resolved_remotely: 'solution_proposed',
  visit_scheduled: 'solution_proposed',
  en_route: 'visit_scheduled',
  on_site: 'en_route',
  work_done: 'on_site',
  customer_accepted: 'work_done',
  closed: 'customer_accepted',
};

/** Offsets from receipt (ms) of an order's marks and of its last step. */
type Progress = { responded: number | null; arrived: number | null; resolved: number | null; closed: number | null; cancelled: number | null; last: number };

export class OrderGenerator {
  private readonly customers: Weighted<DemoCustomer>;
  private readonly technicians = new Map<string, DemoTechnician[]>();
  private readonly teamByCity = new Map<string, string>();
  private readonly agent: { userId: string; employeeId: string | null; label: string };
  /** Expected open share is about 12%: an order's chance to be still open decays with its age. */
  private readonly openDecayDays = 92;

  constructor(
    private readonly demo: Demo,
    private readonly sla: SlaSettings,
    private readonly now: Date,
    private readonly rng: Random,
  ) {
    // Companies with more installed equipment report more.
    this.customers = new Weighted(demo.customers.map((c) => [c, c.kind === 'company' ? 2 + c.products.length : 1] as const));
    for (const t of demo.technicians) {
      const key = `${t.teamId}:${t.position}`;
      this.technicians.set(key, [...(this.technicians.get(key) ?? []), t]);
    }
    for (const team of demo.teams) if (team.city) this.teamByCity.set(team.city, team.id);
    const agent = demo.users.get('agent');
    if (!agent) throw new Error('the demo seed has no agent user');
    this.agent = { userId: agent.id, employeeId: agent.employeeId, label: agent.displayName };
  }

  /** A customer's report: who, which product, what is wrong. */
  report(): Report {
    const rng = this.rng;
    const customer = this.customers.pick(rng);
    const product = rng.pick(customer.products);
    const contact = customer.contacts.length ? (rng.chance(0.7) ? customer.contacts[0]! : rng.pick(customer.contacts)) : null;
    const category = CATEGORIES.pick(rng);
    const { title, description } = category === 'fault_repair' ? this.faultText(product) : this.serviceText(category, product);
    return { channel: CHANNELS.pick(rng), customer, contact, product, siteId: product.siteId, category, priority: PRIORITIES.pick(rng), title, description };
  }

  /** One historical order received at `receivedAt`, the `sequence`-th of its company day. */
  order(receivedAt: Date, day: string, sequence: number): GeneratedOrder {
    const rng = this.rng;
    const r = this.report();
    const id = randomUUID();
    const number = formatOrderNumber(day, sequence);
    const state = this.stateFor(receivedAt);
    const heldFrom = state === 'on_hold' ? rng.pick(HOLDABLE) : null;
    const effective = heldFrom ?? state;
    const team = this.teamFor(r);
    const technician = effective === 'new' || (state === 'cancelled' && rng.chance(0.6)) ? null : this.technicianFor(team, r.category);
    const published = effective === 'new' && state !== 'cancelled' && rng.chance(0.5);
    const visited = ['visit_scheduled', 'en_route', 'on_site', 'work_done'].includes(effective) || (effective !== 'resolved_remotely' && this.visits(r.category));
    const policy = this.policy(r.priority, day);
    const p = this.progress(receivedAt, policy, state, effective, visited);
    const at = (offset: number | null) => (offset === null ? null : new Date(receivedAt.getTime() + offset).toISOString());
    const due = (minutes: number) => new Date(receivedAt.getTime() + minutes * MINUTE).toISOString();
    const warn = (minutes: number) => new Date(receivedAt.getTime() + (minutes * MINUTE * policy.warnAtPercent) / 100).toISOString();
    const solution = p.responded !== null && !['contacted', 'diagnosing'].includes(effective) ? rng.pick(SOLUTIONS) : null;
    const byAgent = r.channel === 'phone' || r.channel === 'email' || r.channel === 'chat';

    const order: OrderRecord = {
      id,
      number,
      channel: r.channel,
      customer_id: r.customer.id,
      contact_id: r.contact?.id ?? null,
      site_id: r.siteId,
      product_id: r.product.id,
      reporter_name: r.contact?.name ?? null,
      reporter_phone: r.contact?.phone ?? null,
      title: r.title,
      description: r.description,
      category: r.category,
      priority: r.priority,
      state,
      held_from_state: heldFrom,
      hold_reason: heldFrom ? rng.pick(['customer', 'parts', 'other'] as const) : null,
      team_id: technician?.teamId ?? (published ? team : null),
      assignee_id: technician?.id ?? null,
      received_at: receivedAt.toISOString(),
      responded_at: at(p.responded),
      arrived_at: at(p.arrived),
      resolved_at: at(p.resolved),
      closed_at: at(p.closed),
      cancelled_at: at(p.cancelled),
      visit_scheduled_at: effective === 'visit_scheduled' ? new Date(this.now.getTime() + rng.int(2, 72) * HOUR).toISOString() : null,
      expected_arrival_at: effective === 'en_route' ? new Date(this.now.getTime() + rng.int(10, 90) * MINUTE).toISOString() : null,
      solution,
      resolution: p.resolved !== null && solution ? `已${solution}，设备恢复正常运行。` : null,
      cancel_reason: state === 'cancelled' ? rng.pick(CANCEL_REASONS) : null,
      sla: policy,
      response_due_at: due(policy.targets.response),
      arrival_due_at: due(policy.targets.arrival),
      resolution_due_at: due(policy.targets.resolution),
      response_warn_at: warn(policy.targets.response),
      arrival_warn_at: warn(policy.targets.arrival),
      resolution_warn_at: warn(policy.targets.resolution),
      created_by: byAgent ? this.agent.userId : null,
      ...snakeSearchKeys(number, r.title, r.description),
      version: state === 'on_hold' ? ENTRY[effective].version + 1 : ENTRY[state].version,
      created_at: receivedAt.toISOString(),
      updated_at: at(p.last)!,
    };
    const events = this.events(order, r.channel, technician, p, published);
    const pause =
      order.hold_reason === 'customer' || order.hold_reason === 'parts' ? { work_order_id: id, reason: order.hold_reason, started_at: at(p.last)! } : null;
    return { order, events, pause };
  }

  /** Open orders are recent: the chance to be open falls with age; of the rest about 3.4% were cancelled. */
  private stateFor(receivedAt: Date): State {
    const ageDays = (this.now.getTime() - receivedAt.getTime()) / DAY;
    if (this.rng.chance(0.95 * Math.exp(-ageDays / this.openDecayDays))) return OPEN_STATES.pick(this.rng);
    return this.rng.chance(0.034) ? 'cancelled' : 'closed';
  }

  private teamFor(r: Report): string {
    const city = r.customer.sites.find((s) => s.id === r.siteId)?.city;
    return (city && this.teamByCity.get(city)) || this.rng.pick(this.demo.teams).id;
  }

  private technicianFor(teamId: string, category: Category): DemoTechnician {
    const candidates = this.technicians.get(`${teamId}:${POSITIONS[category].pick(this.rng)}`) ?? this.demo.technicians;
    return this.rng.pick(candidates);
  }

  private visits(category: Category): boolean {
    if (category === 'fault_repair') return this.rng.chance(0.65);
    return category === 'maintenance' || category === 'installation' || category === 'commissioning';
  }

  private policy(priority: Priority, asOf: string): SlaPolicy {
    const t = this.sla.targets[priority];
    return {
      priority,
      asOf,
      calendar: t.calendar,
      targets: { response: t.responseMinutes, arrival: t.arrivalMinutes, resolution: t.resolutionMinutes },
      warnAtPercent: this.sla.warnAtPercent,
    };
  }

  /**
   * When each mark was reached: a full history drawn around the SLA targets (about one in eight
   * late), cut at the order's state, then squeezed so that nothing lies in the future.
   */
  private progress(receivedAt: Date, policy: SlaPolicy, state: State, effective: State, visited: boolean): Progress {
    const u = (a: number, b: number) => a + this.rng.next() * (b - a);
    const t = policy.targets;
    const resp = t.response * MINUTE * u(0.05, 1.15);
    const arrive = visited ? Math.max(resp + 15 * MINUTE, t.arrival * MINUTE * u(0.2, 1.15)) : null;
    const resolve = Math.max((arrive ?? resp) + 20 * MINUTE, t.resolution * MINUTE * u(0.3, 1.2));
    const none = { responded: null, arrived: null, resolved: null, closed: null, cancelled: null };
    const byState: Record<State, () => Progress> = {
      new: () => ({ ...none, last: u(1, 15) * MINUTE }),
      assigned: () => ({ ...none, last: resp * u(0.1, 0.5) }),
      accepted: () => ({ ...none, last: resp * u(0.5, 0.9) }),
      contacted: () => ({ ...none, responded: resp, last: resp }),
      diagnosing: () => ({ ...none, responded: resp, last: resp + u(10, 120) * MINUTE }),
      solution_proposed: () => ({ ...none, responded: resp, last: resp + u(1, 8) * HOUR }),
      resolved_remotely: () => ({ ...none, responded: resp, resolved: resolve, last: resolve }),
      visit_scheduled: () => ({ ...none, responded: resp, last: resp + u(1, 8) * HOUR }),
      en_route: () => ({ ...none, responded: resp, last: Math.max(resp + 5 * MINUTE, (arrive ?? resolve) - u(20, 60) * MINUTE) }),
      on_site: () => ({ ...none, responded: resp, arrived: arrive, last: arrive ?? resp }),
      work_done: () => ({ ...none, responded: resp, arrived: arrive, resolved: resolve, last: resolve }),
      customer_accepted: () => ({ ...none, responded: resp, arrived: arrive, resolved: resolve, last: resolve + u(1, 48) * HOUR }),
      closed: () => {
        const closed = resolve + u(2, 96) * HOUR;
        return { responded: resp, arrived: arrive, resolved: resolve, closed, cancelled: null, last: closed };
      },
      on_hold: () => ({ ...none, last: 0 }),
      cancelled: () => {
        const cancelled = u(10, 48 * 60) * MINUTE;
        return { ...none, cancelled, last: cancelled };
      },
    };
    let p = byState[state]();
    if (state === 'on_hold') {
      const before = byState[effective]();
      p = { ...before, last: before.last + u(10, 240) * MINUTE };
    }
    const room = this.now.getTime() - MINUTE - receivedAt.getTime();
    if (p.last <= room) return p;
    const f = Math.max(0, room) / p.last;
    const squeeze = (v: number | null) => (v === null ? null : Math.floor(v * f));
    return { responded: squeeze(p.responded), arrived: squeeze(p.arrived), resolved: squeeze(p.resolved), closed: squeeze(p.closed), cancelled: squeeze(p.cancelled), last: Math.floor(p.last * f) };
  }

  /** The receive event of every order, and the step that brought it to its present state. */
  private events(o: OrderRecord, channel: Channel, technician: DemoTechnician | null, p: Progress, published: boolean): EventRecord[] {
    const byAgent = o.created_by !== null;
    const receive: EventRecord = {
      work_order_id: o.id,
      at: o.received_at,
      actor_user_id: byAgent ? this.agent.userId : null,
      actor_employee_id: byAgent ? this.agent.employeeId : null,
      actor_label: byAgent ? this.agent.label : channel === 'portal' ? '客户门户' : 'API',
      action: 'receive',
      from_state: null,
      to_state: 'new',
      data: { channel, duplicateOfId: null },
    };
    if (o.state === 'new' && !published) return [receive];
    const dispatcherStep = o.state === 'new' || o.state === 'assigned' || o.state === 'cancelled';
    const from: State | null =
      o.state === 'on_hold' ? o.held_from_state : o.state === 'cancelled' ? (o.assignee_id ? 'assigned' : 'new') : (PREVIOUS[o.state] ?? 'new');
    const last: EventRecord = {
      work_order_id: o.id,
      at: new Date(Date.parse(o.received_at) + p.last).toISOString(),
      actor_user_id: dispatcherStep ? this.agent.userId : null,
      actor_employee_id: dispatcherStep ? this.agent.employeeId : (technician?.id ?? null),
      actor_label: dispatcherStep ? this.agent.label : (technician?.name ?? this.agent.label),
      action: ENTRY[o.state].action,
      from_state: from,
      to_state: o.state,
      data:
        o.state === 'assigned'
          ? { assigneeId: o.assignee_id, assigneeName: technician?.name }
          : o.state === 'new'
            ? { teamId: o.team_id }
            : o.state === 'cancelled'
              ? { reason: o.cancel_reason }
              : o.state === 'on_hold'
                ? { reason: o.hold_reason, note: '等待备件或客户确认' }
                : {},
    };
    return [receive, last];
  }

  private faultText(product: DemoProduct): { title: string; description: string } {
    const rng = this.rng;
    const { family, short } = familyOf(product.model);
    const faults = FAULTS.filter((f) => f.families.includes(family));
    const fault = this.fill(rng.pick(faults).fault);
    const details = rng.sample(DETAILS, rng.int(1, 3)).map((d) => this.fill(d));
    const where = rng.chance(0.6) ? `${rng.pick(PLACES)}的` : '';
    return {
      title: `${short}${fault}`,
      description: `${rng.pick(WHEN)}，${where}${product.productName}（型号 ${product.model}，序列号 ${product.serialNumber}）${fault}。${details.join('；')}。${rng.pick(REQUESTS)}`,
    };
  }

  private serviceText(category: Exclude<Category, 'fault_repair'>, product: DemoProduct): { title: string; description: string } {
    const rng = this.rng;
    const { short } = familyOf(product.model);
    const what = rng.pick(SERVICE_TITLES[category]);
    const note = rng.pick(['按合同约定安排', '客户希望本周内完成', '现场需要提前办理出入证', '请携带常用备件', '联系人白天在现场']);
    const lead = category === 'complaint' ? '客户反映' : '';
    return {
      title: `${short}${what}`,
      description: `${lead}${product.productName}（型号 ${product.model}，序列号 ${product.serialNumber}）${what}。${note}。${rng.pick(REQUESTS)}`,
    };
  }

  private fill(text: string): string {
    const rng = this.rng;
    return text
      .replace('{code}', `E${String(rng.int(1, 99)).padStart(2, '0')}`)
      .replace('{n}', String(rng.int(2, 30)))
      .replace('{temp}', String(rng.int(7, 58)))
      .replace('{amp}', String(rng.int(12, 180)));
  }
}

function snakeSearchKeys(number: string, title: string, description: string) {
  const keys = workOrderSearchKeys({ number, title, description });
  return { search_text: keys.searchText, search_grams: keys.searchGrams };
}
