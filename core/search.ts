// Search keys for partial matching that works for Chinese text.
//
// A trigram index serves Latin text, digits, phone numbers and serials of three or more
// characters. It cannot serve Chinese: names are often two characters, and pg_trgm in a
// C-locale database extracts no trigrams from CJK characters at all. So every searchable
// row also stores the unigrams and bigrams of its CJK runs; a query containing CJK must
// contain all of its own grams, then the LIKE on the full text confirms the match.

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The text a LIKE pattern is matched against: all parts, normalized, joined by a separator no query holds. */
export function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map(normalizeSearch)
    .join(' | ');
}

/** Unigrams and bigrams of every CJK run in the parts (deduplicated, sorted). */
export function searchGrams(parts: ReadonlyArray<string | null | undefined>): string[] {
  const grams = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const run of normalizeSearch(part).match(CJK_RUN) ?? []) {
      const chars = Array.from(run);
      chars.forEach((c, i) => {
        grams.add(c);
        const next = chars[i + 1];
        if (next) grams.add(c + next);
      });
    }
  }
  return [...grams].sort();
}

/** The grams a query needs: bigrams of its CJK runs, or the lone character of a one-character run. */
export function queryGrams(query: string): string[] {
  const grams = new Set<string>();
  for (const run of normalizeSearch(query).match(CJK_RUN) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams].sort();
}

/** A LIKE pattern matching the normalized query anywhere, with LIKE's wildcards escaped. */
export function likePattern(query: string): string {
  return `%${normalizeSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
