import type { MailPreference } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { AccountContext } from '../../platform/http/request-context';

/** How I want to hear by e-mail; someone who never chose gets a mail at once. */
export async function mailPreferenceOf(db: Db, userId: string): Promise<MailPreference> {
  const row = await db.selectFrom('notification_preferences').select('mail').where('user_id', '=', userId).executeTakeFirst();
  return (row?.mail as MailPreference | undefined) ?? 'immediate';
}

/** Stores my choice; the next notification follows it. Mail already in the outbox goes as it was queued. */
export async function setMailPreference(ctx: AccountContext, mail: MailPreference): Promise<void> {
  await ctx.db.insertInto('notification_preferences').values({ user_id: ctx.actor.userId, mail, updated_at: ctx.now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ mail, updated_at: ctx.now })).execute();
}
