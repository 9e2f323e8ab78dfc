import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChecklistItem,
  checklistItemsSchema,
  isItemDone,
  isOutOfRange,
  type ItemResult,
  missingRequired,
  requiredProgress,
  resultProblem,
  workTypeOf,
} from './checklists.ts';

const plain: ChecklistItem = { key: 'loto', label: { 'zh-CN': '断电挂牌上锁', en: 'Lock out, tag out' }, required: true, photo: false, measurement: null };
const photo: ChecklistItem = { key: 'nameplate', label: { 'zh-CN': '拍摄铭牌照片', en: 'Photograph the nameplate' }, required: true, photo: true, measurement: null };
const insulation: ChecklistItem = {
  key: 'insulation',
  label: { 'zh-CN': '测量绝缘电阻', en: 'Measure insulation resistance' },
  required: true,
  photo: false,
  measurement: { unit: 'MΩ', min: 2, max: null },
};
const current: ChecklistItem = {
  key: 'current',
  label: { 'zh-CN': '测量运行电流', en: 'Measure running current' },
  required: false,
  photo: false,
  measurement: { unit: 'A', min: 10, max: 16 },
};
const result = (r: Partial<ItemResult> = {}): ItemResult => ({ done: true, value: null, justification: null, hasPhoto: false, ...r });

describe('workTypeOf', () => {
  it('maps order categories to checklist work types; others have none', () => {
    expect(workTypeOf('fault_repair')).toBe('repair');
    expect(workTypeOf('installation')).toBe('installation');
    expect(workTypeOf('commissioning')).toBe('commissioning');
    expect(workTypeOf('maintenance')).toBe('maintenance');
    expect(workTypeOf('consultation')).toBeNull();
    expect(workTypeOf('complaint')).toBeNull();
  });
});

describe('checklist item schema (P4.3.2)', () => {
  it('accepts a valid list', () => {
    expect(checklistItemsSchema.safeParse([plain, photo, insulation, current]).success).toBe(true);
  });

  it('refuses duplicate keys, naming the second one', () => {
    const parsed = checklistItemsSchema.safeParse([plain, { ...photo, key: 'loto' }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([1, 'key']);
  });

  it('refuses a range whose minimum exceeds its maximum, an empty list and a missing language', () => {
    expect(checklistItemsSchema.safeParse([{ ...current, measurement: { unit: 'A', min: 20, max: 10 } }]).success).toBe(false);
    expect(checklistItemsSchema.safeParse([]).success).toBe(false);
    expect(checklistItemsSchema.safeParse([{ ...plain, label: { 'zh-CN': '断电' } }]).success).toBe(false);
    expect(checklistItemsSchema.safeParse([{ ...plain, key: 'Bad Key' }]).success).toBe(false);
  });
});

describe('out-of-range detection (P4.3.2)', () => {
  it('uses inclusive bounds, either of which may be open', () => {
    expect(isOutOfRange(current.measurement, 10)).toBe(false);
    expect(isOutOfRange(current.measurement, 16)).toBe(false);
    expect(isOutOfRange(current.measurement, 9.99)).toBe(true);
    expect(isOutOfRange(current.measurement, 16.01)).toBe(true);
    expect(isOutOfRange(insulation.measurement, 1_000)).toBe(false);
    expect(isOutOfRange(insulation.measurement, 1.5)).toBe(true);
    expect(isOutOfRange(null, 5)).toBe(false);
    expect(isOutOfRange(current.measurement, null)).toBe(false);
  });

  it('agrees with the bounds for any value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        expect(isOutOfRange(current.measurement, v)).toBe(v < 10 || v > 16);
      }),
    );
  });
});

describe('resultProblem (P4.3.2)', () => {
  it('needs a photo on a photo item marked done', () => {
    expect(resultProblem(photo, result())).toBe('photo');
    expect(resultProblem(photo, result({ hasPhoto: true }))).toBeNull();
    expect(resultProblem(photo, result({ done: false }))).toBeNull();
  });

  it('needs a value on a measurement marked done', () => {
    expect(resultProblem(insulation, result())).toBe('value');
    expect(resultProblem(insulation, result({ value: 50 }))).toBeNull();
  });

  it('accepts a value out of range only with a justification', () => {
    expect(resultProblem(insulation, result({ value: 1.2 }))).toBe('justification');
    expect(resultProblem(insulation, result({ value: 1.2, justification: '  ' }))).toBe('justification');
    expect(resultProblem(insulation, result({ value: 1.2, done: false }))).toBe('justification');
    expect(resultProblem(insulation, result({ value: 1.2, justification: '电机受潮，已烘干后复测' }))).toBeNull();
  });

  it('refuses a value on an item that measures nothing', () => {
    expect(resultProblem(plain, result({ value: 3 }))).toBe('unexpected_value');
  });
});

describe('missing required items (P4.3.2)', () => {
  const items = [plain, photo, insulation, current];

  it('lists every required item while nothing is recorded; optional ones never', () => {
    expect(missingRequired(items, new Map()).map((i) => i.key)).toEqual(['loto', 'nameplate', 'insulation']);
    expect(requiredProgress(items, new Map())).toEqual({ required: 3, done: 0 });
  });

  it('counts an item done only when it carries what it requires', () => {
    const results = new Map<string, ItemResult>([
      ['loto', result()],
      ['nameplate', result({ hasPhoto: false })],
      ['insulation', result({ value: 1, justification: '已记录' })],
    ]);
    expect(missingRequired(items, results).map((i) => i.key)).toEqual(['nameplate']);
    expect(requiredProgress(items, results)).toEqual({ required: 3, done: 2 });
    expect(isItemDone(photo, results.get('nameplate'))).toBe(false);
    expect(isItemDone(plain, result({ done: false }))).toBe(false);
  });

  it('is empty once every required item is done', () => {
    const results = new Map<string, ItemResult>([
      ['loto', result()],
      ['nameplate', result({ hasPhoto: true })],
      ['insulation', result({ value: 120 })],
    ]);
    expect(missingRequired(items, results)).toEqual([]);
  });
});
