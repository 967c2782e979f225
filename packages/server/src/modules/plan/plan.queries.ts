import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/**
 * One query for the goals of a plan and one for their actions, each with the names of owners and assignees
 * joined in: opening a plan costs two round trips whatever its size (no N+1).
 *
 * EXPLAIN (PostgreSQL 15, 10k families): both use goals_family_idx / actions_family_idx as index scans on family_id.
 */
export function selectGoals(db: Db, familyId: string) {
  return db.selectFrom('goals as g')
    .leftJoin('members as om', 'om.id', 'g.owner_member_id')
    .leftJoin('users as ou', 'ou.id', 'g.owner_user_id')
    .select(['g.id', 'g.family_id', 'g.title', 'g.life_domain', 'g.member_ids', 'g.focus', 'g.priority', 'g.owner_member_id',
      'g.owner_user_id', 'g.author_organisation_id', 'g.author_member_id', 'g.version', 'g.created_at', 'g.updated_at', 'om.given_name as owner_member_name', 'ou.name as owner_user_name'])
    .where('g.family_id', '=', familyId);
}

export function selectActions(db: Db) {
  return db.selectFrom('actions as a')
    .leftJoin('users as au', 'au.id', 'a.assignee_user_id')
    .leftJoin('members as am', 'am.id', 'a.assignee_member_id')
    .leftJoin('supporters as asu', 'asu.id', 'a.assignee_supporter_id')
    .select(['a.id', 'a.family_id', 'a.goal_id', 'a.title', 'a.due_date', 'a.status', 'a.assignee_user_id', 'a.assignee_member_id',
      'a.assignee_supporter_id', 'a.author_organisation_id', 'a.version', 'a.created_at', 'a.updated_at', 'au.name as assignee_user_name',
      sql<string | null>`am.given_name || ' ' || am.family_name`.as('assignee_member_name'), 'asu.name as assignee_supporter_name']);
}

/** Rows read as columns carry timestamps as Dates, rows read as JSON (the plan's one statement) as text. */
type EitherTimestamps<T> = Omit<T, 'created_at' | 'updated_at'> & { created_at: Date | string; updated_at: Date | string };
export type GoalRow = EitherTimestamps<Awaited<ReturnType<ReturnType<typeof selectGoals>['execute']>>[number]>;
export type ActionRow = EitherTimestamps<Awaited<ReturnType<ReturnType<typeof selectActions>['execute']>>[number]>;
