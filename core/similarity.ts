import { normalizeSearch } from './search.ts';

// How alike two fault descriptions are (P2.1.1-P2.1.2: the engineer has past solutions of
// similar faults at hand). Pure: no I/O, the same answer on every engine.
//
// Tokens of a text (after normalizeSearch: NFKC, lower case, single spaces):
//  - the word-like segments of Intl.Segmenter('zh', { granularity: 'word' }) (Node 20 ships
//    full ICU), CJK words of two or more characters and Latin/digit words of two or more;
//  - the character bigrams of every CJK run, so that a compound the dictionary does not know
//    ("有异响" is segmented as 有异|响) still matches ("异响"). A run is first cut at stop
//    words (a whole segment such as 我们, or a character such as 的 or 不), so no bigram
//    straddles one; a piece left with one character contributes that character;
//  - minus STOP_WORDS.
// similarity(a, b) is the cosine of the two token sets, |A ∩ B| / sqrt(|A| · |B|), in [0, 1].

/**
 * Words that say nothing about which fault it is: function words and the nouns every report
 * contains (设备 "equipment", 故障 "fault", 问题 "problem" ...). Kept short on purpose: a word
 * missing here costs a little precision, a word wrongly here loses a match.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Chinese function words
  '的',
  '了',
  '是',
  '在',
  '和',
  '与',
  '有',
  '不',
  '也',
  '都',
  '就',
  '还',
  '很',
  '又',
  '被',
  '把',
  '请',
  '我',
  '我们',
  '你',
  '您',
  '他',
  '她',
  '它',
  '这',
  '那',
  '一个',
  '一下',
  // nouns and verbs every report carries
  '设备',
  '故障',
  '问题',
  '客户',
  '出现',
  '情况',
  '需要',
  // English function words
  'the',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'is',
  'are',
  'was',
  'be',
  'it',
  'this',
  'that',
  'with',
  'for',
  'not',
  'no',
]);

const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Where a token comes from: a dictionary word (CJK or Latin) or a bigram of a CJK run. */
export type TokenKind = 'cjk_word' | 'latin_word' | 'bigram';
export type Token = { token: string; kind: TokenKind; position: number };

/** The tokens of a text in order of first occurrence, each once (see the header). */
export function tokenList(text: string): Token[] {
  const normalized = normalizeSearch(text);
  const seen = new Map<string, Token>();
  const add = (token: string, kind: TokenKind, position: number) => {
    if (STOP_WORDS.has(token)) return;
    const known = seen.get(token);
    // A bigram that is also a dictionary word counts as the word (it is more telling).
    if (!known) seen.set(token, { token, kind, position });
    else if (known.kind === 'bigram' && kind !== 'bigram') known.kind = kind;
  };
  // Runs of CJK characters, cut at stop words (whole segments such as 我们 or 设备, and
  // single characters such as 的 inside a segment) and at anything that is not CJK.
  let piece: { char: string; at: number }[] = [];
  const flush = () => {
    if (piece.length === 1) add(piece[0]!.char, 'bigram', piece[0]!.at);
    for (let i = 0; i + 1 < piece.length; i++) add(piece[i]!.char + piece[i + 1]!.char, 'bigram', piece[i]!.at);
    piece = [];
  };
  for (const s of segmenter.segment(normalized)) {
    if (s.isWordLike && Array.from(s.segment).length >= 2) add(s.segment, HAS_CJK.test(s.segment) ? 'cjk_word' : 'latin_word', s.index);
    if (STOP_WORDS.has(s.segment)) {
      flush();
      continue;
    }
    let at = s.index;
    for (const char of s.segment) {
      if (CJK_CHAR.test(char) && !STOP_WORDS.has(char)) piece.push({ char, at });
      else flush();
      at += char.length;
    }
  }
  flush();
  return [...seen.values()].sort((a, b) => a.position - b.position);
}

/** The token set of a text. */
export function tokens(text: string): Set<string> {
  return new Set(tokenList(text).map((t) => t.token));
}

/** Cosine of two token sets, in [0, 1]; 0 when either is empty. */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return Math.min(1, shared / Math.sqrt(a.size * b.size));
}

/**
 * How alike two texts are, in [0, 1]: symmetric, 1 for the same (normalized, non-empty) text
 * even when it holds only stop words, 0 when they share no token.
 */
export function similarity(a: string, b: string): number {
  const na = normalizeSearch(a);
  if (na !== '' && na === normalizeSearch(b)) return 1;
  return setSimilarity(tokens(a), tokens(b));
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

/**
 * A cheap approximation of tokens() without the word segmenter (which costs ~1.5 µs a
 * character): CJK bigrams of runs cut at one-character stop words, and Latin/digit words.
 * For pruning many candidates before the exact similarity ranks the few best.
 */
export function roughTokens(text: string): Set<string> {
  const normalized = normalizeSearch(text);
  const out = new Set<string>();
  for (const run of normalized.match(CJK_RUN) ?? []) {
    let prev = '';
    let lone = true;
    for (const char of run) {
      if (STOP_WORDS.has(char)) {
        if (prev && lone) out.add(prev);
        prev = '';
        lone = true;
        continue;
      }
      if (prev) {
        out.add(prev + char);
        lone = false;
      }
      prev = char;
    }
    if (prev && lone) out.add(prev);
  }
  for (const word of normalized.replace(CJK_RUN, ' ').match(LATIN_WORD) ?? []) {
    if (word.length >= 2 && !STOP_WORDS.has(word)) out.add(word);
  }
  return out;
}

/** Rounds a similarity for display: two decimals. */
export function roundSimilarity(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The terms of a text most worth looking up in an index of other texts:
 *  - `grams`: CJK bigrams (and lone characters), which are elements of core/search.ts
 *    searchGrams, so `search_grams && grams` is served by the GIN index;
 *  - `words`: Latin/digit words of three or more characters (a trigram index needs three),
 *    for `search_text LIKE '%word%'`.
 * Rarest first: `frequency(term)` is the share of indexed rows holding the term when known
 * (PostgreSQL's most common elements statistics); an unknown term is rarer than any known one.
 * Among equals, dictionary words before bigrams, then longer, then earlier in the text.
 * At most `max` terms, and only while their frequencies add up to at most `maxShare` (the
 * rarest term is always kept): a row holding any of them is a candidate, so one common term
 * would let unrelated rows crowd out the ones sharing the telling terms.
 */
export function informativeTerms(text: string, options: { frequency?: (term: string) => number | undefined; max?: number; maxShare?: number } = {}) {
  const { frequency = () => undefined, max = 8, maxShare = 1 } = options;
  const candidates = tokenList(text).filter((t) => (t.kind === 'latin_word' ? t.token.length >= 3 : Array.from(t.token).length <= 2));
  const kindRank = (t: Token) => (t.kind === 'bigram' ? 1 : 0);
  const sorted = candidates
    .map((t) => ({ ...t, freq: frequency(t.token) ?? 0 }))
    .sort((a, b) => a.freq - b.freq || kindRank(a) - kindRank(b) || b.token.length - a.token.length || a.position - b.position);
  const picked: typeof sorted = [];
  let share = 0;
  for (const t of sorted) {
    if (picked.length >= max || (picked.length > 0 && share + t.freq > maxShare)) break;
    picked.push(t);
    share += t.freq;
  }
  return {
    grams: picked.filter((t) => t.kind !== 'latin_word').map((t) => t.token),
    words: picked.filter((t) => t.kind === 'latin_word').map((t) => t.token),
  };
}
