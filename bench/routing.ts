/**
 * Solomon VRPTW benchmark of the planning core.
 *   npm run bench:routing -- --instance <file|NAME> --seconds <n> --rounding dimacs|exact [--seed n] [--construction]
 *   npm run bench:routing -- --all --seconds <n> [--rounding dimacs|exact] [--construction]
 * Prints one JSON line per instance (and a summary line with --all).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { solve } from '../core/routing/solve.ts';
import { checkSolution } from './routing/check.ts';
import { parseSolomon, type Rounding, toProblem } from './routing/solomon.ts';

const DATA_DIR = process.env.SOLOMON_DIR ?? join(import.meta.dirname, '../../shared/bench/solomon');

interface Args {
  instance?: string;
  all: boolean;
  seconds: number;
  rounding: Rounding;
  seed: number;
  construction: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { all: false, seconds: 1, rounding: 'dimacs', seed: 1, construction: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--all') a.all = true;
    else if (k === '--construction') a.construction = true;
    else if (k === '--instance' && v) {
      a.instance = v;
      i++;
    } else if (k === '--seconds' && v) {
      a.seconds = Number(v);
      i++;
    } else if (k === '--seed' && v) {
      a.seed = Number(v);
      i++;
    } else if (k === '--rounding' && (v === 'dimacs' || v === 'exact')) {
      a.rounding = v;
      i++;
    } else throw new Error(`unknown or incomplete argument: ${k}`);
  }
  if (!a.all && !a.instance) throw new Error('give --instance <file> or --all');
  if (!(a.seconds >= 0)) throw new Error('--seconds must be a non-negative number');
  return a;
}

function dimacsOptimum(name: string): number | undefined {
  try {
    const text = readFileSync(join(DATA_DIR, 'dimacs_sol', `${name}.sol`), 'utf8');
    const m = /Cost\s+([\d.]+)/.exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function loadBks(): Map<string, { vehicles: number; distance: number }> {
  const out = new Map<string, { vehicles: number; distance: number }>();
  const text = readFileSync(join(DATA_DIR, 'bks.csv'), 'utf8');
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [name, v, d] = line.split(',');
    if (name && v && d) out.set(name, { vehicles: Number(v), distance: Number(d) });
  }
  return out;
}

const round = (x: number, dp = 2) => Math.round(x * 10 ** dp) / 10 ** dp;

function runOne(file: string, args: Args, bks: ReturnType<typeof loadBks>) {
  const inst = parseSolomon(readFileSync(file, 'utf8'), basename(file));
  const problem = toProblem(inst, args.rounding);
  const objective = args.rounding === 'dimacs' ? 'distance' : 'vehicles-then-distance';
  const sol = solve(problem, {
    timeLimitMs: args.construction ? 0 : args.seconds * 1000,
    seed: args.seed,
    objective,
  });
  const routes = sol.routes.map((r) => r.visits.map((i) => Number(problem.nodes[i]!.id)));
  const check = checkSolution(inst, routes, args.rounding);
  const feasible = check.feasible && sol.unassigned.length === 0;
  const line: Record<string, unknown> = {
    instance: inst.name,
    vehicles: check.vehicles,
    distance: round(check.distance, args.rounding === 'dimacs' ? 1 : 2),
    routes,
    feasible,
  };
  if (!feasible) line.errors = check.errors.slice(0, 5);
  let gap: number | undefined;
  if (args.rounding === 'dimacs') {
    const opt = dimacsOptimum(inst.name);
    if (opt !== undefined) {
      gap = ((check.distance - opt) / opt) * 100;
      line.optimum = opt;
      line.gap_pct = round(gap, 3);
    }
  } else {
    const b = bks.get(inst.name);
    if (b) {
      line.bks_vehicles = b.vehicles;
      line.bks_distance = b.distance;
    }
  }
  line.construction_ms = round(sol.stats.constructionMs, 1);
  line.iterations = sol.stats.iterations;
  return { line, gap, feasible, vehicles: check.vehicles, name: inst.name, constructionMs: sol.stats.constructionMs };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const bks = loadBks();
  if (!args.all) {
    const f = args.instance!;
    const file = f.includes('/') || f.endsWith('.txt') ? f : join(DATA_DIR, `${f}.txt`);
    console.log(JSON.stringify(runOne(file, args, bks).line));
    return;
  }
  const files = readdirSync(DATA_DIR)
    .filter((f) => /^(C|R|RC)\d+\.txt$/i.test(f))
    .sort();
  const gaps: number[] = [];
  let atOpt = 0;
  let cAtOpt = 0;
  let cCount = 0;
  let vehicles = 0;
  let bksVehicles = 0;
  let feasibleCount = 0;
  let maxCons = 0;
  for (const f of files) {
    const r = runOne(join(DATA_DIR, f), args, bks);
    console.log(JSON.stringify(r.line));
    if (r.feasible) feasibleCount++;
    maxCons = Math.max(maxCons, r.constructionMs);
    vehicles += r.vehicles;
    bksVehicles += bks.get(r.name)?.vehicles ?? 0;
    if (r.gap !== undefined) {
      gaps.push(r.gap);
      const opt = r.gap < 1e-6;
      if (opt) atOpt++;
      if (/^C\d/.test(r.name)) {
        cCount++;
        if (opt) cAtOpt++;
      }
    }
  }
  const summary: Record<string, unknown> = {
    summary: true,
    instances: files.length,
    feasible: feasibleCount,
    rounding: args.rounding,
    seconds: args.construction ? 0 : args.seconds,
    construction_ms_max: round(maxCons, 1),
    vehicles_total: vehicles,
    bks_vehicles_total: bksVehicles,
  };
  if (gaps.length > 0) {
    summary.avg_gap_pct = round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 3);
    summary.at_optimum = atOpt;
    summary.c_at_optimum = `${cAtOpt}/${cCount}`;
  }
  console.log(JSON.stringify(summary));
}

main();
