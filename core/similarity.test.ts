import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchGrams } from './search.ts';
import { informativeTerms, roughTokens, roundSimilarity, STOP_WORDS, setSimilarity, similarity, tokens } from './similarity.ts';

// P2.1.1-P2.1.2: past solutions of similar faults at hand.

const chineseText = fc.string({
  unit: fc.constantFrom('压', '缩', '机', '启', '动', '异', '响', '显', '示', '屏', '的', '不', 'e', '0', '5', ' ', '，'),
  maxLength: 40,
});

describe('tokens', () => {
  it('keeps dictionary words and CJK bigrams, drops stop words and bigrams across them', () => {
    const t = tokens('空调压缩机不启动，有异响');
    expect(t).toEqual(new Set(['空调', '压缩', '启动', '有异', '调压', '缩机', '异响']));
    expect(t.has('机不')).toBe(false);
    expect(t.has('不启')).toBe(false);
  });

  it('matches an unknown compound through its bigrams', () => {
    // ICU segments 有异响 as 有异|响; the bigram 异响 still matches 异响明显.
    expect([...tokens('有异响')].includes('异响')).toBe(true);
    expect([...tokens('异响明显')].includes('异响')).toBe(true);
  });

  it('normalizes full-width characters and case, and keeps error codes', () => {
    expect(tokens('变频器报警Ｅ０５')).toEqual(tokens('变频器报警e05'));
    expect(tokens('Inverter alarm E05').has('e05')).toBe(true);
    expect(tokens('The compressor does not start')).toEqual(new Set(['compressor', 'does', 'start']));
  });

  it('gives a lone character between stop words as itself', () => {
    expect(tokens('的屏的')).toEqual(new Set(['屏']));
  });

  it('stop list is short and lower-case', () => {
    expect(STOP_WORDS.size).toBeLessThan(80);
    for (const w of STOP_WORDS) expect(w).toBe(w.toLowerCase());
    expect(tokens('我们的设备有问题')).toEqual(new Set());
  });
});

describe('similarity', () => {
  it('a compressor that will not start and makes noise is closer to another such report than to a garbled display', () => {
    const fault = '空调压缩机不启动，有异响';
    const near = similarity(fault, '压缩机无法启动 异响明显');
    const far = similarity(fault, '显示屏花屏');
    expect(near).toBeGreaterThan(0.4);
    expect(far).toBe(0);
    expect(roundSimilarity(near)).toBe(0.5);
  });

  it('ranks an inverter alarm with the same code above one with another code', () => {
    const q = '变频器报警E05，电机过热';
    expect(similarity(q, '变频器E05报警 电机温度高')).toBeGreaterThan(similarity(q, '变频器E07报警 通讯中断'));
  });

  it('works for English text', () => {
    expect(similarity('Compressor does not start, loud noise', 'compressor fails to start')).toBeGreaterThan(
      similarity('Compressor does not start, loud noise', 'display flickers'),
    );
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(chineseText, chineseText, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 for the same non-empty text, also when it holds only stop words', () => {
    fc.assert(
      fc.property(chineseText, (a) => {
        fc.pre(a.trim() !== '');
        expect(similarity(a, a)).toBe(1);
        expect(similarity(a, ` ${a.toUpperCase()} `)).toBe(1);
      }),
    );
    expect(similarity('的', '的')).toBe(1);
    expect(similarity('', '')).toBe(0);
  });

  it('is 0 for texts with no token in common', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('压', '缩', '机', '启', '动'), minLength: 2, maxLength: 20 }),
        fc.string({ unit: fc.constantFrom('显', '示', '屏', '花', '闪'), minLength: 2, maxLength: 20 }),
        (a, b) => {
          expect(similarity(a, b)).toBe(0);
        },
      ),
    );
  });

  it('cosine of sets: shared / sqrt(|A|·|B|)', () => {
    expect(setSimilarity(new Set(['a', 'b']), new Set(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']))).toBeCloseTo(1 / 4);
    expect(setSimilarity(new Set(), new Set(['a']))).toBe(0);
  });
});

describe('informativeTerms', () => {
  it('picks at most eight terms that the search_grams index and the trigram index can serve', () => {
    const text = '冷水机组高压报警停机，压缩机过热，错误代码 HP-07 ALM123，现场噪音很大，管路结霜';
    const { grams, words } = informativeTerms(text);
    expect(grams.length + words.length).toBe(8);
    const indexed = new Set(searchGrams([text]));
    for (const g of grams) expect(indexed.has(g)).toBe(true);
    expect(words).toContain('alm123');
    expect(words).not.toContain('hp');
  });

  it('prefers rare terms: a term the statistics call common goes last', () => {
    const freq = new Map([
      ['报警', 0.3],
      ['高压', 0.2],
    ]);
    const { grams } = informativeTerms('高压报警 冷凝器脏堵', { frequency: (t) => freq.get(t), max: 3 });
    expect(grams).not.toContain('报警');
    expect(grams).not.toContain('高压');
    expect(grams).toHaveLength(3);
  });

  it('prefers dictionary words to bigrams across words when nothing is known', () => {
    const { grams } = informativeTerms('压缩机启动', { max: 2 });
    expect(grams).toEqual(['压缩', '启动']);
  });
});

describe('roughTokens', () => {
  it('holds the bigrams and Latin words of tokens(), without the segmenter', () => {
    expect(roughTokens('空调压缩机不启动，有异响 E05')).toEqual(new Set(['空调', '调压', '压缩', '缩机', '启动', '异响', 'e05']));
    expect(roughTokens('的屏的')).toEqual(new Set(['屏']));
  });

  it('ranks like the exact similarity on the worked example', () => {
    const q = roughTokens('空调压缩机不启动，有异响');
    expect(setSimilarity(q, roughTokens('压缩机无法启动 异响明显'))).toBeGreaterThan(setSimilarity(q, roughTokens('显示屏花屏')));
  });

  it('every CJK bigram it yields is a token of tokens() too', () => {
    fc.assert(
      fc.property(chineseText, (text) => {
        const exact = tokens(text);
        for (const t of roughTokens(text)) if (/^\p{Script=Han}{2}$/u.test(t)) expect(exact.has(t), t).toBe(true);
      }),
    );
  });
});
