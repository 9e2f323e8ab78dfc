import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../settings.ts';
import type { AppraisalCycle, AppraisalDevelopment } from '../settings.ts';
import {
  addDays,
  annualScore,
  composite,
  customerScore,
  deadlines,
  gradesOf,
  monthPeriod,
  nudgeDue,
  pendingSteps,
  periodOfLabel,
  periodsDue,
  resultActionProblem,
  weakIndicators,
  stepBeforePublication,
} from './cycle.ts';
import { answersProblems, DEFAULT_TEMPLATES, formScore } from './forms.ts';
import { indicatorValues, type MonthFacts, ratingPoints, scoreIndicators } from './indicators.ts';

const defaults = <T>(key: string) => SETTINGS.find((s) => s.key === key)!.defaultValue as T;
const cycle = defaults<AppraisalCycle>('appraisal.cycle');
const development = defaults<AppraisalDevelopment>('appraisal.development');
const policy = { indicators: defaults<never>('appraisal.indicators'), measures: defaults<never>('appraisal.measures') };

const facts = (over: Partial<MonthFacts> = {}): MonthFacts => ({
  ratingCount: 4,
  ratingSum: 18,
  onTime: 9,
  late: 1,
  excused: 2,
  closed: 10,
  reopened: 1,
  trainingHours: 4,
  examsPassed: 1,
  certificates: 0,
  innovations: 1,
  consultationsJoined: 2,
  consultationsHelped: 1,
  assists: 1,
  ...over,
});

describe('periods and deadlines (P5.2)', () => {
  it('opens the previous month from the 1st, and the previous year in January', () => {
    expect(periodsDue('2026-11-01').map((p) => p.label)).toEqual(['2026-10']);
    expect(periodsDue('2027-01-15').map((p) => p.label)).toEqual(['2026-12', '2026']);
    expect(monthPeriod('2026-12-01')).toEqual({ kind: 'monthly', startsOn: '2026-12-01', endsOn: '2027-01-01', label: '2026-12' });
    expect(periodOfLabel('2026')).toMatchObject({ kind: 'annual', startsOn: '2026-01-01', endsOn: '2027-01-01' });
    expect(periodOfLabel('2026-13')).toBeNull();
  });

  it('puts the deadlines on days of the following month, publication by the 10th', () => {
    expect(deadlines(monthPeriod('2026-12-01'), cycle)).toEqual({ selfDueOn: '2027-01-03', reviewDueOn: '2027-01-07', publishDueOn: '2027-01-10' });
  });

  it('reminds from the set days before a deadline up to it, escalates after it', () => {
    expect(nudgeDue('self', '2026-11-03', '2026-11-01', cycle)).toBeNull();
    expect(nudgeDue('self', '2026-11-03', '2026-11-02', cycle)).toMatchObject({ kind: 'reminder' });
    expect(nudgeDue('self', '2026-11-03', '2026-11-03', cycle)).toMatchObject({ kind: 'reminder' });
    expect(nudgeDue('self', '2026-11-03', '2026-11-04', cycle)).toMatchObject({ kind: 'escalation' });
    expect(pendingSteps('self_pending', { status: 'open', selfDueOn: 'a', reviewDueOn: 'b' }, null, cycle).map((s) => s.step)).toEqual(['self', 'review']);
    expect(pendingSteps('published', { status: 'published', selfDueOn: 'a', reviewDueOn: 'b' }, '2026-11-10', cycle)).toEqual([{ step: 'acknowledge', dueOn: '2026-11-17' }]);
  });

  it('adds days across months and years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 800 }), (n) => {
        expect(addDays(addDays('2026-02-27', n), -n)).toBe('2026-02-27');
      }),
    );
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});

describe('who may take a step when (P5.3)', () => {
  const ctx = { today: '2026-11-02', selfDueOn: '2026-11-03', selfSubmitted: false, publishedOn: null, cycle };
  it('keeps a published result to calibration and appeals', () => {
    expect(resultActionProblem('self', 'published', 'published', ctx)).toBe('published');
    expect(resultActionProblem('review', 'published', 'published', ctx)).toBe('published');
    expect(resultActionProblem('calibrate', 'published', 'published', ctx)).toBeNull();
    expect(resultActionProblem('calibrate', 'published', 'closed', ctx)).toBe('closed');
  });
  it('refuses or accepts a late self-evaluation as the cycle says', () => {
    const late = { ...ctx, today: '2026-11-05' };
    expect(resultActionProblem('self', 'self_pending', 'open', late)).toBeNull();
    expect(resultActionProblem('self', 'self_pending', 'open', { ...late, cycle: { ...cycle, lateSelfEvaluation: 'refuse' } })).toBe('late');
  });
  it('takes a first self-evaluation after the review, but no revision', () => {
    expect(resultActionProblem('self', 'reviewed', 'open', ctx)).toBeNull();
    expect(resultActionProblem('self', 'reviewed', 'open', { ...ctx, selfSubmitted: true })).toBe('step_done');
  });
  it('takes an appeal within the window only, once', () => {
    const published = { ...ctx, publishedOn: '2026-11-10' };
    expect(resultActionProblem('appeal', 'published', 'published', { ...published, today: '2026-11-17' })).toBeNull();
    expect(resultActionProblem('appeal', 'published', 'published', { ...published, today: '2026-11-18' })).toBe('appeal_window');
    expect(resultActionProblem('appeal', 'appealed', 'published', published)).toBe('step_done');
    expect(resultActionProblem('answer', 'published', 'published', published)).toBe('no_appeal');
  });
});

