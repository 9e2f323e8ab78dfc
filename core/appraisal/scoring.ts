// Appraisal scoring (P5.1, P5.3.4), pure: an indicator's value becomes 0-100 points on its
// scoring curve; an indicator with too few samples is handled by a stated rule; the
// indicators and the evaluations (self, supervisor, customer) combine by weights into a
// composite; the composite falls in a grade band, or grades are forced to a distribution.
// Every figure comes with the arithmetic that produced it, so a score can show its derivation.

/** A scoring curve: (value, points) corners, values ascending; between corners the points are interpolated. */
export type Curve = readonly (readonly [value: number, points: number])[];

export interface IndicatorPolicy {
  /** The value the policy aims at (shown beside the result). */
  target: number;
  curve: Curve;
  /** Percent of the indicators' part of the composite. */
  weight: number;
  /** Fewer samples than this: the indicator is "insufficient" and the rule below applies. */
  minSamples: number;
}

/** What an insufficient indicator counts as: left out with its weight spread over the others, or scored at its target. */
export type InsufficientRule = 'reweight' | 'at_target';

export interface IndicatorResult {
  key: string;
  value: number | null;
  samples: number;
  points: number | null;
  status: 'scored' | 'insufficient';
  /** How the points were reached, e.g. "0.93 between 0.9 (80) and 1 (100) → 86". */
  explanation: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Points of a value on a curve: flat before the first corner and after the last, linear between. */
export function pointsOn(curve: Curve, value: number): { points: number; explanation: string } {
  if (curve.length === 0) throw new Error('a scoring curve needs at least one corner');
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  if (value <= first[0]) return { points: first[1], explanation: `${value} ≤ ${first[0]} → ${first[1]}` };
  if (value >= last[0]) return { points: last[1], explanation: `${value} ≥ ${last[0]} → ${last[1]}` };
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i]!;
    if (value <= x1) {
      const [x0, y0] = curve[i - 1]!;
      const points = round1(y0 + ((value - x0) / (x1 - x0)) * (y1 - y0));
      return { points, explanation: `${value} between ${x0} (${y0}) and ${x1} (${y1}) → ${points}` };
    }
  }
  return { points: last[1], explanation: `${value} → ${last[1]}` };
}

/** Whether a curve is usable: at least two corners, values strictly ascending, points within 0-100. */
export function isValidCurve(curve: Curve): boolean {
  if (curve.length < 2) return false;
  for (let i = 0; i < curve.length; i++) {
    const [x, y] = curve[i]!;
    if (!Number.isFinite(x) || !(y >= 0 && y <= 100)) return false;
    if (i > 0 && !(x > curve[i - 1]![0])) return false;
  }
  return true;
}

/** One indicator's points, or "insufficient" when it rests on too few samples (never silently 0 or 100). */
export function scoreIndicator(key: string, value: number | null, samples: number, policy: IndicatorPolicy): IndicatorResult {
  if (value === null || samples < policy.minSamples) {
    return {
      key,
      value,
      samples,
      points: null,
      status: 'insufficient',
      explanation: `${samples} sample(s), fewer than the ${policy.minSamples} needed`,
    };
  }
  const { points, explanation } = pointsOn(policy.curve, value);
  return { key, value, samples, points, status: 'scored', explanation };
}

export interface WeightedPart {
  key: string;
  points: number | null;
  weight: number;
}

/**
 * The weighted mean of parts (weights in percent, summing to 100). A part without points is
 * left out and its weight spread over the others ('reweight'), or counted at `fallback`
 * points ('at_target'); with no scored part at all there is no score.
 */
export function weightedScore(
  parts: readonly WeightedPart[],
  rule: InsufficientRule,
  fallback: (key: string) => number,
): { score: number | null; formula: string; weights: Record<string, number> } {
  const counted = parts.map((p) => ({ ...p, points: p.points ?? (rule === 'at_target' ? fallback(p.key) : null) }));
  const scored = counted.filter((p) => p.points !== null);
  const total = scored.reduce((a, p) => a + p.weight, 0);
  if (scored.length === 0 || total === 0) return { score: null, formula: 'no part could be scored', weights: {} };
  const weights = Object.fromEntries(scored.map((p) => [p.key, round1((p.weight / total) * 100)]));
  const score = round1(scored.reduce((a, p) => a + (p.points! * p.weight) / total, 0));
  const formula = `${scored.map((p) => `${p.points} × ${weights[p.key]}%`).join(' + ')} = ${score}`;
  return { score, formula, weights };
}

/** Weights must sum to exactly 100%: the names of the settings when they do not. */
export function weightsProblem(weights: Record<string, number>): string | null {
  const sum = Object.values(weights).reduce((a, w) => a + w, 0);
  return Math.abs(sum - 100) < 1e-9 ? null : `weights sum to ${round1(sum)}%, not 100%: ${Object.keys(weights).join(', ')}`;
}

export interface GradeBand {
  grade: string;
  /** Lowest composite score of the band. */
  min: number;
}

/** The band a score falls in: the highest band whose minimum it reaches. */
export function gradeOf(score: number, bands: readonly GradeBand[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1]!).grade;
}

/**
 * Forced distribution: people ranked by score get grades in the bands' order, each band
 * taking at most its share (percent, rounded down, at least one person once its share is
 * above zero); equal scores share the better grade; no one gets a better grade than their
 * score's band.
 */
export function forceDistribution(
  people: readonly { id: string; score: number }[],
  bands: readonly GradeBand[],
  shares: Record<string, number>,
): Map<string, string> {
  const order = [...bands].sort((a, b) => b.min - a.min);
  const ranked = [...people].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const out = new Map<string, string>();
  const n = ranked.length;
  let band = 0;
  let taken = 0;
  const capOf = (grade: string) => {
    const share = shares[grade];
    if (share === undefined) return Number.POSITIVE_INFINITY;
    return share <= 0 ? 0 : Math.max(1, Math.floor((share / 100) * n));
  };
  for (let i = 0; i < n; i++) {
    const p = ranked[i]!;
    const tie = i > 0 && ranked[i - 1]!.score === p.score;
    while (band < order.length - 1 && !tie && taken >= capOf(order[band]!.grade)) {
      band++;
      taken = 0;
    }
    const own = order.findIndex((b) => b.grade === gradeOf(p.score, bands));
    const grade = order[Math.max(band, own)]!.grade;
    out.set(p.id, grade);
    if (order[band]!.grade === grade) taken++;
  }
  return out;
}
