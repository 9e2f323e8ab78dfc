import { errors } from './errors.ts';

// Keyset pagination: the cursor carries the sort key and id of the last row seen.
export type Cursor = { key: string; id: string };

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the error below
  }
  throw errors.invalidField('cursor', 'field.invalid');
}

/** Fetches limit + 1 rows and answers the page and the cursor of its last row when more follow. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last), last.id) : null };
}