describe('indicators from the facts (P5.1)', () => {
  it('divides what the policy says, leaving excused arrivals out', () => {
    const v = indicatorValues(facts(), policy.measures);
    expect(v.onTime).toMatchObject({ value: 0.9, samples: 10 });
    expect(v.onTime.formula).toContain('2 excused');
    expect(v.resolution).toMatchObject({ value: 0.9, samples: 10 });
    expect(v.customerSatisfaction).toMatchObject({ value: 4.5, samples: 4 });
    expect(v.growth.value).toBe(4 + 3 + 5);
    expect(v.teamwork.value).toBe(4 + 3 + 2);
  });

  it('never scores an indicator without samples 0 or 100; its weight goes to the others', () => {
    const r = scoreIndicators(facts({ onTime: 0, late: 0, excused: 3 }), policy, null);
    const onTime = r.indicators.find((i) => i.key === 'onTime')!;
    expect(onTime).toMatchObject({ status: 'insufficient', points: null });
    expect(r.formula).not.toContain('25%');
  });

  it('gives the supervisor teamwork rating its share', () => {
    const without = scoreIndicators(facts(), policy, null).indicators.find((i) => i.key === 'teamwork')!;
    const rated = scoreIndicators(facts(), policy, 5).indicators.find((i) => i.key === 'teamwork')!;
    expect(rated.points).toBe(Math.round(((without.points! + ratingPoints(5)) / 2) * 10) / 10);
  });

  it('is deterministic: the same facts give the same scores', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(20), (onTime, late, rating) => {
        const f = facts({ onTime, late, ratingCount: rating, ratingSum: rating * 4 });
        expect(scoreIndicators(f, policy, 3)).toEqual(scoreIndicators(f, policy, 3));
      }),
    );
  });
});

describe('composite, grades, annual, development (P5.3.4, P5.4)', () => {
  const weights = { self: 10, supervisor: 30, customer: 20, indicators: 40 };
  it('spreads the weight of a part not given, and says so', () => {
    const full = composite({ self: 80, supervisor: 90, customer: 70, indicators: 60 }, weights);
    expect(full.score).toBe(8 + 27 + 14 + 24);
    const partial = composite({ self: null, supervisor: 90, customer: 70, indicators: 60 }, weights);
    expect(partial.score).toBe(Math.round(((27 + 14 + 24) / 90) * 100 * 10) / 10);
    expect(partial.formula).toContain('self: not given');
  });
  it('maps the mean rating to the customer score', () => {
    expect(customerScore(0, 0)).toBeNull();
    expect(customerScore(15, 3)).toBe(100);
    expect(customerScore(13, 4)).toBe(56.3);
  });
  it('grades by band, or by the forced distribution', () => {
    const bands = defaults<{ bands: { grade: string; min: number }[]; payCoefficients: Record<string, number> }>('appraisal.grades');
    const people = [95, 90, 88, 86, 70].map((score, i) => ({ id: String(i), score }));
    expect([...gradesOf(people, { ...bands, forcedShares: null }).values()]).toEqual(['S', 'A', 'A', 'A', 'B']);
    const forced = gradesOf(people, { ...bands, forcedShares: { S: 20, A: 20, B: 60, C: 0, D: 0 } });
    expect([...forced.values()]).toEqual(['S', 'A', 'B', 'B', 'B']);
  });
  it('combines the months with the annual review, and marks a year with too few months', () => {
    const annual = { monthlyWeight: 70, reviewWeight: 30, minMonths: 6, excellentGrades: ['S', 'A'] };
    const months = Array.from({ length: 12 }, (_, i) => ({ label: `m${i}`, score: 80 }));
    expect(annualScore(months, 90, annual)).toMatchObject({ score: 83, insufficient: false });
    expect(annualScore(months.slice(0, 2), 90, annual).insufficient).toBe(true);
  });
  it('turns the weakest indicators below the threshold into development actions', () => {
    const r = scoreIndicators(facts({ onTime: 7, late: 3, closed: 10, reopened: 3 }), policy, null);
    const weak = weakIndicators(r.indicators, development);
    expect(weak.map((w) => w.indicator)).toEqual(['onTime', 'resolution']);
    expect(weak[0]!.suggestion.en).toBeTruthy();
  });
});

describe('evaluation forms (P5.3.1, P5.3.2)', () => {
  const items = DEFAULT_TEMPLATES.self.items;
  it('names missing, out-of-range and unknown answers', () => {
    expect(answersProblems(items, { quality: 6, learning: 3, nope: 1 })).toEqual({ nope: 'unknown', quality: 'score', punctuality: 'required', achievements: 'required' });
  });
  it('scores 1-5 answers as 0-100, weighted', () => {
    expect(formScore(items, { quality: 5, punctuality: 1, learning: 3 }).score).toBe(Math.round((100 * 40 + 0 * 30 + 50 * 30) / 100 * 10) / 10);
    expect(formScore(items, {}).score).toBeNull();
  });
});

describe('stepBeforePublication (P5.2: HR reopens a period)', () => {
  const at = new Date('2026-11-03T02:00:00Z');
  it('sends a reviewed result back to reviewed, a self-evaluated one to the review, the rest to the self-evaluation', () => {
    expect(stepBeforePublication({ reviewedAt: at, selfSubmittedAt: at }, 'monthly')).toBe('reviewed');
    expect(stepBeforePublication({ reviewedAt: null, selfSubmittedAt: at }, 'monthly')).toBe('review_pending');
    expect(stepBeforePublication({ reviewedAt: null, selfSubmittedAt: null }, 'monthly')).toBe('self_pending');
  });
  it('an annual result has no self-evaluation: it waits for the review', () => {
    expect(stepBeforePublication({ reviewedAt: null, selfSubmittedAt: null }, 'annual')).toBe('review_pending');
  });
});
