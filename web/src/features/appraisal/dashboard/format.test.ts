import { describe, expect, it } from 'vitest';
import { defaultRange, formatValue, minutesLate, shiftMonth } from './format.ts';

describe('appraisal dashboard format', () => {
  it('shows rates as percentages, the mean rating with two decimals, activity points with one', () => {
    expect(formatValue('onTime', 0.8)).toBe('80.0%');
    expect(formatValue('resolution', 0.9333)).toBe('93.3%');
    expect(formatValue('customerSatisfaction', 4.335)).toBe('4.33');
    expect(formatValue('growth', 12)).toBe('12.0');
    expect(formatValue('teamwork', null)).toBe('–');
  });

  it('moves across years and defaults to the six months ending with the period', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 2)).toBe('2027-01');
    expect(defaultRange('2026-10')).toEqual({ from: '2026-05', to: '2026-10' });
    expect(defaultRange('2026')).toEqual({ from: '2026-07', to: '2026-12' });
  });

  it('counts minutes late from the two instants; none for a business date', () => {
    expect(minutesLate('2026-10-21T03:00:00.000Z', '2026-10-21T01:30:00.000Z')).toBe(90);
    expect(minutesLate('2026-10-21T01:00:00.000Z', '2026-10-21T01:30:00.000Z')).toBe(-30);
    expect(minutesLate('2026-10-12', null)).toBeNull();
  });
});
