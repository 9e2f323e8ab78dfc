// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENUM_LABEL_PREFIXES } from '../components/labels.ts';

type Tree = { [key: string]: string | Tree };

/** `{ a: { b: 'x' } }` → ['a.b']; also checks every leaf is a non-empty string. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const localesDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * A language's texts: `<lang>.json` (loaded with the app) merged with `<bundle>.<lang>.json`
 * (loaded with the screens that need them, see workOrders.ts). A key in two files is an error.
 */
function language(lang: string): { texts: Map<string, string>; duplicates: string[] } {
  const files = readdirSync(localesDir).filter((name) => name === `${lang}.json` || name.endsWith(`.${lang}.json`));
  const texts = new Map<string, string>();
  const duplicates: string[] = [];
  for (const file of files.sort()) {
    for (const [key, value] of flatten(JSON.parse(readFileSync(join(localesDir, file), 'utf8')) as Tree)) {
      if (texts.has(key)) duplicates.push(`${key} (${file})`);
      texts.set(key, value);
    }
  }
  return { texts, duplicates };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Literal keys: t('key'), t("key"), i18n.t('key'), i18nKey="key". */
const KEY_PATTERNS = [/\bt\(\s*'([^'\n]+)'/g, /\bt\(\s*"([^"\n]+)"/g, /\bi18nKey=\s*["']([^"'\n]+)["']/g];

function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of KEY_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1];
        if (!key) continue;
        used.set(key, [...(used.get(key) ?? []), relative(srcDir, file)]);
      }
    }
  }
  return used;
}

const zh = language('zh-CN');
const english = language('en');
const locales = { 'zh-CN': zh.texts, en: english.texts };

describe('locales', () => {
  it('define each key in one file only', () => {
    expect(zh.duplicates).toEqual([]);
    expect(english.duplicates).toEqual([]);
    expect(readdirSync(localesDir).filter((name) => name.endsWith('.json')).length).toBeGreaterThanOrEqual(4);
  });

  it('have the same keys', () => {
    const zhKeys = [...locales['zh-CN'].keys()];
    const enKeys = [...locales.en.keys()];
    expect(zhKeys.filter((k) => !locales.en.has(k)), 'in zh-CN.json, missing from en.json').toEqual([]);
    expect(enKeys.filter((k) => !locales['zh-CN'].has(k)), 'in en.json, missing from zh-CN.json').toEqual([]);
  });

  it('have no empty texts', () => {
    for (const [name, map] of Object.entries(locales)) {
      const empty = [...map].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty texts in ${name}`).toEqual([]);
    }
  });

  it('use the same interpolations in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...locales['zh-CN']]
      .filter(([key, zh]) => {
        const other = locales.en.get(key);
        return other !== undefined && JSON.stringify(vars(zh)) !== JSON.stringify(vars(other));
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('hold every key the source uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    for (const [name, map] of Object.entries(locales)) {
      const missing = [...used].filter(([key]) => !map.has(key)).map(([key, files]) => `${key} (${[...new Set(files)].join(', ')})`);
      expect(missing, `keys missing from ${name}`).toEqual([]);
    }
  });

  it('label every value of the enumerations', () => {
    for (const [prefix, values] of Object.entries(ENUM_LABEL_PREFIXES)) {
      for (const value of values) {
        for (const [name, map] of Object.entries(locales)) {
          expect(map.has(`${prefix}.${value}`), `${prefix}.${value} missing from ${name}`).toBe(true);
        }
      }
    }
  });
});
