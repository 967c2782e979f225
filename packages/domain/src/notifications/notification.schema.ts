import { z } from 'zod';
import { Id, IsoDate, listOf, PageQuery, Timestamp } from '../common.schema';

/**
 * What a notification can be about. Each carries ids and codes only (never a name or a note), so the web app
 * writes the sentence and the reader opens the family through the gate to see more.
 */
export const notificationKinds = [
  'action.assigned', 'action.due-tomorrow', 'action.overdue', 'referral.status-changed', 'evaluation.due',
  'consultation.invited', 'consultation.cancelled', 'signal.created', 'consent.changed', 'break-glass.opened',
  'team.coordinator-assigned', 'team.actions-reassigned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const Notification = z.object({
  id: Id, kind: z.string(), familyId: Id.nullable(), data: z.record(z.string(), z.unknown()), createdAt: Timestamp, readAt: Timestamp.nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** `?unread=true` lists only what is still unread. */
export const NotificationsQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

/** A page of notifications, and how many are unread in all (the number in the header). */
export const NotificationPage = listOf(Notification).extend({ unreadCount: z.int().min(0) });
export type NotificationPage = z.infer<typeof NotificationPage>;

/** By e-mail: one mail per notification, one a day listing the day's notifications, or none. */
export const mailPreferences = ['immediate', 'daily-digest', 'off'] as const;
export const MailPreference = z.enum(mailPreferences);
export type MailPreference = z.infer<typeof MailPreference>;

export const NotificationPreferences = z.object({ mail: MailPreference });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const mailStatuses = ['pending', 'sent', 'failed', 'no-server'] as const;

/** A row of the outbox, for admins: to whom, what subject, and how sending goes; never the content of a family's file. */
export const OutboxMail = z.object({
  id: Id, recipientEmail: z.string(), kind: z.enum(['notification', 'digest']), digestDay: IsoDate.nullable(),
  subject: z.string().nullable(), status: z.enum(mailStatuses), attempts: z.int().min(0), lastError: z.string().nullable(),
  createdAt: Timestamp, nextAttemptAt: Timestamp, sentAt: Timestamp.nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

/** Admins filter the outbox by status, e.g. what failed. */
export const OutboxQuery = PageQuery.extend({ status: z.enum(mailStatuses).optional() });
export type OutboxQuery = z.infer<typeof OutboxQuery>;
