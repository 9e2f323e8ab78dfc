// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import {
  answerProblems,
  answersFromValues,
  splitMinutes,
  arrivalMinutesLate,
  awaitsReview,
  defaultReviewPeriod,
  formatIndicatorValue,
  historyChanges,
  newestFirst,
  resultSteps,
  statusCounts,
  valuesFromAnswers,
} from './logic.ts';
import type { Period, ResultDetail, TemplateItem } from './types.ts';

const period = (label: string, kind: 'monthly' | 'annual', status: Period['status']) => ({ id: label, label, kind, status }) as Period;

describe('periods', () => {
  it('come newest first, an annual period after the December of its year', () => {
    const list = [
      { periodLabel: '2026-09', periodKind: 'monthly' as const },
      { periodLabel: '2026', periodKind: 'annual' as const },
      { periodLabel: '2027-01', periodKind: 'monthly' as const },
      { periodLabel: '2026-12', periodKind: 'monthly' as const },
      { periodLabel: '2026-10', periodKind: 'monthly' as const },
    ];
    expect(newestFirst(list).map((r) => r.periodLabel)).toEqual(['2027-01', '2026', '2026-12', '2026-10', '2026-09']);
  });

  it('a supervisor reviews the newest open monthly period by default', () => {
    const periods = [period('2026-11', 'monthly', 'published'), period('2026-10', 'monthly', 'open'), period('2026-09', 'monthly', 'open'), period('2026', 'annual', 'open')];
    expect(defaultReviewPeriod(periods)?.label).toBe('2026-10');
    expect(defaultReviewPeriod([period('2026-08', 'monthly', 'closed'), period('2026-09', 'monthly', 'published')])?.label).toBe('2026-09');
    expect(defaultReviewPeriod([period('2026', 'annual', 'open')])?.label).toBe('2026');
    expect(defaultReviewPeriod([])).toBeUndefined();
  });
});

const abilities = { self: true, review: false, calibrate: false, acknowledge: true, appeal: true, answer: false };
const facts = (o: Partial<ResultDetail> = {}) =>
  ({
    status: 'self_pending',
    periodStatus: 'open',
    periodKind: 'monthly',
    selfSubmittedAt: null,
    abilities,
    deadlines: { selfDueOn: '2026-11-03', reviewDueOn: '2026-11-07', publishDueOn: '2026-11-10', appealDueOn: null },
    ...o,
  }) as ResultDetail;

describe('the steps offered on a result (mirroring core resultActionProblem)', () => {
  it('P5.3.1: the self-evaluation while the period is open and the supervisor has not reviewed a submitted one', () => {
    expect(resultSteps(facts(), '2026-11-02').self).toBe(true);
    expect(resultSteps(facts({ status: 'review_pending', selfSubmittedAt: '2026-11-02T01:00:00Z' }), '2026-11-02').self).toBe(true);
    expect(resultSteps(facts({ status: 'reviewed', selfSubmittedAt: null }), '2026-11-05').self).toBe(true);
    expect(resultSteps(facts({ status: 'reviewed', selfSubmittedAt: '2026-11-02T01:00:00Z' }), '2026-11-05').self).toBe(false);
    expect(resultSteps(facts({ periodStatus: 'published', status: 'published' }), '2026-11-12').self).toBe(false);
    expect(resultSteps(facts({ periodKind: 'annual' }), '2027-01-02').self).toBe(false);
    expect(resultSteps(facts({ abilities: { ...abilities, self: false } }), '2026-11-02').self).toBe(false);
  });

  it('a published result: acknowledge, or appeal until the window closes', () => {
    const published = facts({ status: 'published', periodStatus: 'published', deadlines: { ...facts().deadlines, appealDueOn: '2026-11-17' } });
    expect(resultSteps(published, '2026-11-17')).toMatchObject({ acknowledge: true, appeal: true, appealClosed: false });
    expect(resultSteps(published, '2026-11-18')).toMatchObject({ acknowledge: true, appeal: false, appealClosed: true });
    expect(resultSteps(facts({ status: 'appealed', periodStatus: 'published' }), '2026-11-12')).toMatchObject({ acknowledge: false, appeal: false });
    expect(resultSteps(facts({ status: 'answered', periodStatus: 'published' }), '2026-11-12')).toMatchObject({ acknowledge: true, appeal: false });
    expect(resultSteps(facts({ status: 'reviewed' }), '2026-11-08')).toMatchObject({ acknowledge: false, appeal: false, appealClosed: false });
  });

  it('reviews only while the period is open; no calibration of a closed period; answers only on an appeal', () => {
    const hr = { self: false, review: true, calibrate: true, acknowledge: false, appeal: false, answer: true };
    expect(resultSteps(facts({ abilities: hr }), '2026-11-05')).toMatchObject({ review: true, calibrate: true, answer: false });
    expect(resultSteps(facts({ abilities: hr, periodStatus: 'published', status: 'published' }), '2026-11-12')).toMatchObject({ review: false, calibrate: true });
    expect(resultSteps(facts({ abilities: hr, periodStatus: 'closed', status: 'acknowledged' }), '2026-12-01')).toMatchObject({ calibrate: false });
    expect(resultSteps(facts({ abilities: hr, periodStatus: 'published', status: 'appealed' }), '2026-11-12').answer).toBe(true);
  });

  it('the queue counts as awaiting review what is not reviewed in an open period', () => {
    expect(awaitsReview({ status: 'self_pending', periodStatus: 'open' })).toBe(true);
    expect(awaitsReview({ status: 'review_pending', periodStatus: 'open' })).toBe(true);
    expect(awaitsReview({ status: 'reviewed', periodStatus: 'open' })).toBe(false);
    expect(awaitsReview({ status: 'review_pending', periodStatus: 'closed' })).toBe(false);
  });
});

