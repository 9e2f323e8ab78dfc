/**
 * Items grouped into threads one level deep: each reply, however deep, goes under the item
 * that opened its thread (its root ancestor), in the order given (oldest first).
 */
export function threads<T extends { id: string; parentId: string | null }>(items: readonly T[]): { roots: T[]; replies: Map<string, T[]> } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const rootOf = (item: T): T => {
    let current = item;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId) as T;
    }
    return current;
  };
  const roots: T[] = [];
  const replies = new Map<string, T[]>();
  for (const item of items) {
    const root = rootOf(item);
    if (root === item) roots.push(item);
    else replies.set(root.id, [...(replies.get(root.id) ?? []), item]);
  }
  return { roots, replies };
}
