import { v7 as uuidv7 } from 'uuid';
import type { PageQuery } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { AccountContext } from '../../platform/http/request-context';
import { notFound } from '../../platform/http/app-error';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';

export interface NewNotification {
  userId: string;
  familyId: string | null;
  kind: string;
  /** Ids and codes only: the reader opens the family to see more, through the gate. */
  data: Record<string, unknown>;
}

/** Leaves a notification, in the transaction of the change it tells about. */
export async function notify(db: Db, n: NewNotification, now: Date): Promise<void> {
  await db.insertInto('notifications').values({
    id: uuidv7(), user_id: n.userId, family_id: n.familyId, kind: n.kind, data: JSON.stringify(n.data), created_at: now,
  }).execute();
}

/** My notifications, newest first. They carry ids, not family data, so reading them needs no gate. */
export async function myNotifications(ctx: AccountContext, query: PageQuery) {
  let q = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', ctx.actor.userId);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('created_at', 'id', after));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.created_at).toISOString(), last.id]);
  return {
    items: result.items.map((r) => ({
      id: r.id, kind: r.kind, familyId: r.family_id, data: r.data, createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
    nextCursor: result.nextCursor,
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
