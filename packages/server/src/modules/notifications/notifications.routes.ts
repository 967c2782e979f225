import { z } from 'zod';
import { Id, listOf, NotificationPage, NotificationPreferences, NotificationsQuery, OutboxMail, OutboxQuery } from '@gezinsplan/domain';
import { defineAccountRoute, defineRoute } from '../../platform/http/define-route';
import { markAllNotificationsRead, markNotificationRead, myNotifications } from './notifications.service';
import { mailPreferenceOf, setMailPreference } from './preferences';
import { listOutbox } from './mail-outbox.service';

export const notificationsRoutes = [
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me/notifications', tag: 'me', summary: 'What I need to know about, newest first, with the number still unread',
    access: { account: 'reads their own notifications' },
    query: NotificationsQuery,
    response: { status: 200, schema: NotificationPage },
    handler: async (ctx, { query }) => ({ body: await myNotifications(ctx, query) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/notifications/read-all', tag: 'me', summary: 'Mark all my notifications as read',
    access: { account: 'marks their own notifications read' },
    handler: async (ctx) => {
      await markAllNotificationsRead(ctx);
      return { status: 204, body: undefined };
    },
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
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me/notification-preferences', tag: 'me', summary: 'How I want to hear about notifications by e-mail',
    access: { account: 'reads their own mail preference' },
    response: { status: 200, schema: NotificationPreferences },
    handler: async (ctx) => ({ body: { mail: await mailPreferenceOf(ctx.db, ctx.actor.userId) } }),
  }),
  defineAccountRoute({
    // A whole, one-field setting of one's own: PUT replaces it, and the last choice is the one that counts (no If-Match).
    method: 'PUT', url: '/api/v1/me/notification-preferences', tag: 'me', summary: 'Choose mail at once, a daily digest, or no mail',
    access: { account: 'sets their own mail preference' },
    body: NotificationPreferences,
    response: { status: 200, schema: NotificationPreferences },
    handler: async (ctx, { body }) => {
      await setMailPreference(ctx, body.mail);
      return { body: { mail: body.mail } };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/mail-outbox', tag: 'admin', summary: 'Outgoing mail: to whom, subject, status and tries (no family data)',
    access: { permission: 'mail:read' },
    query: OutboxQuery,
    response: { status: 200, schema: listOf(OutboxMail) },
    handler: async (ctx, { query }) => ({ body: await listOutbox(ctx, query) }),
  }),
];