const items: TemplateItem[] = [
  { key: 'quality', label: { 'zh-CN': '服务质量', en: 'Quality' }, kind: 'score', weight: 60, required: true },
  { key: 'learning', label: { 'zh-CN': '学习', en: 'Learning' }, kind: 'score', weight: 40, required: false },
  { key: 'achievements', label: { 'zh-CN': '成绩', en: 'Achievements' }, kind: 'text', weight: 0, required: true },
  { key: 'improvements', label: { 'zh-CN': '改进', en: 'Improvements' }, kind: 'text', weight: 0, required: false },
];

describe('answers', () => {
  it('keep the answered items only: scores 1-5, text trimmed, unrated stars and blank text dropped', () => {
    expect(answersFromValues(items, { quality: 4, learning: 0, achievements: '  fixed 12 printers ', improvements: '   ', stray: 'x' })).toEqual({
      quality: 4,
      achievements: 'fixed 12 printers',
    });
    expect(answersFromValues(items, undefined)).toEqual({});
  });

  it('fill the form again from saved answers', () => {
    expect(valuesFromAnswers(items, { quality: 5, achievements: 'done', gone: 3 })).toEqual({ quality: 5, achievements: 'done' });
    expect(valuesFromAnswers(items, null)).toEqual({});
  });

  it('map the server problems back to the items they name, whatever way the server lists them', () => {
    const asErrors = new ApiError(422, {
      code: 'appraisal.answers',
      errors: [
        { field: 'answers.quality', code: 'score', message: '1 to 5' },
        { field: 'achievements', code: 'required', message: 'Required' },
        { field: 'version', code: 'invalid', message: 'bad' },
      ],
    });
    expect(answerProblems(asErrors, items.map((i) => i.key))).toEqual({ quality: '1 to 5', achievements: 'Required' });
    const asList = new ApiError(422, { code: 'appraisal.answers', fields: ['achievements', 'nonsense'] });
    expect(answerProblems(asList, items.map((i) => i.key))).toEqual({ achievements: null });
    const asRecord = new ApiError(422, { code: 'appraisal.answers', fields: { quality: 'score' } });
    expect(answerProblems(asRecord, items.map((i) => i.key))).toEqual({ quality: null });
    expect(answerProblems(new Error('x'), ['quality'])).toEqual({});
  });
});

describe('reading the figures', () => {
  it('shows rates as percents, the mean rating out of 5 and activity points as they are', () => {
    expect(formatIndicatorValue('onTime', 0.9333)).toBe('93.3%');
    expect(formatIndicatorValue('resolution', 1)).toBe('100%');
    expect(formatIndicatorValue('customerSatisfaction', 4.666)).toBe('4.67 / 5');
    expect(formatIndicatorValue('growth', 12.25)).toBe('12.3');
    expect(formatIndicatorValue('teamwork', null)).toBe('—');
  });

  it('measures an arrival against its deadline in whole minutes', () => {
    expect(arrivalMinutesLate('2026-10-05T02:12:30Z', '2026-10-05T02:00:00Z')).toBe(12);
    expect(arrivalMinutesLate('2026-10-05T01:51:00Z', '2026-10-05T02:00:00Z')).toBe(-9);
    expect(arrivalMinutesLate('2026-10-05T02:00:00Z', '2026-10-05T02:00:00Z')).toBe(0);
    expect(arrivalMinutesLate(null, '2026-10-05T02:00:00Z')).toBeNull();
  });

  it('splits long durations into hours and minutes', () => {
    expect(splitMinutes(2791)).toEqual({ h: 46, m: 31 });
    expect(splitMinutes(-59)).toEqual({ h: 0, m: 59 });
    expect(splitMinutes(120)).toEqual({ h: 2, m: 0 });
  });

  it('lists what a history entry changed', () => {
    expect(historyChanges({ score: 78.5, grade: 'B', status: 'reviewed' }, { score: 82, grade: 'A', status: 'reviewed' })).toEqual([
      { field: 'score', before: '78.5', after: '82' },
      { field: 'grade', before: 'B', after: 'A' },
    ]);
    expect(historyChanges(null, { status: 'published' })).toEqual([{ field: 'status', before: '—', after: 'published' }]);
    expect(historyChanges('x', 3)).toEqual([]);
  });

  it('counts explain rows by status', () => {
    expect(statusCounts([{ status: 'on_time' }, { status: 'late' }, { status: 'on_time' }, { status: 'excused' }])).toEqual([
      ['on_time', 2],
      ['late', 1],
      ['excused', 1],
    ]);
  });
});
