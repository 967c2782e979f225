import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { todayInNetherlands, type CreatePlanAgreement, type Datum, type PlanAgreement } from '@gezinsplan/domain';
import { authorColumns, type FamilyScope } from '../../platform/access/gate';
import { presentAuthor } from '../../platform/access/author';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { assertMembersOfFamily, touchFamily } from '../families';
import { loadParticipantNames } from '../team';
import { appendTimeline } from '../timeline';
import { goalsNowIds, planCycle } from './plan-cycle';
import { goalView } from './plan.visibility';
import type { GoalRow } from './plan.queries';

function selectAgreements(db: Db, familyId: string) {
  return db.selectFrom('plan_agreements as a')
    .innerJoin('users as u', 'u.id', 'a.author_user_id')
    .leftJoin('organisations as o', 'o.id', 'a.author_organisation_id')
    .select(['a.id', 'a.family_id', 'a.plan_version', 'a.agreed_by', 'a.goals_now', 'a.agreed_on', 'a.note', 'a.author_user_id',
      'a.author_organisation_id', 'a.author_member_id', 'a.created_at', 'u.name as author_name', 'o.name as author_organisation_name'])
    .where('a.family_id', '=', familyId);
}
/** Its `created_at` is a Date read as a column, text read as JSON with the plan. */
type AgreementRow = Omit<Awaited<ReturnType<ReturnType<typeof selectAgreements>['execute']>>[number], 'created_at'> & { created_at: Date | string };

/**
 * That the family agreed with the plan is part of the plan's overview of the family as a whole (not data about each
 * member who agreed, or a mother and her 16-year-old could not see their own joint agreement); the names of who
 * agreed are shown only where the reader may see those members.
 */
const agreementDatum = (a: AgreementRow): Datum => ({
  category: 'plan-overview', authorOrganisationId: a.author_organisation_id, authorMemberId: a.author_member_id, memberIds: [],
});

function sameGoals(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((id, i) => id === sortedB[i]);
}

/** What the agreements need to know of the family's goals: whether the reader sees them, and their titles. */
type AgreedGoal = Pick<GoalRow, 'id' | 'title' | 'life_domain' | 'author_organisation_id' | 'author_member_id' | 'member_ids'>;

/**
 * The agreements as the reader may see them, each with the goals it covered (titles of visible goals only).
 * `familyGoals`: all of the family's goals, when the caller has them already.
 */
async function present(scope: FamilyScope, rows: AgreementRow[], currentId: string | null, familyGoals?: readonly AgreedGoal[]): Promise<PlanAgreement[]> {
  const shown = rows.filter((a) => scope.sight.sees(agreementDatum(a)));
  if (shown.length === 0) return [];
  const names = await loadParticipantNames(scope, shown.map((a) => ({ memberIds: a.agreed_by, userIds: [] })));
  const goalIds = [...new Set(shown.flatMap((a) => a.goals_now))];
  const goals = familyGoals ?? (goalIds.length === 0 ? [] : await scope.db.selectFrom('goals')
    .select(['id', 'title', 'life_domain', 'author_organisation_id', 'author_member_id', 'member_ids']).where('id', 'in', goalIds).execute());
  const visibleGoal = new Map(goals.filter((g) => goalView(scope.sight, g) !== null).map((g) => [g.id, g.title]));
  return shown.map((a) => ({
    id: a.id, familyId: a.family_id, agreedOn: a.agreed_on, planVersion: a.plan_version, note: a.note,
    agreedBy: names.present(a.agreed_by, []).members,
    goalsNow: a.goals_now.flatMap((id) => (visibleGoal.has(id) ? [{ id, title: visibleGoal.get(id)! }] : [])),
    current: a.id === currentId,
    recordedBy: presentAuthor(a),
    createdAt: new Date(a.created_at).toISOString(),
  }));
}

/** The latest agreement since the file was last reopened (`startedAt`; null: since ever). */
async function latestInCycle(scope: FamilyScope, startedAt: Date | null): Promise<AgreementRow | undefined> {
  let q = selectAgreements(scope.db, scope.familyId);
  if (startedAt) q = q.where('a.created_at', '>=', startedAt);
  return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(1).executeTakeFirst();
}

