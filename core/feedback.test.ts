import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedFeedbackActions,
  defaultDepartment,
  FEEDBACK_ACTIONS,
  FEEDBACK_STATUSES,
  formatFeedbackNumber,
  monthsBetween,
  needsFollowUp,
  nextFeedbackStatus,
} from './feedback.ts';

describe('feedback status machine (P4.4.3)', () => {
  it('moves received -> investigating -> answered -> closed', () => {
    expect(nextFeedbackStatus('received', 'investigate')).toBe('investigating');
    expect(nextFeedbackStatus('investigating', 'answer')).toBe('answered');
    expect(nextFeedbackStatus('answered', 'close')).toBe('closed');
  });

  it('lets a department answer without investigating first', () => {
    expect(nextFeedbackStatus('received', 'answer')).toBe('answered');
  });

  it('refuses illegal moves', () => {
    expect(nextFeedbackStatus('received', 'close')).toBeNull();
    expect(nextFeedbackStatus('investigating', 'investigate')).toBeNull();
    expect(nextFeedbackStatus('answered', 'answer')).toBeNull();
    expect(allowedFeedbackActions('closed')).toEqual([]);
  });

  it('allows exactly the actions whose move is legal, in every status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FEEDBACK_STATUSES), fc.constantFrom(...FEEDBACK_ACTIONS), (status, action) => {
        expect(allowedFeedbackActions(status).includes(action)).toBe(nextFeedbackStatus(status, action) !== null);
      }),
    );
  });

  it('never leads back to received and ends in closed', () => {
    for (const s of FEEDBACK_STATUSES)
      for (const a of FEEDBACK_ACTIONS) {
        const next = nextFeedbackStatus(s, a);
        if (next) expect(FEEDBACK_STATUSES.indexOf(next)).toBeGreaterThan(FEEDBACK_STATUSES.indexOf(s));
      }
  });
});

describe('feedback routing and numbers', () => {
  it('sends a defect to quality and a suggestion or opinion to product (P2.2.2, P2.1.3)', () => {
    expect(defaultDepartment('defect')).toBe('quality');
    expect(defaultDepartment('suggestion')).toBe('product');
    expect(defaultDepartment('opinion')).toBe('product');
  });

  it('follows up what the customer raised, not the technician (P4.4.3)', () => {
    expect(needsFollowUp('customer')).toBe(true);
    expect(needsFollowUp('technician')).toBe(false);
  });

  it('formats numbers by company date and sequence', () => {
    expect(formatFeedbackNumber('2026-11-26', 7)).toBe('FB-20261126-0007');
  });

  it('lists the months of a range, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
});
