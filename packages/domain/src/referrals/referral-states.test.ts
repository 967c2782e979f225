import { describe, expect, it } from 'vitest';
import { checkReferralTransition, receiverSeesReferral, referralOverdue, referralStatuses, workingDaysBetween, type ReferralSide, type ReferralStatus } from './referral-states';

/** Every allowed step, with the side it belongs to; anything not listed is refused. */
const allowed: [ReferralStatus, ReferralStatus, ReferralSide][] = [
  ['draft', 'requested', 'referrer'], ['draft', 'cancelled', 'referrer'],
  ['requested', 'accepted', 'receiver'], ['requested', 'rejected', 'receiver'], ['requested', 'cancelled', 'referrer'],
  ['accepted', 'in-progress', 'receiver'], ['accepted', 'failed', 'receiver'], ['accepted', 'cancelled', 'referrer'],
  ['in-progress', 'completed', 'receiver'], ['in-progress', 'failed', 'receiver'], ['in-progress', 'cancelled', 'referrer'],
];

describe('the referral states (Gravity)', () => {
  it('allows every listed step to its own side, refuses it to the other side, and refuses every other pair', () => {
    for (const from of referralStatuses) {
      for (const to of referralStatuses) {
        const step = allowed.find(([f, t]) => f === from && t === to);
        for (const side of ['referrer', 'receiver'] as const) {
          const expected = !step ? 'not-a-next-status' : step[2] === side ? null : 'not-your-side';
          expect(checkReferralTransition(from, to, side), `${from} → ${to} by ${side}`).toBe(expected);
        }
      }
    }
  });

  it('ends the receiver’s sight when the referral is refused, withdrawn or failed', () => {
    expect(referralStatuses.filter(receiverSeesReferral)).toEqual(['requested', 'accepted', 'in-progress', 'completed']);
  });

  it('counts working days, skipping weekends', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-12-03', '2026-12-10')).toBe(5);
    expect(workingDaysBetween('2026-12-03', '2026-12-03')).toBe(0);
    expect(workingDaysBetween('2026-12-05', '2026-12-06')).toBe(0); // Saturday → Sunday
  });

  it('flags a request unanswered for more than five working days', () => {
    expect(referralOverdue('requested', '2026-12-03', '2026-12-10')).toBe(false);
    expect(referralOverdue('requested', '2026-12-03', '2026-12-11')).toBe(true);
    expect(referralOverdue('accepted', '2026-12-03', '2026-12-31')).toBe(false);
    expect(referralOverdue('requested', null, '2026-12-31')).toBe(false);
  });
});
