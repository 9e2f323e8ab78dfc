import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Curve, forceDistribution, gradeOf, isValidCurve, pointsOn, scoreIndicator, weightedScore, weightsProblem } from './scoring.ts';

// Appraisal scoring (P5.1, P5.3.4), issue 6 groundwork.

const onTimeCurve: Curve = [
  [0.7, 0],
  [0.9, 80],
  [1, 100],
];

describe('pointsOn (P5.1: value -> 0-100 points on the setting curve)', () => {
  it('interpolates between corners and is flat outside them, saying how', () => {
    expect(pointsOn(onTimeCurve, 0.95)).toEqual({ points: 90, explanation: '0.95 between 0.9 (80) and 1 (100) → 90' });
    expect(pointsOn(onTimeCurve, 0.5).points).toBe(0);
    expect(pointsOn(onTimeCurve, 1).points).toBe(100);
    expect(pointsOn(onTimeCurve, 0.8).points).toBe(40);
  });

  it('never leaves 0-100 and never falls as the value rises on a rising curve', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pl = pointsOn(onTimeCurve, lo).points;
        const ph = pointsOn(onTimeCurve, hi).points;
        expect(pl).toBeGreaterThanOrEqual(0);
        expect(ph).toBeLessThanOrEqual(100);
        expect(ph).toBeGreaterThanOrEqual(pl - 0.1);
      }),
    );
  });

  it('knows a valid curve: two corners or more, ascending values, points 0-100', () => {
    expect(isValidCurve(onTimeCurve)).toBe(true);
    expect(isValidCurve([[1, 100]])).toBe(false);
    expect(
      isValidCurve([
        [1, 0],
        [1, 100],
      ]),
    ).toBe(false);
    expect(
      isValidCurve([
        [0, 0],
        [1, 120],
      ]),
    ).toBe(false);
  });
});

describe('scoreIndicator: too few samples is marked, not scored 0 or 100', () => {
  const policy = { target: 0.95, curve: onTimeCurve, weight: 30, minSamples: 5 };
  it('scores with enough samples', () => {
    expect(scoreIndicator('onTime', 0.95, 20, policy)).toMatchObject({ points: 90, status: 'scored' });
  });
  it('marks an indicator with fewer samples than the minimum, saying why', () => {
    expect(scoreIndicator('onTime', 1, 3, policy)).toMatchObject({ points: null, status: 'insufficient', explanation: '3 sample(s), fewer than the 5 needed' });
    expect(scoreIndicator('onTime', null, 0, policy).status).toBe('insufficient');
  });
});

describe('weightedScore (P5.3.4 composite)', () => {
  const parts = [
    { key: 'a', points: 80, weight: 50 },
    { key: 'b', points: null, weight: 25 },
    { key: 'c', points: 100, weight: 25 },
  ];
  it('spreads an insufficient part over the others (reweight), showing the formula', () => {
    const r = weightedScore(parts, 'reweight', () => 0);
    expect(r.score).toBe(86.7);
    expect(r.weights).toEqual({ a: 66.7, c: 33.3 });
    expect(r.formula).toBe('80 × 66.7% + 100 × 33.3% = 86.7');
  });
  it('or counts it at its target points', () => {
    expect(weightedScore(parts, 'at_target', () => 60).score).toBe(80);
  });
  it('gives no score when nothing could be scored', () => {
    expect(weightedScore([{ key: 'a', points: null, weight: 100 }], 'reweight', () => 0).score).toBeNull();
  });
  it('is the same for the same inputs (recomputation gives the same result)', () => {
    expect(weightedScore(parts, 'reweight', () => 0)).toEqual(weightedScore(parts, 'reweight', () => 0));
  });
  it('refuses weights that do not sum to 100%, naming them', () => {
    expect(weightsProblem({ self: 10, supervisor: 40, customer: 20, indicators: 30 })).toBeNull();
    expect(weightsProblem({ self: 10, supervisor: 40, customer: 20, indicators: 20 })).toBe('weights sum to 90%, not 100%: self, supervisor, customer, indicators');
  });
});

describe('grades', () => {
  const bands = [
    { grade: 'S', min: 95 },
    { grade: 'A', min: 85 },
    { grade: 'B', min: 70 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: 0 },
  ];
  it('falls in the highest band whose minimum the score reaches', () => {
    expect(gradeOf(95, bands)).toBe('S');
    expect(gradeOf(94.9, bands)).toBe('A');
    expect(gradeOf(10, bands)).toBe('D');
  });
  it('forces a distribution: each band at most its share, ties share the better grade, nobody above their own band', () => {
    const people = [98, 97, 96, 90, 88, 80, 80, 75, 65, 50].map((score, i) => ({ id: `p${i}`, score }));
    const g = forceDistribution(people, bands, { S: 10, A: 20, B: 40, C: 20, D: 10 });
    expect(people.map((p) => g.get(p.id))).toEqual(['S', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D']);
  });
});
