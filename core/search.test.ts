import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likePattern, normalizeSearch, queryGrams, searchGrams, searchText } from './search.ts';

describe('search keys', () => {
  it('keeps unigrams and bigrams of Chinese runs only', () => {
    expect(searchGrams(['张伟 13800001111', 'ACME 上海'])).toEqual(['上', '上海', '伟', '张', '张伟', '海'].sort());
  });

  it('needs bigrams for a long query and the character itself for a single one', () => {
    expect(queryGrams('北京科技')).toEqual(['京科', '北京', '科技']);
    expect(queryGrams('王')).toEqual(['王']);
    expect(queryGrams('abc')).toEqual([]);
  });

  it('normalizes full-width characters and case', () => {
    expect(normalizeSearch('ＡＢＣ１２３ ')).toBe('abc123');
    expect(searchText(['Foo', null, ' 北京 '])).toBe('foo | 北京');
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
  });

  it('every substring of an indexed text has its grams in the index', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('张', '伟', '北', '京', 'a', '1', ' ') }), fc.nat(), fc.nat(), (text, a, b) => {
        const chars = Array.from(normalizeSearch(text));
        const start = Math.min(a, b) % (chars.length + 1);
        const end = start + (Math.max(a, b) % (chars.length - start + 1));
        const query = chars.slice(start, end).join('');
        const indexed = new Set(searchGrams([text]));
        for (const g of queryGrams(query)) expect(indexed.has(g)).toBe(true);
      }),
    );
  });
});
