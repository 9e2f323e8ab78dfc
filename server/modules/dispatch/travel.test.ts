import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateMatrix } from '../../../core/dispatch/travel.ts';
import type { Database } from '../../db/client.ts';
import { ensureDefaultSettings } from '../settings/service.ts';
import { createTestDatabase } from '../../test/database.ts';
import { osrmProvider, travelProviderFor, valhallaProvider } from './travel.ts';

// Travel providers (issue 5 point 5, P5.1.2): the company's own OSRM or Valhalla server,
// played here by a local fake on a free port (no external service is called), and the
// straight-line estimate when the setting says so or the server fails.

const points = [
  { latitude: 31.2, longitude: 121.4 },
  { latitude: 31.25, longitude: 121.45 },
  { latitude: 31.1, longitude: 121.5 },
];
const profile = { roadFactor: 1.4, speedKmh: 30 };

type Seen = { method: string; url: string; body: string };
let server: Server;
let base = '';
const seen: Seen[] = [];
/** What the fake answers next, by path prefix. */
let answer: (req: Seen) => { status: number; body: unknown } = () => ({ status: 404, body: {} });

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', body };
      seen.push(r);
      const a = answer(r);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const square = (f: (i: number, j: number) => number | null) => points.map((_, i) => points.map((_, j) => f(i, j)));

describe('OSRM', () => {
  it('asks the table service for durations and distances and answers minutes and meters', async () => {
    seen.length = 0;
    answer = () => ({
      status: 200,
      body: { code: 'Ok', durations: square((i, j) => (i === j ? 0 : 600 * (i + j))), distances: square((i, j) => (i === j ? 0 : 5000.4 * (i + j))) },
    });
    const m = await osrmProvider(`${base}/`, profile).matrix(points);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    // Longitude first, as OSRM wants it.
    expect(seen[0]!.url).toBe('/table/v1/driving/121.4,31.2;121.45,31.25;121.5,31.1?annotations=duration,distance');
    expect(m.minutes[0]![1]).toBe(10);
    expect(m.minutes[1]![2]).toBe(30);
    expect(m.meters[0]![2]).toBe(10_001);
    expect(m.minutes[2]![2]).toBe(0);
    expect(m.source).toBe(`osrm ${base}`);
  });

  it('estimates the pairs the server cannot route, and says so', async () => {
    answer = () => ({ status: 200, body: { code: 'Ok', durations: square((i, j) => (i === 0 && j === 2 ? null : 60)), distances: square(() => 1000) } });
    const m = await osrmProvider(base, profile).matrix(points);
    const estimate = estimateMatrix(points, profile);
    expect(m.minutes[0]![2]).toBeCloseTo(estimate.minutes[0]![2]!, 6);
    expect(m.minutes[0]![1]).toBe(1);
    expect(m.source).toBe(`osrm ${base} (1 pairs estimated)`);
  });

  it('falls back to the straight-line estimate when the server fails, naming the failure', async () => {
    const estimate = estimateMatrix(points, profile);
    answer = () => ({ status: 500, body: { code: 'InternalError' } });
    const failed = await osrmProvider(base, profile).matrix(points);
    expect(failed.minutes).toEqual(estimate.minutes);
    expect(failed.meters).toEqual(estimate.meters);
    expect(failed.source).toBe(`${estimate.source} (osrm ${base} unavailable: HTTP 500)`);

    answer = () => ({ status: 200, body: { code: 'TooBig', message: 'Too many table coordinates' } });
    expect((await osrmProvider(base, profile).matrix(points)).source).toContain('unavailable: OSRM TooBig: Too many table coordinates');

    answer = () => ({ status: 200, body: { code: 'Ok', durations: [[0]], distances: [[0]] } });
    expect((await osrmProvider(base, profile).matrix(points)).source).toContain('unavailable: the answer has no 3×3 durations table');

    answer = () => ({ status: 200, body: 'not json' });
    expect((await osrmProvider(base, profile).matrix(points)).minutes).toEqual(estimate.minutes);

    // Nobody listening at all.
    const closed = await osrmProvider('http://127.0.0.1:1', profile).matrix(points);
    expect(closed.minutes).toEqual(estimate.minutes);
    expect(closed.source).toContain('osrm http://127.0.0.1:1 unavailable');
  });
});

