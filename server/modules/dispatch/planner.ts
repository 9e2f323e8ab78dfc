import { Worker } from 'node:worker_threads';
import type { DayPlan, PlanInput, PlanOptions } from '../../../core/dispatch/plan.ts';
import type { TravelMatrix } from '../../../core/dispatch/travel.ts';
import { encodePlanInput } from './planner-codec.ts';
import type { PlanReply, PlanRequest } from './planner-job.ts';

// Planning runs in a worker thread (issue 5 point 4), so the server keeps answering while
// the planner searches for its whole time budget. One worker is started on first use and
// kept; requests queue and run one at a time (the machine's other core serves requests).
// A run that overstays its budget is stopped (the worker is replaced) and refused.

/** Time the worker may take beyond the run's budget (start-up, construction, the answer). */
const GRACE_MS = 60_000;

export class PlannerError extends Error {}

type Job = {
  request: Omit<PlanRequest, 'id'>;
  limitMs: number;
  resolve: (plan: DayPlan) => void;
  reject: (err: Error) => void;
};

export class Planner {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: { id: number; job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private closed = false;

  run(input: PlanInput, matrix: TravelMatrix, options: PlanOptions = {}): Promise<DayPlan> {
    if (this.closed) return Promise.reject(new PlannerError('the planner is closed'));
    const limitMs = (options.timeLimitMs ?? 0) + GRACE_MS;
    return new Promise<DayPlan>((resolve, reject) => {
      this.queue.push({ request: { input: encodePlanInput(input), matrix, options }, limitMs, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PlannerError('the planner is closed'));
    this.fail(new PlannerError('the planner is closed'));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./planner-worker.mjs', import.meta.url));
    w.on('message', (reply: PlanReply) => this.answer(w, reply));
    w.on('error', (err) => {
      if (this.worker === w) this.fail(new PlannerError(`the planner failed: ${err.message}`));
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.fail(new PlannerError(`the planner stopped (exit code ${code})`));
      this.pump();
    });
    return w;
  }

  private pump() {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.worker ??= this.spawn();
    this.worker.ref();
    const id = this.nextId++;
    const timer = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      this.fail(new PlannerError(`the planner did not answer within ${Math.round(job.limitMs / 1000)} s`));
      void w?.terminate();
      this.pump();
    }, job.limitMs);
    this.current = { id, job, timer };
    this.worker.postMessage({ id, ...job.request } satisfies PlanRequest);
  }

  private answer(w: Worker, reply: PlanReply) {
    const c = this.current;
    if (this.worker !== w || !c || c.id !== reply.id) return;
    clearTimeout(c.timer);
    this.current = null;
    if (reply.ok) c.job.resolve(reply.plan);
    else c.job.reject(new PlannerError(reply.error));
    this.pump();
  }

  /** Refuses the run in flight, if any. */
  private fail(err: Error) {
    const c = this.current;
    if (!c) return;
    clearTimeout(c.timer);
    this.current = null;
    c.job.reject(err);
  }
}

let shared: Planner | null = null;

/** Plans a day in the shared planning worker. */
export function runPlanner(input: PlanInput, matrix: TravelMatrix, options: PlanOptions = {}): Promise<DayPlan> {
  shared ??= new Planner();
  return shared.run(input, matrix, options);
}

/** Stops the shared worker (the application is closing); a later run starts a new one. */
export async function closePlanner(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
