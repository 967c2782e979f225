import type { Datum } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import { notFound } from '../../platform/http/app-error';
import { goalDatum } from '../plan';

export interface GoalFacts { id: string; life_domain: string; member_ids: string[]; author_organisation_id: string | null; author_member_id: string | null }

/**
 * The goal a help option or a decision belongs to, if the reader sees it in full: options and decisions are about
 * the goal's life domain and members, so a goal shared only as overview (or not at all) has none to show.
 */
export async function requireGoal(scope: FamilyScope, goalId: string): Promise<GoalFacts> {
  const goal = await scope.db.selectFrom('goals').select(['id', 'life_domain', 'member_ids', 'author_organisation_id', 'author_member_id'])
    .where('family_id', '=', scope.familyId).where('id', '=', goalId).executeTakeFirst();
  if (!goal) throw notFound();
  scope.require(goalDatum(goal));
  return goal;
}

/** An option or a decision is data of its goal's life domain and members, written by its own author. */
export const aboutGoal = (goal: GoalFacts, author: { author_organisation_id: string | null; author_member_id?: string | null }): Datum => ({
  ...goalDatum(goal), authorOrganisationId: author.author_organisation_id, authorMemberId: author.author_member_id ?? null,
});
