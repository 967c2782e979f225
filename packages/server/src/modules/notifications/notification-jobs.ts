import type { Db } from '../../platform/db/database';
import { releaseHeldMail, sendDueMail, type MailSettings } from './mail-sender';
import { runNotificationSweep } from './notification-sweep';

const SEND_INTERVAL_MS = 20_000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

interface JobLog {
  info(data: Record<string, unknown>, message: string): void;
  error(data: Record<string, unknown>, message: string): void;
}

/**
 * The two background jobs of `serve`: the mail sender (every 20 seconds) and the daily sweep (hourly; it notifies
 * each item once, so running it more often than daily only makes it timely). Both run once at start as well; a round
 * still busy skips the next tick; stopping ends a sweep after its current page. Logs carry counts and error codes, never addresses. Answers the function that stops them.
 */
export function startNotificationJobs(db: Db, mail: MailSettings, log: JobLog): () => void {
  let sending = false;
  let sweeping = false;
  let stopped = false;
  const send = (): void => {
    if (sending) return;
    sending = true;
    sendDueMail(db, mail).then(
      (r) => { if (r.sent + r.failed > 0) log.info({ sent: r.sent, failed: r.failed }, 'mail sender'); },
      (error: unknown) => log.error({ err: error }, 'mail sender failed'),
    ).finally(() => { sending = false; });
  };
  const sweep = (): void => {
    if (sweeping) return;
    sweeping = true;
    runNotificationSweep(db, { shouldStop: () => stopped }).then(
      (r) => { if (r.notified > 0) log.info({ notified: r.notified }, 'notification sweep'); },
      (error: unknown) => log.error({ err: error }, 'notification sweep failed'),
    ).finally(() => { sweeping = false; });
  };
  const timers = [setInterval(send, SEND_INTERVAL_MS), setInterval(sweep, SWEEP_INTERVAL_MS)];
  for (const t of timers) t.unref();
  if (mail.transport) {
    releaseHeldMail(db).then(
      (n) => { if (n > 0) log.info({ released: n }, 'mail that waited for a mail server is queued again'); },
      (error: unknown) => log.error({ err: error }, 'releasing held mail failed'),
    );
  }
  sweep();
  send();
  return () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
  };
}
