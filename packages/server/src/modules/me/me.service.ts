import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { scheduleStatus, todayInNetherlands, type PageQuery } from '@gezinsplan/domain';
import type { RequestContext } from '../../platform/http/request-context';
import { auditListedFamilies, visibleFamilies } from '../../platform/access/visible-families';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';
import { loadSights, type Sight } from '../../platform/access/sight';
import { familyNameDatum } from '../families';
import { countChangesSince } from '../timeline';
import { actionDatum, goalView, presentAction, selectActions } from '../plan';

/**
 * My caseload: the families whose care team I am on now, most recently changed first, with my role, the
 * coordinator, the number of open actions, what others changed since my last visit and the next joint evaluation.
 * Every family shown is audited as read.
 */
export async function myCaseload(ctx: RequestContext, query: PageQuery) {
  let q = ctx.db.selectFrom('team_members as t')
    .innerJoin('families as f', 'f.id', 't.family_id')
    .leftJoin('team_members as c', (j) => j.onRef('c.family_id', '=', 'f.id').on('c.role', '=', 'coordinator').on('c.ended_at', 'is', null))
    .leftJoin('users as cu', 'cu.id', 'c.user_id')
    .leftJoin('organisations as co', 'co.id', 'cu.organisation_id')
    .innerJoin('plans as p', 'p.family_id', 'f.id')
    .leftJoin('family_visits as v', (j) => j.onRef('v.family_id', '=', 'f.id').on('v.user_id', '=', ctx.actor.userId))
    .select(['f.id', 'f.name', 'f.phase', 'f.updated_at', 'f.organisation_id', 't.role as my_role', 't.created_at as joined_at', 'c.user_id as coordinator_user_id',
      'cu.name as coordinator_name', 'co.name as coordinator_organisation_name', 'p.next_evaluation_on', 'v.visited_at'])
    // The open actions come along, to be counted as far as the viewer may see them (below).
    .select((eb) => jsonArrayFrom(eb.selectFrom('actions as a').innerJoin('goals as g', 'g.id', 'a.goal_id')
      .select(['a.author_organisation_id', 'a.assignee_user_id', 'g.life_domain', 'g.member_ids', 'g.author_organisation_id as goal_author_organisation_id'])
      .whereRef('a.family_id', '=', 'f.id').where('a.status', '=', 'open')).as('open_actions'))
    .where('t.family_id', 'in', visibleFamilies(ctx.db, ctx.actor))
    .where('t.user_id', '=', ctx.actor.userId).where('t.ended_at', 'is', null);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('f.updated_at', 'f.id', after));
  const rows = await q.orderBy('f.updated_at', 'desc').orderBy('f.id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.updated_at).toISOString(), last.id]);
  const familyIds = result.items.map((r) => r.id);
  const sights = await loadSights(ctx.db, ctx.actor, familyIds, ctx.now);
  const openActions = countVisibleOpenActions(ctx, result.items, sights);
  const visits = new Map(result.items.flatMap((r) => (r.visited_at ? [[r.id, new Date(r.visited_at)] as const] : [])));
  const since = new Map(result.items.map((r) => [r.id, visits.get(r.id) ?? new Date(r.joined_at)]));
  const changes = await countChangesSince(ctx.db, { userId: ctx.actor.userId, sight: (id) => sights.get(id) }, since);
  await auditListedFamilies(ctx, familyIds, 'caseload.listed');
  const today = todayInNetherlands(ctx.now);
  return {
    items: result.items.map((r) => {
      // Evaluations belong to help under way; a file in another phase has none planned.
      const nextEvaluationOn = r.phase === 'uitvoering' || r.phase === 'evaluatie' ? r.next_evaluation_on : null;
      return {
        id: r.id, name: sights.get(r.id)?.sees(familyNameDatum(r)) ? r.name : null, phase: r.phase, myRole: r.my_role,
        openActions: openActions.get(r.id) ?? 0,
        coordinator: r.coordinator_user_id ? { userId: r.coordinator_user_id, name: r.coordinator_name ?? '', organisationName: r.coordinator_organisation_name ?? '' } : null,
        updatedAt: new Date(r.updated_at).toISOString(),
        myLastVisitAt: visits.get(r.id)?.toISOString() ?? null,
        changesSinceMyVisit: changes.get(r.id) ?? 0,
        nextEvaluationOn,
        evaluationStatus: nextEvaluationOn ? scheduleStatus(nextEvaluationOn, today) : null,
      };
    }),
    nextCursor: result.nextCursor,
  };
}

