import { parentPort } from 'node:worker_threads';
import { type PlanOptions, planDay } from '../../../core/dispatch/plan.ts';
import type { TravelMatrix } from '../../../core/dispatch/travel.ts';
import { decodePlanInput, type EncodedPlanInput } from './planner-codec.ts';

// The planning worker's job (loaded by planner-worker.mjs): one message in, one plan out, in
// the order they come. planDay() is synchronous and CPU-bound, which is why it lives here.

export type PlanRequest = { id: number; input: EncodedPlanInput; matrix: TravelMatrix; options: PlanOptions };
export type PlanReply = { id: number; ok: true; plan: ReturnType<typeof planDay> } | { id: number; ok: false; error: string };

parentPort?.on('message', (request: PlanRequest) => {
  let reply: PlanReply;
  try {
    reply = { id: request.id, ok: true, plan: planDay(decodePlanInput(request.input), request.matrix, request.options) };
  } catch (err) {
    reply = { id: request.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
});
