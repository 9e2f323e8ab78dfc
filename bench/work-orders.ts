// Work-order benchmark (issue 3): seeds a large order book, then times intake, transitions,
// the list filters agents and supervisors use most, and similar-case search.
//
//   npm run bench:work-orders -- [--orders 1000000] [--intake 500] [--transitions 500] [--runs 50] [--keep] [--explain]
//   npm run bench:work-orders -- --reuse <postgres URL | PGlite folder kept by --keep>   (measures only)
//
// With DATABASE_URL it runs in a fresh database on that PostgreSQL server (dropped at the end
// unless --keep); otherwise on PGlite in a temporary data folder. stdout gets one JSON line per
// measure; progress (and, with --explain, the query plans) goes to stderr. Never part of `npm test`.
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import type { Action } from '../core/work-order-lifecycle.ts';
import type { Engine } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { DB } from '../server/db/schema.ts';
import { seedDemoCompany } from '../server/db/seed/demo.ts';
import { Random } from '../server/db/seed/random.ts';
import { similarOrders } from '../server/modules/knowledge/service.ts';
import { ensureDefaultSettings, getSetting } from '../server/modules/settings/service.ts';
import { type Intake, receiveOrder, type Recorder } from '../server/modules/work-orders/intake.ts';
import { listOrders } from '../server/modules/work-orders/read.ts';
import { listWorkOrdersQuery } from '../server/modules/work-orders/schemas.ts';
import { transitionOrder } from '../server/modules/work-orders/transitions.ts';
import { actorFromUser, type ServiceContext } from '../server/platform/actor.ts';
import { openBenchDatabase } from './work-orders/database.ts';
import { type Demo, demoUser, loadDemo } from './work-orders/demo-data.ts';
import { explain, recording } from './work-orders/explain.ts';
import { OrderGenerator } from './work-orders/generate.ts';
import { emit, progress, type Line, summarize, timed } from './work-orders/report.ts';
import { seedOrders } from './work-orders/seed.ts';
import { QUERY_FRAGMENTS } from './work-orders/vocabulary.ts';

/** The targets on the PostgreSQL server at 1,000,000 orders. */
const TARGET_P95_MS = { list: 50, similar: 100 };
const WARM_UP_RUNS = 5;
const SIMILAR_LIMIT = 10;
const SEED = 0x3b0c;

type Options = { orders: number; intake: number; transitions: number; runs: number; keep: boolean; explain: boolean; reuse: string | undefined };
type Bench = { db: Kysely<DB>; engine: Engine; demo: Demo; generator: OrderGenerator; rng: Random; options: Options; orders: () => number };

