import { v7 as uuidv7 } from 'uuid';
import { nextDay, startOfDayInNetherlands, todayInNetherlands } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import { mailPreferencesOf } from './preferences';

/** The digest of a day goes out the next morning at seven, Dutch time. */
const DIGEST_HOUR = 7;

export const IMMEDIATE_SUBJECT = 'Er is een nieuwe melding voor u in Gezinsplan';

/** When the digest of `day` is due: the next morning. */
export function digestDueAt(day: string): Date {
  return new Date(startOfDayInNetherlands(nextDay(day)).getTime() + DIGEST_HOUR * 3600_000);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function dutchDate(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[month! - 1]}`;
}

/**
 * Puts the mail for new notifications in the outbox, in the caller's transaction: a mail of its own, or the
 * recipient's digest of today (one row per user per day; a later notification that day finds it there), as each
 * recipient chose. Two statements at most, however many notifications.
 */
export async function enqueueMails(db: Db, notifications: { userId: string; notificationId: string }[], now: Date): Promise<void> {
  if (notifications.length === 0) return;
  const preferences = await mailPreferencesOf(db, [...new Set(notifications.map((n) => n.userId))]);
  const immediate = notifications.filter((n) => preferences.get(n.userId) === 'immediate');
  const digestUsers = [...new Set(notifications.filter((n) => preferences.get(n.userId) === 'daily-digest').map((n) => n.userId))];
  if (immediate.length > 0) {
    await db.insertInto('mail_outbox').values(immediate.map((n) => ({
      id: uuidv7(), user_id: n.userId, kind: 'notification', notification_id: n.notificationId, digest_day: null,
      subject: IMMEDIATE_SUBJECT, body: null, next_attempt_at: now, last_error: null, created_at: now,
    }))).execute();
  }
  if (digestUsers.length > 0) {
    const day = todayInNetherlands(now);
    await db.insertInto('mail_outbox').values(digestUsers.map((userId) => ({
      id: uuidv7(), user_id: userId, kind: 'digest', notification_id: null, digest_day: day,
      subject: `Uw meldingen in Gezinsplan van ${dutchDate(day)}`, body: null, next_attempt_at: digestDueAt(day), last_error: null, created_at: now,
    }))).onConflict((oc) => oc.columns(['user_id', 'digest_day']).doNothing()).execute();
  }
}

/** Plain words per kind for the digest; generic on purpose: no names, no content, just what sort of thing happened. */
const digestLines: Record<string, string> = {
  'action.assigned': 'een nieuwe actie voor u',
  'action.due-tomorrow': 'een actie die morgen klaar moet zijn',
  'action.overdue': 'een actie waarvan de datum voorbij is',
  'referral.status-changed': 'nieuws over een verwijzing',
  'evaluation.due': 'een evaluatie die eraan komt',
  'consultation.invited': 'een uitnodiging voor een overleg',
  'consultation.cancelled': 'een overleg dat niet doorgaat',
  'signal.created': 'een signaal: een andere organisatie helpt hetzelfde kind',
  'consent.changed': 'een wijziging in een toestemming',
  'break-glass.opened': 'iemand heeft met spoed toegang gekregen tot een dossier',
  'team.coordinator-assigned': 'u bent regievoerder geworden',
  'team.actions-reassigned': 'acties die aan u zijn overgedragen',
};

const footer = (link: string) => [
  '',
  `Open Gezinsplan om te zien wat het is: ${link}`,
  '',
  'In deze e-mail staan geen namen of andere gegevens over gezinnen. Die ziet u alleen als u inlogt.',
  'Wilt u minder e-mail? Kies bij Meldingen in Gezinsplan voor één e-mail per dag.',
];

/** The text of a mail of its own: the same for every notification, so nothing about a family travels by e-mail. */
export function immediateBody(appUrl: string): string {
  return ['Hallo,', '', 'Er is een nieuwe melding voor u in Gezinsplan.', ...footer(meldingenLink(appUrl))].join('\n');
}

/** The text of a digest, from the kinds of the day's notifications (how many of each; nothing else). */
export function digestBody(appUrl: string, kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const lines = [...counts].map(([k, n]) => `- ${n} × ${digestLines[k] ?? 'een melding'}`);
  const intro = kinds.length === 1 ? 'Er is 1 nieuwe melding voor u in Gezinsplan:' : `Er zijn ${kinds.length} nieuwe meldingen voor u in Gezinsplan:`;
  return ['Hallo,', '', intro, ...lines, ...footer(meldingenLink(appUrl))].join('\n');
}

function meldingenLink(appUrl: string): string {
  return new URL('meldingen', appUrl.endsWith('/') ? appUrl : `${appUrl}/`).toString();
}
