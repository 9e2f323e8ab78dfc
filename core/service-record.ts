// What an order's record says about the service, for the appraisal that reads it later
// (P5.1.2 on-time arrival, P5.1.3 resolution). Pure: the facts come from the order.

export type ArrivalOutcome =
  | { status: 'on_time'; marginMinutes: number }
  | { status: 'late'; lateMinutes: number }
  | { status: 'not_arrived' }
  | { status: 'no_deadline' };

/** Arrival on site against the arrival deadline: on time up to and including the deadline minute. */
export function arrivalOutcome(arrivedAt: Date | null, dueAt: Date | null): ArrivalOutcome {
  if (!arrivedAt) return { status: 'not_arrived' };
  if (!dueAt) return { status: 'no_deadline' };
  const minutes = Math.floor((dueAt.getTime() - arrivedAt.getTime()) / 60_000);
  return arrivedAt.getTime() <= dueAt.getTime() ? { status: 'on_time', marginMinutes: minutes } : { status: 'late', lateMinutes: Math.ceil((arrivedAt.getTime() - dueAt.getTime()) / 60_000) };
}
