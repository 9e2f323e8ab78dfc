// Background work in the server process (notification dispatch, SLA alerts, follow-up
// escalation). Each job claims its work in the database, so two instances never do the same
// thing twice; here a job only needs a timer.

export type Job = { stop(): Promise<void> };

/**
 * Runs `run` every `everyMs`: runs never overlap, a failure goes to `onError` and the next tick
 * tries again, and the timer does not keep the process alive. `stop` waits for a run in progress.
 */
export function every(everyMs: number, run: () => Promise<unknown>, onError: (err: unknown) => void): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
