import { z } from 'zod';
import { dateOnly, text, version } from '../../platform/schemas.ts';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;

export const yearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2100) }).strict();
export const dateParams = z.object({ date: dateOnly }).strict();

/** `version`, when given, must be the version the caller read (409 otherwise); without it the write is unconditional. */
export const putCalendarDayBody = z.object({ kind: z.enum(CALENDAR_DAY_KINDS), name: text(60), version: version.optional() }).strict();

export const calendarDayView = z
  .object({
    date: z.string(),
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CalendarDay' });

export const calendarYearView = z
  .object({
    year: z.number(),
    items: z.array(calendarDayView),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'CalendarYear' });