function options(): Options {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '1000000' },
      intake: { type: 'string', default: '500' },
      transitions: { type: 'string', default: '500' },
      runs: { type: 'string', default: '50' },
      keep: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      reuse: { type: 'string' },
    },
  });
  const count = (name: 'orders' | 'intake' | 'transitions' | 'runs') => {
    const n = Number(values[name]);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${values[name]}`);
    return n;
  };
  return {
    orders: count('orders'),
    intake: count('intake'),
    transitions: count('transitions'),
    runs: count('runs'),
    keep: values.keep,
    explain: values.explain,
    reuse: values.reuse,
  };
}

async function contextOf(db: Kysely<DB>, demo: Demo, username: string): Promise<ServiceContext> {
  const actor = await actorFromUser(db, demoUser(demo, username), { kind: 'token', tokenId: 'bench' });
  return { db, actor, requestId: `bench-${username}` };
}

/** A fresh report as the agent records it: no assignee, no team yet. */
function intakeOf(generator: OrderGenerator): Intake {
  const r = generator.report();
  return {
    channel: r.channel,
    customerId: r.customer.id,
    contactId: r.contact?.id ?? null,
    siteId: r.siteId,
    productId: r.product.id,
    reporterName: r.contact?.name ?? null,
    reporterPhone: r.contact?.phone ?? null,
    reporterEmail: null,
    title: r.title,
    description: r.description,
    category: r.category,
    priority: r.priority,
    preferredFrom: null,
    preferredTo: null,
    duplicateOfId: null,
    assigneeId: null,
    teamId: null,
    attachments: [],
  };
}

function recorderOf(demo: Demo): Recorder {
  const agent = demoUser(demo, 'agent');
  return { userId: agent.id, employeeId: agent.employeeId, label: agent.displayName, requestId: 'bench-intake' };
}

/** Intake throughput: orders received one after another through the real receiveOrder (P4.1.1-P4.1.2). */
async function measureIntake(b: Bench): Promise<void> {
  const recorder = recorderOf(b.demo);
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < b.options.intake; i++) {
    const intake = intakeOf(b.generator);
    durations.push((await timed(() => receiveOrder(b.db, intake, recorder))).ms);
  }
  emit({ engine: b.engine, measure: 'intake', orders: b.orders(), calls: durations.length, ...summarize(durations, performance.now() - started) });
}

/**
 * Transition throughput: the first steps of fresh orders through the real transitionOrder —
 * the supervisor assigns to the demo repair engineer, who accepts, contacts the customer and
 * starts the diagnosis. The fresh orders are received beforehand and not timed.
 */
async function measureTransitions(b: Bench): Promise<void> {
  const supervisor = await contextOf(b.db, b.demo, 'supervisor');
  const repair = await contextOf(b.db, b.demo, 'repair');
  const steps: { ctx: ServiceContext; action: Action; payload: Record<string, unknown> }[] = [
    { ctx: supervisor, action: 'assign', payload: { assigneeId: repair.actor.employeeId } },
    { ctx: repair, action: 'accept', payload: {} },
    { ctx: repair, action: 'contact_customer', payload: {} },
    { ctx: repair, action: 'start_diagnosis', payload: {} },
  ];
  const recorder = recorderOf(b.demo);
  const fresh: string[] = [];
  for (let i = 0; i < Math.ceil(b.options.transitions / steps.length); i++) fresh.push(await receiveOrder(b.db, intakeOf(b.generator), recorder));

  const durations: number[] = [];
  const started = performance.now();
  for (const id of fresh) {
    let version = 1;
    for (const step of steps) {
      if (durations.length === b.options.transitions) break;
      const { result, ms } = await timed(() => transitionOrder(step.ctx, id, { action: step.action, version, payload: step.payload }));
      version = result.version;
      durations.push(ms);
    }
  }
  emit({ engine: b.engine, measure: 'transitions', orders: b.orders(), calls: durations.length, ...summarize(durations, performance.now() - started) });
}

/** A list filter: who asks (cycled from run to run) and the query string of each run. */
type ListFilter = { measure: string; usernames: string[]; query: (run: number) => Record<string, string> };

/**
 * The five filters agents and supervisors use most, plus two bonuses, each as the list page
 * asks for them (limit 25, newest first), with the parameters varied from run to run.
 */
function listFilters(b: Bench): ListFilter[] {
  const teams = b.demo.teams.map((t) => t.id);
  const technicians = b.rng.shuffle(b.demo.technicians.map((t) => t.id));
  const customers = b.rng.shuffle(b.demo.customers.map((c) => c.id));
  const fragments = b.rng.shuffle(QUERY_FRAGMENTS);
  const at = <T>(items: readonly T[], run: number) => items[run % items.length]!;
  return [
    // (1) the open orders, newest first: the agent's queue
    { measure: 'list_open', usernames: ['agent'], query: () => ({ state: 'open' }) },
    // (2) one team's open orders: the supervisor's board
    { measure: 'list_team_open', usernames: ['supervisor'], query: (run) => ({ teamId: at(teams, run), state: 'open' }) },
    // (3) one technician's open orders, as a dispatcher looks at their load
    { measure: 'list_technician_open', usernames: ['supervisor'], query: (run) => ({ assigneeId: at(technicians, run), state: 'open' }) },
    // (4) the orders whose SLA is breached
    { measure: 'list_sla_breached', usernames: ['agent'], query: () => ({ sla: 'breached' }) },
    // (5) full text on the description: a Chinese fragment of two to four characters
    { measure: 'list_text', usernames: ['agent'], query: (run) => ({ q: at(fragments, run) }) },
    // (6) bonus: one customer's orders, as the agent sees them on a call
    { measure: 'list_customer', usernames: ['agent'], query: (run) => ({ customerId: at(customers, run) }) },
    // (7) bonus: a technician's own open orders ("mine"), through the technician's visibility scope
    { measure: 'list_mine_open', usernames: ['support', 'repair', 'install'], query: () => ({ mine: 'true', state: 'open' }) },
  ];
}

/** List/filter latency: warm-up runs, then timed runs of the real listOrders, each with the next parameters. */
async function measureList(b: Bench, filter: ListFilter): Promise<void> {
  const contexts = await Promise.all(filter.usernames.map((u) => contextOf(b.db, b.demo, u)));
  const query = (i: number) => listWorkOrdersQuery.parse({ ...filter.query(i), limit: '25' });
  // Warm-up runs take parameters the timed runs do not start with.
  for (let i = 0; i < WARM_UP_RUNS; i++) await listOrders(contexts[0]!, query(b.options.runs + i));
  const durations: number[] = [];
  let items = 0;
  const started = performance.now();
  for (let i = 0; i < b.options.runs; i++) {
    const q = query(i);
    const { result, ms } = await timed(() => listOrders(contexts[i % contexts.length]!, q));
    durations.push(ms);
    items += result.items.length;
  }
  const s = summarize(durations, performance.now() - started);
  emit({ engine: b.engine, measure: filter.measure, orders: b.orders(), runs: durations.length, ...s, ...target(TARGET_P95_MS.list, s.p95_ms), avg_items: Math.round((items / durations.length) * 10) / 10 });
  if (b.options.explain) {
    const r = recording(b.db);
    await listOrders({ ...contexts[0]!, db: r.db }, query(0));
    const found = r.queries.find((q) => q.sql.includes('from "work_orders"') && q.sql.includes('order by'));
    if (found) progress(`EXPLAIN ${filter.measure} ${JSON.stringify(filter.query(0))}\n${await explain(b.db, found)}\n`);
  }
}

function target(ms: number, p95: number): Line {
  return { target_p95_ms: ms, meets_target: p95 < ms };
}

/**
 * Similar-case latency: the real service behind GET /api/v1/work-orders/:id/similar
 * (server/modules/knowledge similarOrders, default limit 10) over random orders of the bulk,
 * as the supervisor (who may read every order); warm-up runs first.
 */
async function measureSimilar(b: Bench, sample: string[]): Promise<void> {
  const ctx = await contextOf(b.db, b.demo, 'supervisor');
  const ids = b.rng.sample(sample, Math.min(sample.length, b.options.runs + WARM_UP_RUNS));
  for (const id of ids.slice(0, WARM_UP_RUNS)) await similarOrders(ctx, id, SIMILAR_LIMIT);
  const durations: number[] = [];
  let listed = 0;
  const started = performance.now();
  for (const id of ids.slice(WARM_UP_RUNS)) {
    const { result, ms } = await timed(() => similarOrders(ctx, id, SIMILAR_LIMIT));
    durations.push(ms);
    listed += result.similar.length;
  }
  const s = summarize(durations, performance.now() - started);
  emit({
    engine: b.engine,
    measure: 'similar',
    orders: b.orders(),
    runs: durations.length,
    ...s,
    ...target(TARGET_P95_MS.similar, s.p95_ms),
    avg_similar: Math.round((listed / Math.max(1, durations.length)) * 10) / 10,
    note: `knowledge similarOrders(ctx, id, ${SIMILAR_LIMIT}) on random orders`,
  });
}

/** A fresh database: schema, default settings, the demo company, then the bulk of orders (prints the seed line). */
async function prepare(db: Kysely<DB>, engine: Engine, generator: OrderGenerator, rng: Random, orders: number, now: Date): Promise<string[]> {
  progress(`seeding ${orders} orders`);
  return seedOrders(db, engine, generator, rng, orders, await getSetting(db, 'company.timeZone'), now);
}

/** Ids of random orders of a reused database. */
async function randomOrderIds(db: Kysely<DB>, n: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM work_orders ORDER BY random() LIMIT ${n}`.execute(db);
  return rows.map((r) => r.id);
}

