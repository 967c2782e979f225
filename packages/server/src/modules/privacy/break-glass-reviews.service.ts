import type { BreakGlassGrant, PageQuery, ReviewBreakGlass } from '@gezinsplan/domain';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { decodeCursor, page } from '../../platform/http/cursor';
import { writeAudit } from '../../platform/audit/audit-writer';
import { presentGrant, selectGrants } from '../break-glass';
import { overseen } from './oversight';

/** The review queue: break-the-glass grants the officer oversees, oldest pending first (or by status). */
export async function listBreakGlassReviews(ctx: RequestContext, query: PageQuery & { status?: string }) {
  const status = query.status ?? 'pending';
  let q = selectGrants(ctx.db).where(overseen(ctx, 'b.organisation_id', 'b.family_id')).where('b.review_status', '=', status);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where((eb) => eb.or([eb('b.opened_at', '>', new Date(after[0]!)), eb.and([eb('b.opened_at', '=', new Date(after[0]!)), eb('b.id', '>', after[1]!)])]));
  const rows = await q.orderBy('b.opened_at').orderBy('b.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.opened_at).toISOString(), last.id]);
  return { items: result.items.map((r) => presentGrant(r, ctx.now)), nextCursor: result.nextCursor };
}

/** The officer judges a grant: justified, or flagged with a note. The judgement goes into the family's audit chain. */
export async function reviewBreakGlass(ctx: RequestContext, id: string, expectedVersion: number | null, input: ReviewBreakGlass): Promise<BreakGlassGrant> {
  return ctx.db.transaction().execute(async (tx) => {
    const found = await tx.selectFrom('break_glass_grants as b').selectAll('b').where('b.id', '=', id)
      .where(overseen(ctx, 'b.organisation_id', 'b.family_id')).forUpdate().executeTakeFirst();
    if (!found) throw notFound();
    const current = assertVersion(found, expectedVersion);
    if (current.user_id === ctx.actor.userId) throw new AppError('FORBIDDEN', 'Nobody reviews their own break-the-glass.');
    await tx.updateTable('break_glass_grants').set({
      review_status: input.decision, reviewed_by: ctx.actor.userId, reviewed_at: ctx.now, review_note: input.note ?? null, version: current.version + 1,
    }).where('id', '=', id).execute();
    await writeAudit(tx, [{
      action: 'U', eventType: 'break-glass.reviewed', outcome: 'success', actor: ctx.actor, familyId: current.family_id,
      resourceType: 'break-glass', resourceId: id, accessPoint: ctx.accessPoint, purpose: 'supervision',
      checks: { authorisation: true, careRelationship: false, consent: false, emergency: false }, detail: { decision: input.decision },
    }], ctx.now);
    const row = await selectGrants(tx).where('b.id', '=', id).executeTakeFirstOrThrow();
    return presentGrant(row, ctx.now);
  });
}
