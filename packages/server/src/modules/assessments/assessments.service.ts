import { v7 as uuidv7 } from 'uuid';
import { todayInNetherlands, viewsDiffer, type Assessment, type CreateAssessment, type PageQuery, type ZrmLevel } from '@gezinsplan/domain';
import { authorColumns, type FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, filteredPage, olderThan } from '../../platform/http/cursor';
import { assertMembersOfFamily, touchFamily } from '../families';
import { assertLifeDomains } from '../catalogues';
import { appendTimeline } from '../timeline';

function selectAssessments(db: Db, familyId: string) {
  return db.selectFrom('assessments as a')
    .innerJoin('users as u', 'u.id', 'a.author_user_id')
    .leftJoin('organisations as o', 'o.id', 'a.author_organisation_id')
    .select(['a.id', 'a.family_id', 'a.member_id', 'a.view', 'a.assessed_on', 'a.author_user_id', 'a.author_organisation_id',
      'a.author_member_id', 'a.created_at', 'u.name as author_name', 'o.name as author_organisation_name'])
    .where('a.family_id', '=', familyId);
}
type AssessmentRow = Awaited<ReturnType<ReturnType<typeof selectAssessments>['execute']>>[number];
type ScoreRow = { assessment_id: string; life_domain: string; level: number; strengths: string; concerns: string };

/** Each domain's score is data of that life domain, about the member assessed (or the household as a whole). */
const scoreDatum = (a: Pick<AssessmentRow, 'member_id' | 'author_organisation_id' | 'author_member_id'>, lifeDomain: string) =>
  ({ category: lifeDomain, authorOrganisationId: a.author_organisation_id, authorMemberId: a.author_member_id, memberIds: a.member_id ? [a.member_id] : [] });

/** The assessments with the scores the reader may see; one with none of them visible is left out altogether. */
async function present(scope: FamilyScope, rows: AssessmentRow[]): Promise<Assessment[]> {
  if (rows.length === 0) return [];
  const scores = await scope.db.selectFrom('assessment_scores').selectAll().where('assessment_id', 'in', rows.map((r) => r.id))
    .orderBy('life_domain').execute() as ScoreRow[];
  return rows.flatMap((a) => {
    const visible = scores.filter((s) => s.assessment_id === a.id && scope.sight.sees(scoreDatum(a, s.life_domain)));
    if (visible.length === 0) return [];
    return [{
      id: a.id, familyId: a.family_id, memberId: a.member_id, view: a.view as Assessment['view'], assessedOn: a.assessed_on,
      author: { userId: a.author_user_id, name: a.author_name, organisationName: a.author_member_id ? null : a.author_organisation_name, memberId: a.author_member_id },
      scores: visible.map((s) => ({ lifeDomain: s.life_domain, level: s.level as ZrmLevel, strengths: s.strengths, concerns: s.concerns })),
      createdAt: new Date(a.created_at).toISOString(),
    }];
  });
}

/**
 * Records one view of the needs: a family member always gives the family's own view; a professional gives theirs,
 * or writes down the family's as they gave it. Kept as history; never merged with another view.
 */
export async function recordAssessment(scope: FamilyScope, input: CreateAssessment): Promise<Assessment> {
  if (scope.actor.kind === 'family' && input.view !== 'family') {
    throw new AppError('UNPROCESSABLE', 'A family member gives the family’s own view.', [{ pointer: '/body/view', detail: 'must be family' }]);
  }
  if (input.memberId) await assertMembersOfFamily(scope.db, scope.familyId, [input.memberId], '/body/memberId');
  await assertLifeDomains(scope.db, input.scores.map((s) => s.lifeDomain), '/body/scores');
  const assessedOn = input.assessedOn ?? todayInNetherlands(scope.now);
  if (assessedOn > todayInNetherlands(scope.now)) {
    throw new AppError('UNPROCESSABLE', 'An assessment describes how things are, not how they will be.', [{ pointer: '/body/assessedOn', detail: 'in the future' }]);
  }
  const id = uuidv7();
  await scope.db.insertInto('assessments').values({
    id, family_id: scope.familyId, member_id: input.memberId, view: input.view, assessed_on: assessedOn, ...authorColumns(scope), created_at: scope.now,
  }).execute();
  await scope.db.insertInto('assessment_scores').values(input.scores.map((s) => ({
    assessment_id: id, life_domain: s.lifeDomain, level: s.level, strengths: s.strengths ?? '', concerns: s.concerns ?? '',
  }))).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'assessment.recorded', data: { assessmentId: id, view: input.view }, memberIds: input.memberId ? [input.memberId] : [] });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return (await present(scope, await selectAssessments(scope.db, scope.familyId).where('a.id', '=', id).execute()))[0]!;
}

/** Newest first, for one member, the household, or everyone; paged past what the reader may not see. */
export async function listAssessments(scope: FamilyScope, query: PageQuery & { memberId?: string; household?: 'true' }) {
  const result = await filteredPage({
    limit: query.limit,
    start: decodeCursor(query.cursor, ['timestamp', 'uuid'] as const),
    // Each row comes with what the reader may see of it (null: nothing), so paging counts rows, not what was shown.
    fetch: async (after, n) => {
      let q = selectAssessments(scope.db, scope.familyId);
      if (query.memberId) q = q.where('a.member_id', '=', query.memberId);
      if (query.household) q = q.where('a.member_id', 'is', null);
      if (after) q = q.where(olderThan('a.created_at', 'a.id', after));
      const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(n).execute();
      const shown = new Map((await present(scope, rows)).map((a) => [a.id, a]));
      return rows.map((row) => ({ row, item: shown.get(row.id) ?? null }));
    },
    keep: (e) => e.item !== null,
    keyOf: (e) => [new Date(e.row.created_at).toISOString(), e.row.id],
  });
  return { items: result.items.map((e) => e.item!), nextCursor: result.nextCursor };
}

/**
 * Per member (or the household) and life domain: the latest family view beside the latest professional view, and
 * whether they differ enough to talk about. Built from what the reader may see.
 */
export async function compareViews(scope: FamilyScope) {
  const rows = await selectAssessments(scope.db, scope.familyId).orderBy('a.assessed_on', 'desc').orderBy('a.created_at', 'desc').limit(1000).execute();
  const latest = new Map<string, { memberId: string | null; lifeDomain: string; family: { level: ZrmLevel; assessedOn: string } | null; professional: { level: ZrmLevel; assessedOn: string; by: string } | null }>();
  for (const a of await present(scope, rows)) {
    for (const s of a.scores) {
      const key = `${a.memberId ?? 'household'} ${s.lifeDomain}`;
      const entry = latest.get(key) ?? { memberId: a.memberId, lifeDomain: s.lifeDomain, family: null, professional: null };
      if (a.view === 'family') entry.family ??= { level: s.level, assessedOn: a.assessedOn };
      else entry.professional ??= { level: s.level, assessedOn: a.assessedOn, by: a.author.name };
      latest.set(key, entry);
    }
  }
  return {
    items: [...latest.values()].map((e) => ({ ...e, differ: !!e.family && !!e.professional && viewsDiffer(e.family.level, e.professional.level) })),
    nextCursor: null,
  };
}
