import { z } from 'zod';
import { Id, listOf, PageQuery, Timestamp } from '@gezinsplan/domain';
import { defineAccountRoute } from '../../platform/http/define-route';
import { markNotificationRead, myNotifications } from './notifications.service';

const Notification = z.object({
  id: Id, kind: z.string(), familyId: Id.nullable(), data: z.record(z.string(), z.unknown()), createdAt: Timestamp, readAt: Timestamp.nullable(),
});

export const notificationsRoutes = [
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me/notifications', tag: 'me', summary: 'What I need to know about, newest first',
    access: { account: 'reads their own notifications' },
    query: PageQuery,
    response: { status: 200, schema: listOf(Notification) },
    handler: async (ctx, { query }) => ({ body: await myNotifications(ctx, query) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/notifications/:notificationId/read', tag: 'me', summary: 'Mark a notification as read',
    access: { account: 'marks their own notification read' },
    params: z.object({ notificationId: Id }),
    handler: async (ctx, { params }) => {
      await markNotificationRead(ctx, params.notificationId);
      return { status: 204, body: undefined };
    },
  }),
];
