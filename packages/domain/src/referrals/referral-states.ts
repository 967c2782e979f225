import { z } from 'zod';

/**
 * A referral's life, after the HL7 Gravity referral Task states (domain-notes §7.2): draft → requested → accepted |
 * rejected → in-progress → completed | cancelled | failed. Each step belongs to one side: the referring side (the
 * professional who referred, or the family's coordinator) sends and withdraws; the receiving organisation answers
 * and reports how the help went.
 */
export const referralStatuses = ['draft', 'requested', 'accepted', 'rejected', 'in-progress', 'completed', 'cancelled', 'failed'] as const;
export const ReferralStatus = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export type ReferralSide = 'referrer' | 'receiver';

export const referralTransitions: Readonly<Record<ReferralStatus, Partial<Record<ReferralStatus, ReferralSide>>>> = {
  draft: { requested: 'referrer', cancelled: 'referrer' },
  requested: { accepted: 'receiver', rejected: 'receiver', cancelled: 'referrer' },
  accepted: { 'in-progress': 'receiver', failed: 'receiver', cancelled: 'referrer' },
  'in-progress': { completed: 'receiver', failed: 'receiver', cancelled: 'referrer' },
  rejected: {},
  completed: {},
  cancelled: {},
  failed: {},
};

export type ReferralRefusal = 'not-a-next-status' | 'not-your-side';

/** Whether `side` may move a referral from `from` to `to`; null when it may. */
export function checkReferralTransition(from: ReferralStatus, to: ReferralStatus, side: ReferralSide): ReferralRefusal | null {
  const owner = referralTransitions[from][to];
  if (!owner) return 'not-a-next-status';
  return owner === side ? null : 'not-your-side';
}

/** The receiving organisation sees what the referral shares from the request on; a refusal or a withdrawal ends it. */
export function receiverSeesReferral(status: ReferralStatus): boolean {
  return status === 'requested' || status === 'accepted' || status === 'in-progress' || status === 'completed';
}

/** A referral still waiting for its answer or its help. */
export function referralOpen(status: ReferralStatus): boolean {
  return status === 'draft' || status === 'requested' || status === 'accepted' || status === 'in-progress';
}

/** Unanswered this many working days after the request, a referral is flagged to the referrer and the coordinator. */
export const REFERRAL_ANSWER_WITHIN_WORKING_DAYS = 5;

/** Working days (Monday to Friday) from one day to a later one, not counting the first. Public holidays count as working days. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  const d = new Date(`${from}T12:00:00Z`);
  const end = new Date(`${to}T12:00:00Z`);
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** A request without an answer for longer than the working days allowed. */
export function referralOverdue(status: ReferralStatus, requestedOn: string | null, today: string, within = REFERRAL_ANSWER_WITHIN_WORKING_DAYS): boolean {
  return status === 'requested' && requestedOn !== null && workingDaysBetween(requestedOn, today) > within;
}
