import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  gasTScore, todayInNetherlands,
  type CreateEvaluation, type Datum, type Evaluation, type EvaluationKind, type ExperienceQuestionCode, type ExperienceScore, type GasScore, type PageQuery,
} from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import { presentAuthor } from '../../platform/access/author';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, filteredPage } from '../../platform/http/cursor';
import { touchFamily } from '../families';
import { collaborationCatalogue, currentCollaborationCatalogue } from '../catalogues';
import { goalDatum, goalView, planCycle, setNextEvaluation } from '../plan';
import { assertParticipants, loadParticipantNames } from '../team';
import { appendTimeline } from '../timeline';

function selectEvaluations(db: Db, familyId: string) {
  return db.selectFrom('evaluations as e')
    .innerJoin('users as u', 'u.id', 'e.author_user_id')
    .leftJoin('organisations as o', 'o.id', 'e.author_organisation_id')
    .selectAll('e').select(['u.name as author_name', 'o.name as author_organisation_name'])
    .where('e.family_id', '=', familyId);
}
type EvaluationRow = Awaited<ReturnType<ReturnType<typeof selectEvaluations>['execute']>>[number];

/** Who took part, the family's experience, the collaboration and what was decided: the plan's overview of the family. */
const evaluationDatum = (e: Pick<EvaluationRow, 'author_organisation_id'>): Datum => ({ category: 'plan-overview', authorOrganisationId: e.author_organisation_id, memberIds: [] });

/**
 * The evaluations as the reader may see them: each goal's score is data of that goal's life domain, so a reader sees
 * the scores of the goals shared with them, and the T-score over those. One with its overview hidden is left out.
 */
async function present(scope: FamilyScope, rows: EvaluationRow[]): Promise<Map<string, Evaluation>> {
  const shown = rows.filter((e) => scope.sight.sees(evaluationDatum(e)));
  const out = new Map<string, Evaluation>();
  if (shown.length === 0) return out;
  const scores = await scope.db.selectFrom('evaluation_goal_scores as s').innerJoin('goals as g', 'g.id', 's.goal_id')
    .select(['s.evaluation_id', 's.goal_id', 's.score', 's.comment', 'g.title', 'g.life_domain', 'g.member_ids', 'g.author_organisation_id', 'g.author_member_id', 'g.priority'])
    .where('s.evaluation_id', 'in', shown.map((e) => e.id)).orderBy('g.priority').execute();
  const names = await loadParticipantNames(scope, shown.map((e) => ({ memberIds: e.participant_member_ids, userIds: e.participant_user_ids })));
  for (const e of shown) {
    const goals = scores.filter((s) => s.evaluation_id === e.id
      && goalView(scope.sight, s) !== null
      && scope.sight.sees({ ...goalDatum(s), authorOrganisationId: e.author_organisation_id, authorMemberId: null }));
    out.set(e.id, {
      id: e.id, familyId: e.family_id, kind: e.kind as EvaluationKind, heldOn: e.held_on,
      participants: names.present(e.participant_member_ids, e.participant_user_ids),
      goals: goals.map((s) => ({ goalId: s.goal_id, title: s.title, lifeDomain: s.life_domain, score: s.score as GasScore, comment: s.comment })),
      tScore: gasTScore(goals.map((s) => ({ score: s.score as GasScore }))),
      experience: e.experience.map((x) => ({ code: x.code as ExperienceQuestionCode, score: x.score as ExperienceScore })),
      collaboration: e.catalogue_version ? { catalogueVersion: e.catalogue_version, ratings: e.collaboration } : null,
      decisions: e.decisions, nextEvaluationOn: e.next_evaluation_on,
      author: presentAuthor({ ...e, author_member_id: null }),
      createdAt: new Date(e.created_at).toISOString(),
    });
  }
  return out;
}

/** The joint evaluations, newest first (by the day they were held), paged past what the reader may not see. */
export async function listEvaluations(scope: FamilyScope, query: PageQuery) {
  const result = await filteredPage({
    limit: query.limit,
    start: decodeCursor(query.cursor, ['date?', 'uuid'] as const),
    fetch: async (after, n) => {
      let q = selectEvaluations(scope.db, scope.familyId);
      if (after) q = q.where(sql<boolean>`(e.held_on, e.id) < (${after[0]}::date, ${after[1]}::uuid)`);
      const rows = await q.orderBy('e.held_on', 'desc').orderBy('e.id', 'desc').limit(n).execute();
      const shown = await present(scope, rows);
      return rows.map((row) => ({ row, item: shown.get(row.id) ?? null }));
    },
    keep: (x) => x.item !== null,
    keyOf: (x) => [x.row.held_on, x.row.id],
  });
  return { items: result.items.map((x) => x.item!), nextCursor: result.nextCursor };
}

