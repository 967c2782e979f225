import type { Datum } from '@gezinsplan/domain';
import type { Sight } from '../../platform/access/sight';

interface GoalFacts { life_domain: string; author_organisation_id: string; member_ids: string[] }
interface ActionFacts { author_organisation_id: string; assignee_user_id: string | null }

/**
 * A goal in full (its actions too) is data of its life domain; its title and focus alone are the plan overview.
 * Both are about the members the goal concerns, and written by the goal's author's organisation.
 */
export const goalDatum = (g: GoalFacts): Datum => ({ category: g.life_domain, authorOrganisationId: g.author_organisation_id, memberIds: g.member_ids });
export const goalOverviewDatum = (g: GoalFacts): Datum => ({ ...goalDatum(g), category: 'plan-overview' });

/** An action is data of its goal's life domain, written by its own author's organisation. */
export const actionDatum = (goal: GoalFacts, a: ActionFacts, viewerUserId: string): Datum => ({
  ...goalDatum(goal), authorOrganisationId: a.author_organisation_id, addressedToViewer: a.assignee_user_id === viewerUserId,
});

/** How much of a goal the viewer sees: all of it, its overview (title and focus), or nothing. */
export function goalView(sight: Sight, goal: GoalFacts): 'full' | 'overview' | null {
  if (sight.peek(goalDatum(goal))) return sight.sees(goalDatum(goal)) ? 'full' : null;
  if (sight.sees(goalOverviewDatum(goal))) return 'overview';
  return null;
}
