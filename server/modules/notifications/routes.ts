import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams, listQuery } from '../../platform/schemas.ts';
import { listMyNotifications, readMyNotification } from './service.ts';

const tags = ['notifications'];

const notificationView = z
  .object({
    id: z.string(),
    event: z.string(),
    subject: z.string(),
    body: z.string(),
    workOrder: z.object({ id: z.string(), number: z.string() }).nullable(),
    workOrderId: z.string().nullable(),
    status: z.enum(['unread', 'read']),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const listQuerySchema = z.object({ ...listQuery, unread: z.enum(['true', 'false']).optional() }).strict();

/** The caller's own in-app notifications (P4.3.3): progress of their orders, SLA alerts for staff. */
export const notificationRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        querystring: listQuerySchema,
        response: { 200: z.object({ items: z.array(notificationView), nextCursor: z.string().nullable(), unreadCount: z.number() }) },
      },
    },
    async (request) => listMyNotifications(contextOf(request, deps), request.query),
  );

  r.post(
    '/api/v1/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: notificationView } } },
    async (request) => readMyNotification(contextOf(request, deps), request.params.id),
  );
};
