// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as contract from '../../../../../server/modules/appraisal/schemas.ts';
import { INDICATORS, type Period } from '../types.ts';
import { defaultPeriod, duplicateKeys, minutesLate, monthRange, PERIOD_LABEL, previousMonth, scoreWeight, sortPeriods, unreviewed, unreviewedInPeriod } from './helpers.ts';
import { EXCUSE_REASONS, GROWTH_KINDS, RESULT_STATUSES } from './labels.ts';

const period = (label: string, kind: Period['kind'], status: Period['status'], startsOn: string) => ({ id: `${label}-${kind}`, label, kind, status, startsOn }) as Period;

describe('HR appraisal helpers', () => {
  it('accept the period labels the server accepts (a month or a year)', () => {
    for (const ok of ['2026-10', '2026-01', '2026-12', '2026']) expect(PERIOD_LABEL.test(ok), ok).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', '']) expect(PERIOD_LABEL.test(bad), bad).toBe(false);
  });

  it('span a whole month, leap years included', () => {
    expect(monthRange('2026-10')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('propose the month before today, across a new year (P5.2: the previous month opens on the 1st)', () => {
    expect(previousMonth('2026-11-01')).toBe('2026-10');
    expect(previousMonth('2027-01-03')).toBe('2026-12');
  });

  it('list periods newest first, the month before the year that starts with it, and show the newest open one', () => {
    const periods = [period('2026-10', 'monthly', 'published', '2026-10-01'), period('2026-12', 'monthly', 'closed', '2026-12-01'), period('2026', 'annual', 'open', '2026-01-01'), period('2026-01', 'monthly', 'closed', '2026-01-01')];
    expect(sortPeriods(periods).map((p) => p.label)).toEqual(['2026-12', '2026-10', '2026-01', '2026']);
    expect(defaultPeriod(periods)?.label).toBe('2026');
    expect(defaultPeriod(periods.filter((p) => p.status !== 'open'))?.label).toBe('2026-12');
    expect(defaultPeriod([])).toBeUndefined();
  });

  it('count the results a publish would release without the supervisor review (P5.3.2)', () => {
    expect(unreviewed([{ status: 'self_pending' }, { status: 'review_pending' }, { status: 'reviewed' }, { status: 'published' }])).toBe(2);
    expect(unreviewedInPeriod({ counts: { results: 5, selfDone: 5, reviewed: 3, appealsOpen: 0 } })).toBe(2);
    expect(unreviewedInPeriod({ counts: { results: 0, selfDone: 0, reviewed: 0, appealsOpen: 0 } })).toBe(0);
  });

  it('check a form as the server will: score weights and unique keys (P5.3.1-2)', () => {
    const items = [
      { key: 'quality', kind: 'score' as const, weight: 40 },
      { key: 'comment', kind: 'text' as const, weight: 30 },
      { key: 'quality', kind: 'score' as const, weight: 20 },
    ];
    expect(scoreWeight(items)).toBe(60);
    expect(duplicateKeys(items)).toEqual(['quality']);
    expect(duplicateKeys(items.slice(0, 2))).toEqual([]);
  });

  it('measure lateness against the arrival deadline (P5.1.2)', () => {
    expect(minutesLate('2026-10-05T02:30:00Z', '2026-10-05T02:00:00Z')).toBe(30);
    expect(minutesLate('2026-10-05T01:50:00Z', '2026-10-05T02:00:00Z')).toBe(-10);
    expect(minutesLate(null, '2026-10-05T02:00:00Z')).toBeNull();
  });
});

describe('HR appraisal labels', () => {
  it('list the vocabularies of the API contract', () => {
    expect(EXCUSE_REASONS).toEqual(contract.EXCUSE_REASONS);
    expect(GROWTH_KINDS).toEqual(contract.GROWTH_KINDS);
    expect(RESULT_STATUSES).toEqual(contract.RESULT_STATUSES);
  });

  const bundle = (lang: string) => JSON.parse(readFileSync(new URL(`../../../locales/appraisal-hr.${lang}.json`, import.meta.url), 'utf8')).appraisalHr;
  it.each(['en', 'zh-CN'])('name every value of the vocabularies in %s', (lang) => {
    const texts = bundle(lang);
    for (const key of INDICATORS) expect(texts.indicator[key], key).toBeTruthy();
    for (const s of RESULT_STATUSES) expect(texts.resultStatus[s], s).toBeTruthy();
    for (const r of EXCUSE_REASONS) expect(texts.excuseReason[r], r).toBeTruthy();
    for (const k of GROWTH_KINDS) expect(texts.growthKind[k], k).toBeTruthy();
    for (const s of ['open', 'published', 'closed']) expect(texts.periodStatus[s], s).toBeTruthy();
    for (const a of ['recompute', 'publish', 'close', 'reopen']) expect(texts.periods.done[a], a).toBeTruthy();
    for (const k of ['periods', 'results', 'appeals', 'forms', 'growth', 'excuses', 'applied']) expect(texts.tab[k], k).toBeTruthy();
  });
});
