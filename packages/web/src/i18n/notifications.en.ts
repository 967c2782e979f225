import type { notificationsNl } from './notifications.nl';

/** English for notifications: the same keys as notifications.nl.ts (the type says so). */
export const notificationsEn: typeof notificationsNl = {
  title: 'Notifications', link: 'Notifications', linkUnread_one: 'Notifications, {{count}} new', linkUnread_other: 'Notifications, {{count}} new',
  intro: 'Here you see what has changed for you. Open a notification to look at it.',
  none: 'You have no notifications.', unread: 'New', open: 'View', markRead: 'Read', markReadOf: 'Mark as read: {{text}}',
  markAllRead: 'Mark all read', allRead: 'All notifications are marked read.', more: 'Load older notifications',
  kinds: {
    'action.assigned': 'You have been given a new action.',
    'action.due-tomorrow': 'An action of yours is due tomorrow.',
    'action.overdue': 'An action of yours is past its date.',
    'referral.status-changed': 'There is news about a referral: {{status}}.',
    'evaluation.due': 'The evaluation with the family is planned for {{date}}.',
    'consultation.invited': 'You are invited to a joint consultation on {{date}}.',
    'consultation.cancelled': 'A joint consultation has been cancelled.',
    'signal.created': 'Another organisation is helping the same child. Get in touch and agree how to work together.',
    'consent.changed': "A family's consent has changed. Check what you may see now.",
    'break-glass.opened': 'Someone has been given emergency access to a family you coordinate.',
    'team.coordinator-assigned': 'You are now the coordinator of a family.',
    'team.actions-reassigned_one': '{{count}} action has been handed over to you.',
    'team.actions-reassigned_other': '{{count}} actions have been handed over to you.',
    other: 'Something has changed.',
  },
  mail: {
    title: 'E-mail about notifications', legend: 'Would you like an e-mail as well?', saved: 'Your choice has been saved.',
    immediate: 'Yes, for every new notification', immediateHint: 'You get a short e-mail straight away.',
    'daily-digest': 'Yes, one e-mail a day', 'daily-digestHint': "Every morning an e-mail with the previous day's notifications.",
    off: 'No e-mail', offHint: 'You only see your notifications here.',
    privacy: 'The e-mail contains no names or other details about families. You only see those when you sign in.',
  },
  outbox: {
    title: 'Outgoing e-mail', intro: 'E-mail that Gezinsplan sends or still has to send. It contains no family data.',
    none: 'No e-mail yet.', to: 'To', subject: 'Subject', status: 'Status', attempts: 'Attempts', created: 'Created', sent: 'Sent',
    statuses: { pending: 'Waiting to be sent', sent: 'Sent', failed: 'Failed', 'no-server': 'Not sent: no mail server' },
    digest: 'Daily digest of {{date}}',
  },
};
