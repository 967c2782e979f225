export { notificationsRoutes } from './notifications.routes';
export { notify } from './notifications.service';
export { runNotificationSweep, type SweepReport } from './notification-sweep';
export { startNotificationJobs } from './notification-jobs';
export { releaseHeldMail, sendDueMail, smtpTransport, type MailSettings, type MailTransport, type SendReport } from './mail-sender';
