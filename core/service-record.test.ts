import { describe, expect, it } from 'vitest';
import { arrivalOutcome } from './service-record.ts';

describe('arrival against its deadline (P5.1.2)', () => {
  const due = new Date('2026-11-27T06:00:00Z');
  it('is on time up to the deadline itself, and says by how much', () => {
    expect(arrivalOutcome(new Date('2026-11-27T05:15:00Z'), due)).toEqual({ status: 'on_time', marginMinutes: 45 });
    expect(arrivalOutcome(due, due)).toEqual({ status: 'on_time', marginMinutes: 0 });
  });
  it('is late by whole minutes started', () => {
    expect(arrivalOutcome(new Date('2026-11-27T06:00:01Z'), due)).toEqual({ status: 'late', lateMinutes: 1 });
    expect(arrivalOutcome(new Date('2026-11-27T07:30:00Z'), due)).toEqual({ status: 'late', lateMinutes: 90 });
  });
  it('says when there is nothing to judge yet', () => {
    expect(arrivalOutcome(null, due)).toEqual({ status: 'not_arrived' });
    expect(arrivalOutcome(new Date(), null)).toEqual({ status: 'no_deadline' });
  });
});
