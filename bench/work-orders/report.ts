import { loadavg } from 'node:os';

// Timing and the one-JSON-line-per-measure output of the benchmark.

export type Line = Record<string, string | number | boolean | null>;

/**
 * Prints one JSON line on stdout (progress and plans go to stderr), with the host's one-minute
 * load average: on a shared machine it says how far to trust the figures.
 */
export function emit(line: Line): void {
  console.log(JSON.stringify({ ...line, load1: Math.round(loadavg()[0]! * 10) / 10 }));
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Milliseconds with sensible precision: two decimals below 10 ms, one below 1000, none above. */
export function roundMs(ms: number): number {
  if (ms < 10) return Math.round(ms * 100) / 100;
  if (ms < 1000) return Math.round(ms * 10) / 10;
  return Math.round(ms);
}

export function roundRate(perSecond: number): number {
  return perSecond < 100 ? Math.round(perSecond * 10) / 10 : Math.round(perSecond);
}

/** Nearest-rank percentile of durations. */
export function percentile(durations: readonly number[], p: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** p50, p95 and calls per second of a sequential run that took `wallMs`. */
export function summarize(durations: readonly number[], wallMs: number) {
  return {
    p50_ms: roundMs(percentile(durations, 50)),
    p95_ms: roundMs(percentile(durations, 95)),
    per_s: roundRate((durations.length / wallMs) * 1000),
  };
}

/** Runs fn and answers its result with the milliseconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}
