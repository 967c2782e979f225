import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { startOfDayInNetherlands, nextDay } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import { digestBody, immediateBody } from './mail-outbox';

/** What the sender needs of a mail transport; nodemailer's SMTP transport is one. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface MailSettings {
  /** Null without SMTP_URL: mail then waits in the outbox, marked as not sent, for admins to see. */
  transport: MailTransport | null;
  from: string;
  appUrl: string;
}

export interface SendReport {
  sent: number;
  failed: number;
  held: number;
}

/** After this many tries a mail is marked failed (it stays in the outbox, visible to admins). */
export const MAX_ATTEMPTS = 10;
/** A claimed mail belongs to its sender this long; one that crashed mid-send is tried again after it. */
const LEASE_MS = 5 * 60_000;
const NO_SERVER = 'not sent: no mail server';

/** The wait before try `attempts + 1`: one minute, doubling, at most six hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** An SMTP transport for `SMTP_URL`, with timeouts short enough that a hanging server does not hold the sender for long. */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
}

/**
 * What went wrong, for `last_error`: the error code and SMTP reply code only. Server replies can quote the
 * recipient's address, so their text is never stored.
 */
function errorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(e.code) ? e.code : 'SEND_FAILED';
  return typeof e?.responseCode === 'number' ? `${code} (SMTP ${e.responseCode})` : code;
}

/**
 * Claims the mail that is due: locked rows are skipped, so several servers can send side by side without sending
 * one mail twice (on PGlite, with its one connection, the transaction simply runs alone). Each claimed row is
 * leased (its next try moved past the lease) and counted as an attempt before anything is sent.
 */
async function claimDue(db: Db, now: Date, limit: number) {
  return db.transaction().execute(async (tx) => {
    const due = await tx.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at').limit(limit).forUpdate().skipLocked().execute();
    if (due.length === 0) return [];
    return tx.updateTable('mail_outbox').set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(now.getTime() + LEASE_MS) })
      .where('id', 'in', due.map((d) => d.id))
      .returning(['id', 'user_id', 'kind', 'digest_day', 'subject', 'body', 'attempts']).execute();
  });
}

/** A digest's text, written once, when it is first claimed: retries send the very same text. */
async function composeDigest(db: Db, mail: { id: string; user_id: string; digest_day: string | null }, appUrl: string): Promise<string | null> {
  const day = mail.digest_day!;
  const kinds = await db.selectFrom('notifications').select('kind').where('user_id', '=', mail.user_id)
    .where('created_at', '>=', startOfDayInNetherlands(day)).where('created_at', '<', startOfDayInNetherlands(nextDay(day))).execute();
  if (kinds.length === 0) return null;
  const body = digestBody(appUrl, kinds.map((k) => k.kind));
  await db.updateTable('mail_outbox').set({ body }).where('id', '=', mail.id).where('body', 'is', null).execute();
  return body;
}

/**
 * Without a mail server, due mail is marked as not sent and stays where admins can see it; `releaseHeldMail`
 * queues it again once a server is configured.
 */
async function holdDue(db: Db, now: Date): Promise<number> {
  const held = await db.updateTable('mail_outbox').set({ status: 'no-server', last_error: NO_SERVER })
    .where('status', '=', 'pending').where('next_attempt_at', '<=', now).executeTakeFirst();
  return Number(held.numUpdatedRows);
}

/** At start with a mail server: the mail that waited for one goes out now. */
export async function releaseHeldMail(db: Db, now: Date = new Date()): Promise<number> {
  const released = await db.updateTable('mail_outbox').set({ status: 'pending', last_error: null, next_attempt_at: now })
    .where('status', '=', 'no-server').executeTakeFirst();
  return Number(released.numUpdatedRows);
}

/**
 * One round of the sender, outside any request: claims what is due, sends it, and marks each mail sent once it
 * was handed over, or schedules the next try with exponential backoff. Nothing is deleted: a mail that keeps
 * failing ends as `failed`, still in the outbox.
 */
export async function sendDueMail(db: Db, settings: MailSettings, now: Date = new Date(), limit = 50): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0, held: 0 };
  if (!settings.transport) {
    report.held = await holdDue(db, now);
    return report;
  }
  for (const mail of await claimDue(db, now, limit)) {
    const recipient = await db.selectFrom('users').select(['email', 'active']).where('id', '=', mail.user_id).executeTakeFirst();
    const body = mail.kind === 'digest' ? mail.body ?? await composeDigest(db, mail, settings.appUrl) : immediateBody(settings.appUrl);
    if (body === null || !recipient?.active) {
      // Nothing left to tell (the day's notifications went with a destroyed file), or nobody to tell it to.
      await db.updateTable('mail_outbox').set({ status: 'failed', last_error: body === null ? 'NOTHING_TO_SEND' : 'RECIPIENT_INACTIVE' }).where('id', '=', mail.id).execute();
      report.failed += 1;
      continue;
    }
    try {
      await settings.transport.sendMail({ from: settings.from, to: recipient.email, subject: mail.subject ?? '', text: body });
    } catch (error) {
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      await db.updateTable('mail_outbox').set({
        last_error: errorCode(error),
        ...(giveUp ? { status: 'failed' as const } : { next_attempt_at: new Date(now.getTime() + backoffMs(mail.attempts)) }),
      }).where('id', '=', mail.id).where('status', '=', 'pending').execute();
      report.failed += 1;
      continue;
    }
    await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', mail.id).where('status', '=', 'pending').execute();
    report.sent += 1;
  }
  return report;
}
