import { z } from 'zod';
import { dateOnly, id, optionalText, version } from '../../platform/schemas.ts';

// Working-time records (issue 5 point 1): shifts and leave, kept simple until the attendance
// and leave module owns them. The shapes are web/src/features/dispatch/types.ts ShiftRecord
// and LeaveRecord.

export const SHIFT_PLACES = ['home', 'office'] as const;
export const LEAVE_KINDS = ['annual', 'sick', 'personal', 'training', 'other'] as const;
/** The longest range one list request may cover, in days (both ends included). */
export const MAX_RANGE_DAYS = 62;
/** A shift may start and end this many hours outside its day (night and early work). */
export const SHIFT_SLACK_HOURS = 12;
/** The longest leave one record may cover, in days. */
export const MAX_LEAVE_DAYS = 366;

const instant = z.iso.datetime({ offset: true });

/** A team and a range of business dates (company time zone); the range is checked in the service. */
export const rangeQuery = z.object({ teamId: id, from: dateOnly, to: dateOnly }).strict();
export type RangeQuery = z.infer<typeof rangeQuery>;

export const shiftParams = z.object({ employeeId: id, day: dateOnly }).strict();

/** `version`, when given, must be the version the caller read (409 otherwise); without it the write is unconditional. */
export const putShiftBody = z
  .object({
    off: z.boolean(),
    startsAt: instant.nullish().transform((v) => (v ? new Date(v) : null)),
    endsAt: instant.nullish().transform((v) => (v ? new Date(v) : null)),
    /** Defaults to dispatch.defaultShift's places. */
    startsFrom: z.enum(SHIFT_PLACES).optional(),
    endsAtPlace: z.enum(SHIFT_PLACES).optional(),
    version: version.optional(),
  })
  .strict();
export type PutShift = z.infer<typeof putShiftBody>;

export const createLeaveBody = z
  .object({
    employeeId: id,
    kind: z.enum(LEAVE_KINDS),
    startsAt: instant.transform((v) => new Date(v)),
    endsAt: instant.transform((v) => new Date(v)),
    note: optionalText(500),
  })
  .strict();
export type CreateLeave = z.infer<typeof createLeaveBody>;

export const shiftRecordView = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    day: z.string(),
    off: z.boolean(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    startsFrom: z.enum(SHIFT_PLACES),
    endsAtPlace: z.enum(SHIFT_PLACES),
    version: z.number(),
  })
  .meta({ id: 'ShiftRecord' });

export const leaveRecordView = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    kind: z.enum(LEAVE_KINDS),
    startsAt: z.string(),
    endsAt: z.string(),
    /** Only for those who manage working time: the reason for leave is personal. */
    note: z.string().nullable(),
  })
  .meta({ id: 'LeaveRecord' });
