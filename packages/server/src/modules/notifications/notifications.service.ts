import { v7 as uuidv7 } from 'uuid';
import type { NotificationPage, NotificationsQuery } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { AccountContext } from '../../platform/http/request-context';
import { notFound } from '../../platform/http/app-error';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';
import { enqueueMails } from './mail-outbox';

export interface NewNotification {
  userId: string;
  familyId: string | null;
  kind: string;
  /** Ids and codes only: the reader opens the family to see more, through the gate. */
  data: Record<string, unknown>;
}

/**
 * Leaves a notification, in the transaction of the change it tells about, and puts its e-mail in the outbox in the
 * same transaction (as the recipient chose: at once, in the daily digest, or not), so neither is ever lost.
 */
export async function notify(db: Db, n: NewNotification, now: Date): Promise<void> {
  await notifyMany(db, [{ ...n, onceKey: null }], now);
}

/**
 * Many notifications in three statements whatever their number (the sweep's pages): those whose once-key a user was
 * already told are left out; the rest get their mail queued. Answers how many were new.
 */
export async function notifyMany(db: Db, items: (NewNotification & { onceKey: string | null })[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const inserted = await db.insertInto('notifications').values(items.map((n) => ({
    id: uuidv7(), user_id: n.userId, family_id: n.familyId, kind: n.kind, data: JSON.stringify(n.data), created_at: now, once_key: n.onceKey,
  }))).onConflict((oc) => oc.columns(['user_id', 'once_key']).doNothing()).returning(['id', 'user_id']).execute();
  await enqueueMails(db, inserted.map((r) => ({ userId: r.user_id, notificationId: r.id })), now);
  return inserted.length;
}

/** My notifications, newest first, and how many are unread. They carry ids, not family data, so reading them needs no gate. */
export async function myNotifications(ctx: AccountContext, query: NotificationsQuery): Promise<NotificationPage> {
  let q = ctx.db.selectFrom('notifications').select(['id', 'kind', 'family_id', 'data', 'created_at', 'read_at']).where('user_id', '=', ctx.actor.userId);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('created_at', 'id', after));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.created_at).toISOString(), last.id]);
  const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', ctx.actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    items: result.items.map((r) => ({
      id: r.id, kind: r.kind, familyId: r.family_id, data: r.data, createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
    nextCursor: result.nextCursor,
    unreadCount: Number(unread.n),
  };
}

export async function markNotificationRead(ctx: AccountContext, id: string): Promise<void> {
  const updated = await ctx.db.updateTable('notifications').set({ read_at: ctx.now })
    .where('id', '=', id).where('user_id', '=', ctx.actor.userId).where('read_at', 'is', null).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    const mine = await ctx.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
    if (!mine) throw notFound();
  }
}

/** Marks everything I have read, for "alles gelezen"; safe to repeat. */
export async function markAllNotificationsRead(ctx: AccountContext): Promise<void> {
  await ctx.db.updateTable('notifications').set({ read_at: ctx.now }).where('user_id', '=', ctx.actor.userId).where('read_at', 'is', null).execute();
}
