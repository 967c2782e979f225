import type { MailPreference } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { AccountContext } from '../../platform/http/request-context';

/** How I want to hear by e-mail; someone who never chose gets a mail at once. */
export async function mailPreferenceOf(db: Db, userId: string): Promise<MailPreference> {
  return (await mailPreferencesOf(db, [userId])).get(userId)!;
}

/** The same for many users in one query. */
export async function mailPreferencesOf(db: Db, userIds: string[]): Promise<Map<string, MailPreference>> {
  const rows = userIds.length ? await db.selectFrom('notification_preferences').select(['user_id', 'mail']).where('user_id', 'in', userIds).execute() : [];
  const chosen = new Map(rows.map((r) => [r.user_id, r.mail as MailPreference]));
  return new Map(userIds.map((id) => [id, chosen.get(id) ?? 'immediate']));
}

/** Stores my choice; the next notification follows it. Mail already in the outbox goes as it was queued. */
export async function setMailPreference(ctx: AccountContext, mail: MailPreference): Promise<void> {
  await ctx.db.insertInto('notification_preferences').values({ user_id: ctx.actor.userId, mail, updated_at: ctx.now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ mail, updated_at: ctx.now })).execute();
}
