import type { Kysely } from 'kysely';
import type { Engine } from '../../server/db/client.ts';
import type { DB } from '../../server/db/schema.ts';
import type { Random } from '../../server/db/seed/random.ts';
import { type Batch, dropSecondaryIndexes, insertBatch, insertCounters, recreateIndexes, vacuumAnalyze } from './bulk.ts';
import { type OrderGenerator, planDays, receiptTimes } from './generate.ts';
import { emit, progress, roundRate } from './report.ts';

const DAYS = 730;
const BATCH_ORDERS = 5000;
const SAMPLE_SIZE = 200;

const emptyBatch = (): Batch => ({ orders: [], events: [], pauses: [] });

/**
 * Seeds `total` historical orders over the last two years, chronologically, day by day
 * (numbers run in order of receipt within each company day). Batches are inserted while the
 * next one is generated. Prints the seed line; answers the ids of a random sample of the orders.
 */
export async function seedOrders(
  db: Kysely<DB>,
  engine: Engine,
  generator: OrderGenerator,
  rng: Random,
  total: number,
  zone: string,
  now: Date,
): Promise<string[]> {
  const started = performance.now();
  const indexes = await dropSecondaryIndexes(db);
  const plan = planDays(total, DAYS, now, zone);
  const sample: string[] = [];
  let seen = 0;
  let events = 0;
  let batch = emptyBatch();
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    inFlight = insertBatch(db, batch);
    batch = emptyBatch();
  };

  for (const { day, count } of plan) {
    receiptTimes(day, count, zone, rng).forEach((receivedAt, i) => {
      const g = generator.order(receivedAt, day, i + 1);
      batch.orders.push(g.order);
      batch.events.push(...g.events);
      if (g.pause) batch.pauses.push(g.pause);
      events += g.events.length;
      // Reservoir sampling: every order equally likely to be in the sample.
      seen++;
      const slot = seen <= SAMPLE_SIZE ? seen - 1 : rng.int(0, seen - 1);
      if (slot < SAMPLE_SIZE) sample[slot] = g.order.id;
    });
    if (batch.orders.length >= BATCH_ORDERS) {
      await flush();
      if (seen % 100_000 < BATCH_ORDERS) progress(`${seen} orders inserted`);
    }
  }
  if (batch.orders.length) await flush();
  await inFlight;
  await insertCounters(
    db,
    plan.filter((d) => d.count > 0).map((d) => ({ day: d.day, last: d.count })),
  );
  const inserted = performance.now();
  progress(`rows in ${((inserted - started) / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes`);
  await recreateIndexes(db, indexes, engine === 'postgres' ? '1GB' : '256MB');
  const indexed = performance.now();
  await vacuumAnalyze(db);
  const done = performance.now();
  const seconds = (done - started) / 1000;
  emit({
    engine,
    measure: 'seed',
    orders: total,
    events,
    seconds: Math.round(seconds * 10) / 10,
    per_s: roundRate(total / seconds),
    rows_s: Math.round(inserted - started) / 1000,
    indexes_s: Math.round(indexed - inserted) / 1000,
    vacuum_analyze_s: Math.round(done - indexed) / 1000,
  });
  return sample;
}