async function main(): Promise<void> {
  const opts = options();
  const bench = await openBenchDatabase(opts.keep, opts.reuse);
  try {
    const { db, engine } = bench.database;
    if (!bench.reused) {
      progress(`${engine}: migrating, default settings, demo company`);
      await migrateToLatest(db);
      await ensureDefaultSettings(db);
      await seedDemoCompany(db);
    }
    const demo = await loadDemo(db);
    const now = new Date();
    const sla = { targets: await getSetting(db, 'sla.targets'), warnAtPercent: await getSetting(db, 'sla.warnAtPercent') };
    const rng = new Random(SEED);
    const generator = new OrderGenerator(demo, sla, now, rng);
    const sample = bench.reused ? await randomOrderIds(db, 200) : await prepare(db, engine, generator, rng, opts.orders, now);

    const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM work_orders`.execute(db)).rows[0]!.n);
    let orders = await count();
    const b: Bench = { db, engine, demo, generator, rng, options: opts, orders: () => orders };
    progress('intake');
    await measureIntake(b);
    progress('transitions');
    await measureTransitions(b);
    orders = await count();
    for (const filter of listFilters(b)) {
      progress(filter.measure);
      await measureList(b, filter);
    }
    progress('similar');
    await measureSimilar(b, sample);
  } finally {
    await bench.dispose();
  }
}

await main();
