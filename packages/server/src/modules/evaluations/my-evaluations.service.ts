import { sql } from 'kysely';
import { addDays, EVALUATION_DUE_WITHIN_DAYS, scheduleStatus, todayInNetherlands, type FamilyPhase, type PageQuery } from '@gezinsplan/domain';
import type { RequestContext } from '../../platform/http/request-context';
import { auditListedFamilies, visibleFamilies } from '../../platform/access/visible-families';
import { loadSights } from '../../platform/access/sight';
import { decodeCursor, page } from '../../platform/http/cursor';
import { familyNameDatum } from '../families';

/**
 * My planned moments across families, soonest first: the joint evaluations of the files I am on the team of while
 * help is under way, and the aftercare checks of the closed files I coordinate. Overdue ones always; those coming up
 * within two weeks (or `withinDays`). Each family shown is audited as read.
 *
 * EXPLAIN (PostgreSQL 15): both branches start from team_members_user_active_idx (my active memberships), then
 * plans_family_id_key and closures_family_idx by family: a caseload's worth of rows, whatever the region's size.
 */
export async function myEvaluations(ctx: RequestContext, query: PageQuery & { withinDays?: number }) {
  const today = todayInNetherlands(ctx.now);
  const until = addDays(today, query.withinDays ?? EVALUATION_DUE_WITHIN_DAYS);
  const mine = ctx.db.selectFrom('team_members as t').innerJoin('families as f', 'f.id', 't.family_id')
    .where('t.user_id', '=', ctx.actor.userId).where('t.ended_at', 'is', null).where('t.family_id', 'in', visibleFamilies(ctx.db, ctx.actor));
  const evaluations = mine.innerJoin('plans as p', 'p.family_id', 'f.id')
    .select(['f.id', 'f.name', 'f.phase', 'f.organisation_id', 't.role', sql<string>`p.next_evaluation_on::text`.as('due_on'), sql<'evaluation' | 'aftercare'>`'evaluation'`.as('kind')])
    .where('f.phase', 'in', ['uitvoering', 'evaluatie']).where('p.next_evaluation_on', 'is not', null).where('p.next_evaluation_on', '<=', until);
  const aftercare = mine.innerJoin('closures as c', 'c.family_id', 'f.id')
    .select(['f.id', 'f.name', 'f.phase', 'f.organisation_id', 't.role', sql<string>`c.aftercare_on::text`.as('due_on'), sql<'evaluation' | 'aftercare'>`'aftercare'`.as('kind')])
    .where('t.role', '=', 'coordinator').where('f.phase', '=', 'afgesloten')
    .where('c.reopened_at', 'is', null).where('c.aftercare_checked_on', 'is', null).where('c.aftercare_on', '<=', until);
  let q = ctx.db.selectFrom(evaluations.unionAll(aftercare).as('m')).selectAll();
  const after = decodeCursor(query.cursor, ['date?', 'uuid'] as const);
  if (after) q = q.where(sql<boolean>`(m.due_on::date, m.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const rows = await q.orderBy('m.due_on').orderBy('m.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [last.due_on, last.id]);
  const sights = await loadSights(ctx.db, ctx.actor, result.items.map((r) => r.id), ctx.now);
  await auditListedFamilies(ctx, result.items.map((r) => r.id), 'my-evaluations.listed');
  return {
    items: result.items.map((r) => ({
      familyId: r.id, familyName: sights.get(r.id)?.sees(familyNameDatum(r)) ? r.name : null, phase: r.phase as FamilyPhase,
      kind: r.kind, dueOn: r.due_on, status: scheduleStatus(r.due_on, today), myRole: r.role,
    })),
    nextCursor: result.nextCursor,
  };
}
