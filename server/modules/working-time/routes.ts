import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { createLeaveBody, leaveRecordView, putShiftBody, rangeQuery, shiftParams, shiftRecordView } from './schemas.ts';
import { createLeave, listLeave, listShifts, putShift, removeLeave, removeShift } from './service.ts';

// Working-time records (issue 5 point 1): shifts and leave that dispatch plans around.
// Writes need working_time.manage; reads are also open to dispatchers (work_orders.dispatch),
// which the service checks along with the supervisor's own teams.
const tags = ['working-time'];
const read = { access: 'authenticated' } as const;
const manage = { access: 'working_time.manage' } as const;

export const workingTimeRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get(
    '/api/v1/working-time/shifts',
    { config: read, schema: { tags, querystring: rangeQuery, response: { 200: z.array(shiftRecordView) } } },
    async (request) => listShifts(contextOf(request, deps), request.query),
  );
  r.put(
    '/api/v1/working-time/shifts/:employeeId/:day',
    { config: manage, schema: { tags, params: shiftParams, body: putShiftBody, response: { 200: shiftRecordView, 201: shiftRecordView } } },
    async (request, reply) => {
      const { created, shift } = await putShift(contextOf(request, deps), request.params.employeeId, request.params.day, request.body);
      return reply.code(created ? 201 : 200).send(shift);
    },
  );
  r.delete(
    '/api/v1/working-time/shifts/:employeeId/:day',
    { config: manage, schema: { tags, params: shiftParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeShift(contextOf(request, deps), request.params.employeeId, request.params.day);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/working-time/leave',
    { config: read, schema: { tags, querystring: rangeQuery, response: { 200: z.array(leaveRecordView) } } },
    async (request) => listLeave(contextOf(request, deps), request.query),
  );
  r.post(
    '/api/v1/working-time/leave',
    { config: manage, schema: { tags, body: createLeaveBody, response: { 201: leaveRecordView } } },
    async (request, reply) => reply.code(201).send(await createLeave(contextOf(request, deps), request.body)),
  );
  r.delete(
    '/api/v1/working-time/leave/:id',
    { config: manage, schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeLeave(contextOf(request, deps), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
