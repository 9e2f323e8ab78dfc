import { EventEmitter } from 'node:events';

// Live updates for screens that watch records change (the dispatch board, issue 5): services
// publish after their transaction commits; server-sent-event streams subscribe. In-process:
// with several application instances each streams what its own requests changed (a
// PostgreSQL LISTEN/NOTIFY relay is the step to take when that matters).

export type BoardEvent = { type: 'order'; orderId: string; teamId: string | null } | { type: 'plan'; planId: string; teamId: string };

const bus = new EventEmitter();
bus.setMaxListeners(0);

export function publishBoardEvent(event: BoardEvent): void {
  bus.emit('board', event);
}

/** Calls `listener` for every event until the returned function is called. */
export function subscribeBoardEvents(listener: (event: BoardEvent) => void): () => void {
  bus.on('board', listener);
  return () => bus.off('board', listener);
}