/** Whether an agreement still covers exactly the goals now in focus (all of them, whatever the reader may see). */
async function stillCurrent(scope: FamilyScope, agreement: AgreementRow): Promise<boolean> {
  return sameGoals(agreement.goals_now, await goalsNowIds(scope));
}

/**
 * The latest agreement of this cycle, if it still covers exactly the goals now in focus: the fact the plan's
 * adoption needs (not filtered by what the reader may see; the rule is about the plan itself).
 */
export async function currentAgreementId(scope: FamilyScope): Promise<string | null> {
  const latest = await latestInCycle(scope, (await planCycle(scope)).startedAt);
  return latest && (await stillCurrent(scope, latest)) ? latest.id : null;
}

/**
 * The latest agreement of the plan's current cycle (since the file was last reopened), as a subquery of the plan's
 * own statement: `p` is the plan's row there.
 */
export function latestAgreementOfCycle(db: Db, familyId: string) {
  return selectAgreements(db, familyId)
    .where(sql<boolean>`(p.cycle_started_at is null or a.created_at >= p.cycle_started_at)`)
    .orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(1);
}

/**
 * The latest agreement of this cycle as the plan shows it, current or out of date; null if none (or hidden).
 * The caller read it with the plan, and all the family's goals in priority order (opening a plan is the hottest
 * route, one statement).
 */
export async function presentLatestAgreement(scope: FamilyScope, latest: AgreementRow | null, familyGoals: readonly (AgreedGoal & { focus: string })[]): Promise<PlanAgreement | null> {
  if (!latest) return null;
  const current = sameGoals(latest.goals_now, familyGoals.filter((g) => g.focus === 'now').map((g) => g.id));
  return (await present(scope, [latest], current ? latest.id : null, familyGoals))[0] ?? null;
}

/** Every agreement, newest first, across cycles: the history of what the family agreed to and when. */
export async function listAgreements(scope: FamilyScope) {
  const rows = await selectAgreements(scope.db, scope.familyId).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(200).execute();
  return { items: await present(scope, rows, await currentAgreementId(scope)), nextCursor: null };
}

/**
 * Records that the family agrees with the plan: the goals in focus now, as they stand. A family member signed in
 * agrees for themselves; a professional records who of the family agreed (at the kitchen table, say).
 */
export async function recordAgreement(scope: FamilyScope, input: CreatePlanAgreement): Promise<PlanAgreement> {
  const family = await scope.db.selectFrom('families').select('phase').where('id', '=', scope.familyId).executeTakeFirstOrThrow();
  if (family.phase === 'afgesloten') throw new AppError('CONFLICT', 'The file is closed; reopen it before agreeing on a plan.');
  if (scope.actor.kind === 'family' && (input.agreedBy.length !== 1 || input.agreedBy[0] !== scope.actor.memberId)) {
    throw new AppError('FORBIDDEN', 'You agree with the plan for yourself; the others in your family agree for themselves.',
      [{ pointer: '/body/agreedBy', detail: 'only yourself' }]);
  }
  await assertMembersOfFamily(scope.db, scope.familyId, input.agreedBy, '/body/agreedBy');
  const agreedOn = input.agreedOn ?? todayInNetherlands(scope.now);
  if (agreedOn > todayInNetherlands(scope.now)) {
    throw new AppError('UNPROCESSABLE', 'An agreement is recorded once it is given.', [{ pointer: '/body/agreedOn', detail: 'in the future' }]);
  }
  const goalsNow = await goalsNowIds(scope);
  if (goalsNow.length === 0) {
    throw new AppError('CONFLICT', 'Choose with the family which goals to work on now before recording their agreement.', [{ pointer: '/body', detail: 'no goal in focus now' }]);
  }
  const cycle = await planCycle(scope);
  const id = uuidv7();
  await scope.db.insertInto('plan_agreements').values({
    id, family_id: scope.familyId, plan_version: cycle.version, agreed_by: input.agreedBy, goals_now: goalsNow, agreed_on: agreedOn,
    note: input.note ?? '', ...authorColumns(scope), created_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'plan.agreed', data: { agreementId: id, goalsNow: goalsNow.length }, memberIds: input.agreedBy });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return (await present(scope, await selectAgreements(scope.db, scope.familyId).where('a.id', '=', id).execute(), id))[0]!;
}
