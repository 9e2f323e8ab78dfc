// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { threads } from './threads.ts';

describe('threads', () => {
  it('puts every reply under the root of its thread, in order', () => {
    const items = [
      { id: 'q', parentId: null },
      { id: 'a', parentId: 'q' },
      { id: 'c', parentId: null },
      { id: 'a2', parentId: 'a' },
      { id: 'orphan', parentId: 'gone' },
    ];
    const { roots, replies } = threads(items);
    expect(roots.map((r) => r.id)).toEqual(['q', 'c', 'orphan']);
    expect(replies.get('q')?.map((r) => r.id)).toEqual(['a', 'a2']);
    expect(replies.has('c')).toBe(false);
  });

  it('survives a cycle', () => {
    const { roots, replies } = threads([
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(roots.length + [...replies.values()].flat().length).toBe(2);
  });
});