/** Open actions per family, counting only those the viewer may see: a count must not tell what is hidden. */
function countVisibleOpenActions(
  ctx: RequestContext,
  families: { id: string; open_actions: { author_organisation_id: string; assignee_user_id: string | null; life_domain: string; member_ids: string[]; goal_author_organisation_id: string | null }[] }[],
  sights: Map<string, Sight>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of families) {
    const sight = sights.get(f.id);
    const seen = f.open_actions.filter((r) => sight?.sees(actionDatum(
      { life_domain: r.life_domain, member_ids: r.member_ids, author_organisation_id: r.goal_author_organisation_id }, r, { userId: ctx.actor.userId, memberId: null })));
    counts.set(f.id, seen.length);
  }
  return counts;
}

/**
 * My open actions across the families I am on the team of, by due date (undated last). An action in a family I
 * have left is no longer mine to see.
 */
export async function myOpenActions(ctx: RequestContext, query: PageQuery) {
  let q = selectActions(ctx.db)
    .innerJoin('families as f', 'f.id', 'a.family_id')
    .innerJoin('goals as g', 'g.id', 'a.goal_id')
    .select(['f.name as family_name', 'f.organisation_id as family_organisation_id', 'g.title as goal_title', 'g.life_domain',
      'g.member_ids', 'g.author_organisation_id as goal_author_organisation_id',
      sql<string>`coalesce(a.due_date, '9999-12-31'::date)::text`.as('sort_due')])
    .where('a.assignee_user_id', '=', ctx.actor.userId)
    .where('a.status', '=', 'open')
    .where('a.family_id', 'in', visibleFamilies(ctx.db, ctx.actor));
  const after = decodeCursor(query.cursor, ['date?', 'uuid'] as const);
  if (after) {
    const [due, id] = after as [string, string];
    q = q.where((eb) => eb.or([
      eb(sql`coalesce(a.due_date, '9999-12-31'::date)`, '>', sql`${due}::date`),
      eb.and([eb(sql`coalesce(a.due_date, '9999-12-31'::date)`, '=', sql`${due}::date`), eb('a.id', '>', id)]),
    ]));
  }
  const rows = await q.orderBy(sql`coalesce(a.due_date, '9999-12-31'::date)`).orderBy('a.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [last.sort_due, last.id]);
  const familyIds = [...new Set(result.items.map((r) => r.family_id))];
  const sights = await loadSights(ctx.db, ctx.actor, familyIds, ctx.now);
  await auditListedFamilies(ctx, familyIds, 'my-actions.listed');
  const today = todayInNetherlands(ctx.now);
  return {
    // My own actions I always see; the family's name and the goal's title only as the family shares them with us.
    items: result.items.map((r) => {
      const sight = sights.get(r.family_id);
      const goal = { life_domain: r.life_domain, member_ids: r.member_ids, author_organisation_id: r.goal_author_organisation_id };
      return {
        ...presentAction(r),
        familyName: sight?.sees(familyNameDatum({ organisation_id: r.family_organisation_id })) ? r.family_name : null,
        goalTitle: sight && goalView(sight, goal) ? r.goal_title : null,
        overdue: r.due_date !== null && r.due_date < today,
      };
    }),
    nextCursor: result.nextCursor,
  };
}