describe('Valhalla', () => {
  it('posts sources and targets and answers minutes and meters (km and seconds in)', async () => {
    seen.length = 0;
    answer = () => ({
      status: 200,
      body: {
        sources_to_targets: points.map((_, i) =>
          points.map((_, j) => ({ from_index: i, to_index: j, distance: i === j ? 0 : 2.5 * (i + j), time: i === j ? 0 : 300 * (i + j) })),
        ),
        units: 'kilometers',
      },
    });
    const m = await valhallaProvider(base, profile).matrix(points);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/sources_to_targets');
    const sent = JSON.parse(seen[0]!.body);
    expect(sent.costing).toBe('auto');
    expect(sent.sources).toEqual(points.map((p) => ({ lat: p.latitude, lon: p.longitude })));
    expect(sent.targets).toEqual(sent.sources);
    expect(m.minutes[0]![1]).toBe(5);
    expect(m.meters[0]![1]).toBe(2500);
    expect(m.meters[1]![2]).toBe(7500);
    expect(m.source).toBe(`valhalla ${base}`);
  });

  it('reads a flat list of cells that name their pair', async () => {
    answer = () => ({
      status: 200,
      body: { sources_to_targets: points.flatMap((_, i) => points.map((_, j) => ({ from_index: i, to_index: j, distance: 1, time: 120 }))) },
    });
    const m = await valhallaProvider(base, profile).matrix(points);
    expect(m.minutes[2]![1]).toBe(2);
    expect(m.meters[2]![1]).toBe(1000);
  });

  it('falls back to the estimate on an error answer', async () => {
    answer = () => ({ status: 400, body: { error: 'No suitable edges near location' } });
    const m = await valhallaProvider(base, profile).matrix(points);
    expect(m.minutes).toEqual(estimateMatrix(points, profile).minutes);
    expect(m.source).toContain(`(valhalla ${base} unavailable: HTTP 400)`);
  });
});

describe('travelProviderFor', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureDefaultSettings(database.db);
  });
  afterAll(async () => database.close());

  async function setTravel(value: unknown, effectiveFrom: string) {
    await database.db
      .insertInto('settings')
      .values({ key: 'dispatch.travel', value: JSON.stringify(value), effectiveFrom, setBy: null, setByLabel: 'test', reason: 'test' })
      .execute();
  }

  it('follows the dispatch.travel setting in force on the day, with the region profile', async () => {
    const regions = { 华东: { roadFactor: 1.2, speedKmh: 40 } };
    await setTravel({ default: profile, regions, provider: 'haversine', url: null }, '2030-01-01');
    await setTravel({ default: profile, regions, provider: 'osrm', url: base }, '2030-02-01');
    await setTravel({ default: profile, regions, provider: 'valhalla', url: base }, '2030-03-01');

    const byDefault = await (await travelProviderFor(database.db, null, '2029-12-31')).matrix(points);
    expect(byDefault.source).toBe('haversine × 1.4 at 30 km/h');
    const regional = await (await travelProviderFor(database.db, '华东', '2030-01-15')).matrix(points);
    expect(regional.source).toBe('haversine × 1.2 at 40 km/h');
    expect(regional.minutes).toEqual(estimateMatrix(points, regions.华东).minutes);

    answer = (r) =>
      r.url.startsWith('/table/')
        ? { status: 200, body: { code: 'Ok', durations: square(() => 60), distances: square(() => 1) } }
        : { status: 200, body: { sources_to_targets: square(() => 0).map((row, i) => row.map((_, j) => ({ from_index: i, to_index: j, distance: 1, time: 60 }))) } };
    expect((await (await travelProviderFor(database.db, '华东', '2030-02-15')).matrix(points)).source).toBe(`osrm ${base}`);
    expect((await (await travelProviderFor(database.db, '华东', '2030-03-15')).matrix(points)).source).toBe(`valhalla ${base}`);
    // A failing server: the region's estimate, and the plan says why.
    answer = () => ({ status: 503, body: {} });
    const fallback = await (await travelProviderFor(database.db, '华东', '2030-03-15')).matrix(points);
    expect(fallback.minutes).toEqual(estimateMatrix(points, regions.华东).minutes);
    expect(fallback.source).toBe(`haversine × 1.2 at 40 km/h (valhalla ${base} unavailable: HTTP 503)`);
  });
});
