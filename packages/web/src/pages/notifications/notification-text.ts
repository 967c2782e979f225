import type { TFunction } from 'i18next';
import { notificationKinds, type Notification } from '@gezinsplan/domain';
import { formatDate } from '../../format';

const known = new Set<string>(notificationKinds);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The sentence for a notification, from its kind and the ids and codes it carries (a notification holds no names). */
export function notificationSentence(t: TFunction, n: Pick<Notification, 'kind' | 'data'>): string {
  if (!known.has(n.kind)) return t('notifications.kinds.other');
  const date = text(n.data.dueOn) || text(n.data.startsAt);
  return t(`notifications.kinds.${n.kind}`, {
    status: n.data.status ? t(`referrals.status.${text(n.data.status)}`, { defaultValue: text(n.data.status) }) : '',
    date: date ? formatDate(date) : '',
    count: typeof n.data.count === 'number' ? n.data.count : 1,
  });
}

/**
 * Where a notification leads: the goal of a new action, the evaluations of a family, the family itself; a family
 * member goes to their own overview, and a signal (about no family the reader may see yet) to the start page.
 */
export function notificationHref(n: Pick<Notification, 'kind' | 'data' | 'familyId'>, professional: boolean): string {
  if (!professional || !n.familyId || n.kind === 'signal.created') return '/';
  const family = `/gezinnen/${n.familyId}`;
  if (n.kind === 'action.assigned' && text(n.data.goalId)) return `${family}/doelen/${text(n.data.goalId)}`;
  if (n.kind === 'evaluation.due') return `${family}/evaluaties`;
  return family;
}
