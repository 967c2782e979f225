import type { Datum } from '@gezinsplan/domain';
import type { Sight } from '../../platform/access/sight';

/** A goal's author: an organisation, or (a goal in the family's own words) a member of the family. */
interface GoalFacts { life_domain: string; author_organisation_id: string | null; author_member_id?: string | null; member_ids: string[] }
interface ActionFacts { author_organisation_id: string; assignee_user_id: string | null; assignee_member_id?: string | null }
/** Who is looking: a professional (their user) or a family member (their member too). */
export interface Viewer { userId: string; memberId: string | null }

/**
 * A goal in full (its actions too) is data of its life domain; its title and focus alone are the plan overview.
 * Both are about the members the goal concerns, and written by the goal's author.
 */
export const goalDatum = (g: GoalFacts): Datum => ({
  category: g.life_domain, authorOrganisationId: g.author_organisation_id, authorMemberId: g.author_member_id ?? null, memberIds: g.member_ids,
});
export const goalOverviewDatum = (g: GoalFacts): Datum => ({ ...goalDatum(g), category: 'plan-overview' });

/** Whether the action is the viewer's own to do. */
export const isAddressedTo = (a: ActionFacts, viewer: Viewer): boolean =>
  a.assignee_user_id === viewer.userId || (viewer.memberId !== null && a.assignee_member_id === viewer.memberId);

/** An action is data of its goal's life domain, written by its own author's organisation. */
export const actionDatum = (goal: GoalFacts, a: ActionFacts, viewer: Viewer): Datum => ({
  ...goalDatum(goal), authorOrganisationId: a.author_organisation_id, authorMemberId: null, addressedToViewer: isAddressedTo(a, viewer),
});

/** How much of a goal the viewer sees: all of it, its overview (title and focus), or nothing. */
export function goalView(sight: Sight, goal: GoalFacts): 'full' | 'overview' | null {
  if (sight.peek(goalDatum(goal))) return sight.sees(goalDatum(goal)) ? 'full' : null;
  if (sight.sees(goalOverviewDatum(goal))) return 'overview';
  return null;
}
