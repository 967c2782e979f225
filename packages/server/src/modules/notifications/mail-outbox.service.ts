import type { OutboxMail, OutboxQuery } from '@gezinsplan/domain';
import type { RequestContext } from '../../platform/http/request-context';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * The outbox for admins, newest first: to whom, which subject, how sending goes. Subjects and bodies are generic,
 * so this shows no family data; the addresses are professionals' work addresses and family members' log-in addresses.
 */
export async function listOutbox(ctx: RequestContext, query: OutboxQuery): Promise<{ items: OutboxMail[]; nextCursor: string | null }> {
  let q = ctx.db.selectFrom('mail_outbox as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'u.email', 'm.kind', 'm.digest_day', 'm.subject', 'm.status', 'm.attempts', 'm.last_error', 'm.created_at', 'm.next_attempt_at', 'm.sent_at']);
  if (query.status) q = q.where('m.status', '=', query.status);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('m.created_at', 'm.id', after));
  const rows = await q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.created_at).toISOString(), last.id]);
  return {
    items: result.items.map((r) => ({
      id: r.id, recipientEmail: r.email, kind: r.kind, digestDay: r.digest_day, subject: r.subject, status: r.status,
      attempts: r.attempts, lastError: r.last_error, createdAt: iso(r.created_at)!, nextAttemptAt: iso(r.next_attempt_at)!, sentAt: iso(r.sent_at),
    })),
    nextCursor: result.nextCursor,
  };
}
