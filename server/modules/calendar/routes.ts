import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { calendarDayView, calendarYearView, dateParams, putCalendarDayBody, yearQuery } from './schemas.ts';
import { calendarYear, putCalendarDay, removeCalendarDay } from './service.ts';

const tags = ['calendar'];

export const calendarRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  // Anyone signed in may see which days are worked: SLA deadlines shown to them depend on it.
  r.get(
    '/api/v1/calendar-days',
    { config: { access: 'authenticated' }, schema: { tags, querystring: yearQuery, response: { 200: calendarYearView } } },
    async (request) => calendarYear(contextOf(request, deps), request.query.year),
  );
  r.put(
    '/api/v1/calendar-days/:date',
    {
      config: { access: 'settings.write' },
      schema: { tags, params: dateParams, body: putCalendarDayBody, response: { 200: calendarDayView, 201: calendarDayView } },
    },
    async (request, reply) => {
      const { created, day } = await putCalendarDay(contextOf(request, deps), request.params.date, request.body);
      return reply.code(created ? 201 : 200).send(day);
    },
  );
  r.delete(
    '/api/v1/calendar-days/:date',
    { config: { access: 'settings.write' }, schema: { tags, params: dateParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeCalendarDay(contextOf(request, deps), request.params.date);
      return reply.code(204).send(null);
    },
  );
};