/** Whether this plan cycle has had its closing evaluation: the file may close once help was given and looked back on. */
export async function closingEvaluationHeld(scope: FamilyScope): Promise<boolean> {
  const cycle = await planCycle(scope);
  let q = scope.db.selectFrom('evaluations').select('id').where('family_id', '=', scope.familyId).where('kind', '=', 'closing');
  if (cycle.startedAt) q = q.where('created_at', '>=', cycle.startedAt);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/** Each goal scored must be a goal of this plan that the scorer sees in full; a hidden goal is as unknown as a missing one. */
async function assertScorableGoals(scope: FamilyScope, goals: CreateEvaluation['goals']): Promise<void> {
  if (goals.length === 0) return;
  const rows = await scope.db.selectFrom('goals').select(['id', 'life_domain', 'member_ids', 'author_organisation_id', 'author_member_id'])
    .where('family_id', '=', scope.familyId).where('id', 'in', goals.map((g) => g.goalId)).execute();
  const scorable = new Set(rows.filter((g) => scope.sight.peek(goalDatum(g))).map((g) => g.id));
  const unknown = goals.flatMap((g, i) => (scorable.has(g.goalId) ? [] : [{ pointer: `/body/goals/${i}/goalId`, detail: 'not a goal of this plan' }]));
  if (unknown.length > 0) throw new AppError('UNPROCESSABLE', 'Score the goals of this family’s plan.', unknown);
}

/** The ratings must follow the checklist in use now; one replaced meanwhile is named, so the form can be reviewed. */
async function assertCollaboration(scope: FamilyScope, collaboration: CreateEvaluation['collaboration']): Promise<void> {
  if (!collaboration) return;
  const current = await currentCollaborationCatalogue(scope.db);
  if (collaboration.catalogueVersion !== current.version) {
    const known = await collaborationCatalogue(scope.db, collaboration.catalogueVersion);
    if (!known) throw new AppError('UNPROCESSABLE', 'No such version of the collaboration components.', [{ pointer: '/body/collaboration/catalogueVersion', detail: 'unknown version' }]);
    throw new AppError('CONFLICT', `The collaboration components were replaced (now version ${current.version}); review the ratings against them.`,
      [{ pointer: '/body/collaboration/catalogueVersion', detail: `current version is ${current.version}` }]);
  }
  const codes = new Set(current.components.map((c) => c.code));
  const unknown = collaboration.ratings.flatMap((r, i) => (codes.has(r.code) ? [] : [{ pointer: `/body/collaboration/ratings/${i}/code`, detail: 'not in this catalogue' }]));
  if (unknown.length > 0) throw new AppError('UNPROCESSABLE', 'Rate the components of the catalogue.', unknown);
}

/**
 * Records a joint evaluation, held with the family once help is under way: the goal scores, the family's experience,
 * the collaboration, what was decided, and the next evaluation (the plan's rhythm after this one unless agreed).
 */
export async function recordEvaluation(scope: FamilyScope, input: CreateEvaluation): Promise<Evaluation> {
  const author = professionalIn(scope);
  const family = await scope.db.selectFrom('families').select('phase').where('id', '=', scope.familyId).executeTakeFirstOrThrow();
  if (family.phase !== 'uitvoering' && family.phase !== 'evaluatie') {
    throw new AppError('CONFLICT', 'An evaluation looks back on help under way: adopt the plan first.', [{ pointer: '/body/kind', detail: `not in phase ${family.phase}` }]);
  }
  const today = todayInNetherlands(scope.now);
  const heldOn = input.heldOn ?? today;
  if (heldOn > today) throw new AppError('UNPROCESSABLE', 'An evaluation is recorded once it has been held.', [{ pointer: '/body/heldOn', detail: 'in the future' }]);
  if (input.nextEvaluationOn && input.nextEvaluationOn <= today) {
    throw new AppError('UNPROCESSABLE', 'The next evaluation is a day still to come.', [{ pointer: '/body/nextEvaluationOn', detail: 'not after today' }]);
  }
  await assertParticipants(scope, input.participants, '/body/participants');
  await assertScorableGoals(scope, input.goals);
  await assertCollaboration(scope, input.collaboration);

  const id = uuidv7();
  const closing = input.kind === 'closing';
  const next = await setNextEvaluation(scope, heldOn, input.nextEvaluationOn, closing);
  await scope.db.insertInto('evaluations').values({
    id, family_id: scope.familyId, kind: input.kind, held_on: heldOn,
    participant_member_ids: input.participants.memberIds, participant_user_ids: input.participants.userIds,
    experience: JSON.stringify(input.experience),
    catalogue_version: input.collaboration?.catalogueVersion ?? null,
    collaboration: JSON.stringify((input.collaboration?.ratings ?? []).map((r) => ({ code: r.code, score: r.score, comment: r.comment ?? '' }))),
    decisions: input.decisions ?? '', next_evaluation_on: next,
    author_user_id: author.userId, author_organisation_id: author.organisationId, created_at: scope.now,
  }).execute();
  if (input.goals.length > 0) {
    await scope.db.insertInto('evaluation_goal_scores').values(input.goals.map((g) => ({
      evaluation_id: id, goal_id: g.goalId, family_id: scope.familyId, score: g.score, comment: g.comment ?? '',
    }))).execute();
  }
  await appendTimeline(scope, { kind: 'plan', event: 'evaluation.held', data: { evaluationId: id, kind: input.kind, goals: input.goals.length, nextEvaluationOn: next } });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return (await present(scope, await selectEvaluations(scope.db, scope.familyId).where('e.id', '=', id).execute())).get(id)!;
}
