import type { Kysely, Transaction } from 'kysely';
import { estimateMatrix, estimateProvider, type TravelMatrix, type TravelProvider, travelProfile } from '../../../core/dispatch/travel.ts';
import type { LatLng } from '../../../core/geo.ts';
import type { TravelProfile } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import { getSetting } from '../settings/service.ts';

// Travel providers (issue 5 point 5, P5.1.2). The setting dispatch.travel chooses: the
// straight-line estimate (no service needed), or the company's own OSRM or Valhalla server.
// A routing server that fails or answers nonsense never stops planning: the estimate takes
// over, and the matrix's `source` says so (the plan shows it).

type Db = Kysely<DB> | Transaction<DB>;

/** How long a routing server may take to answer one matrix request. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The provider the settings in force on `day` name, for a team's region. */
export async function travelProviderFor(db: Db, region: string | null, day: string): Promise<TravelProvider> {
  const settings = await getSetting(db, 'dispatch.travel', day);
  const profile = travelProfile(settings, region);
  if (settings.provider === 'haversine' || !settings.url) return estimateProvider(profile);
  return settings.provider === 'osrm' ? osrmProvider(settings.url, profile) : valhallaProvider(settings.url, profile);
}

/** The company's OSRM server, falling back to the estimate. */
export function osrmProvider(url: string, profile: TravelProfile): TravelProvider {
  return withFallback(osrmTable(url), profile);
}

/** The company's Valhalla server, falling back to the estimate. */
export function valhallaProvider(url: string, profile: TravelProfile): TravelProvider {
  return withFallback(valhallaMatrix(url), profile);
}

/** The remote provider's matrix, else the estimate with the failure named in `source`. */
function withFallback(remote: RawProvider, profile: TravelProfile): TravelProvider {
  return {
    name: remote.name,
    matrix: async (points) => {
      if (points.length === 0) return { meters: [], minutes: [], source: remote.name };
      try {
        const m = await remote.matrix(points);
        return fillGaps(m, points, profile);
      } catch (err) {
        const estimate = estimateMatrix(points, profile);
        const why = err instanceof Error ? err.message : String(err);
        return { ...estimate, source: `${estimate.source} (${remote.name} unavailable: ${why.slice(0, 200)})` };
      }
    },
  };
}

/** Pairs a routing server could not route (null) take the estimate's figures. */
function fillGaps(m: RawMatrix, points: readonly LatLng[], profile: TravelProfile): TravelMatrix {
  let estimate: TravelMatrix | null = null;
  const gaps = new Set<string>();
  const pick = (rows: (number | null)[][], which: 'meters' | 'minutes') =>
    rows.map((row, i) =>
      row.map((v, j) => {
        if (v !== null && Number.isFinite(v)) return v;
        gaps.add(`${i},${j}`);
        estimate ??= estimateMatrix(points, profile);
        return estimate[which][i]![j]!;
      }),
    );
  const meters = pick(m.meters, 'meters');
  const minutes = pick(m.minutes, 'minutes');
  return { meters, minutes, source: gaps.size > 0 ? `${m.source} (${gaps.size} pairs estimated)` : m.source };
}

type RawMatrix = { meters: (number | null)[][]; minutes: (number | null)[][]; source: string };
type RawProvider = { readonly name: string; matrix(points: readonly LatLng[]): Promise<RawMatrix> };

function checkSquare(rows: unknown, n: number, what: string): (number | null)[][] {
  if (!Array.isArray(rows) || rows.length !== n || rows.some((r) => !Array.isArray(r) || r.length !== n)) {
    throw new Error(`the answer has no ${n}×${n} ${what} table`);
  }
  return rows.map((r: unknown[]) => r.map((v) => (typeof v === 'number' ? v : null)));
}

async function fetchJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const request = () => fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  // A network failure (a TypeError, e.g. a kept-alive connection the server has just closed)
  // gets one fresh try; a timeout or an HTTP error does not.
  const res = await request().catch((err: unknown) => {
    if (err instanceof TypeError) return request();
    throw err;
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

const base = (url: string) => url.replace(/\/+$/, '');

/** OSRM's table service: durations in seconds, distances in meters. */
function osrmTable(url: string): RawProvider {
  const name = `osrm ${base(url)}`;
  return {
    name,
    matrix: async (points) => {
      const coords = points.map((p) => `${p.longitude},${p.latitude}`).join(';');
      const body = (await fetchJson(`${base(url)}/table/v1/driving/${coords}?annotations=duration,distance`)) as {
        code?: string;
        message?: string;
        durations?: unknown;
        distances?: unknown;
      };
      if (body.code !== 'Ok') throw new Error(`OSRM ${body.code ?? 'error'}${body.message ? `: ${body.message}` : ''}`);
      const seconds = checkSquare(body.durations, points.length, 'durations');
      const meters = checkSquare(body.distances, points.length, 'distances');
      return {
        meters: meters.map((row) => row.map((v) => (v === null ? null : Math.round(v)))),
        minutes: seconds.map((row) => row.map((v) => (v === null ? null : v / 60))),
        source: name,
      };
    },
  };
}

type ValhallaCell = { from_index?: number; to_index?: number; distance?: number | null; time?: number | null } | null;

/** Valhalla's sources_to_targets: distance in kilometres, time in seconds. */
function valhallaMatrix(url: string): RawProvider {
  const name = `valhalla ${base(url)}`;
  return {
    name,
    matrix: async (points) => {
      const locations = points.map((p) => ({ lat: p.latitude, lon: p.longitude }));
      const body = (await fetchJson(`${base(url)}/sources_to_targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sources: locations, targets: locations, costing: 'auto', units: 'kilometers' }),
      })) as { sources_to_targets?: unknown; error?: string };
      if (!Array.isArray(body.sources_to_targets)) throw new Error(`Valhalla: ${body.error ?? 'no sources_to_targets in the answer'}`);
      const n = points.length;
      const meters: (number | null)[][] = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
      const minutes: (number | null)[][] = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
      // Rows of cells per source; some versions answer one flat list, each cell naming its pair.
      const cells = (body.sources_to_targets as unknown[]).flatMap((row, i) =>
        Array.isArray(row) ? (row as ValhallaCell[]).map((cell, j) => ({ cell, i, j })) : [{ cell: row as ValhallaCell, i: -1, j: -1 }],
      );
      for (const { cell, i: ri, j: rj } of cells) {
        if (!cell) continue;
        const i = cell.from_index ?? ri;
        const j = cell.to_index ?? rj;
        if (!(i >= 0 && i < n && j >= 0 && j < n)) throw new Error('Valhalla: a cell outside the matrix');
        if (typeof cell.distance === 'number') meters[i]![j] = Math.round(cell.distance * 1000);
        if (typeof cell.time === 'number') minutes[i]![j] = cell.time / 60;
      }
      return { meters, minutes, source: name };
    },
  };
}
