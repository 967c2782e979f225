import { v7 as uuidv7 } from 'uuid';
import type { CreateHelpOption, HelpOption, NjiRating, ReferralRoute } from '@gezinsplan/domain';
import { AppError } from '../../platform/http/app-error';
import { authorColumns, type FamilyScope } from '../../platform/access/gate';
import { presentAuthor } from '../../platform/access/author';
import { touchFamily } from '../families';
import { appendTimeline } from '../timeline';
import { aboutGoal, requireGoal, type GoalFacts } from './goal-access';

export function selectOptions(scope: FamilyScope, goalId: string) {
  return scope.db.selectFrom('help_options as h')
    .innerJoin('users as u', 'u.id', 'h.author_user_id')
    .leftJoin('organisations as o', 'o.id', 'h.author_organisation_id')
    .leftJoin('services as s', 's.id', 'h.service_id')
    .leftJoin('organisations as so', 'so.id', 's.organisation_id')
    .selectAll('h').select(['u.name as author_name', 'o.name as author_organisation_name', 's.name as service_name', 's.organisation_id as service_organisation_id', 'so.name as service_organisation_name',
      's.wait_weeks as service_wait_weeks', 's.needs_municipal_decision as service_needs_decision', 's.referral as service_referral',
      's.nji_rating as service_nji_rating', 's.status as service_status'])
    .where('h.family_id', '=', scope.familyId).where('h.goal_id', '=', goalId);
}
type OptionRow = Awaited<ReturnType<ReturnType<typeof selectOptions>['execute']>>[number];

function present(h: OptionRow): HelpOption {
  return {
    id: h.id, familyId: h.family_id, goalId: h.goal_id, title: h.title, description: h.description, asksOfFamily: h.asks_of_family,
    mayBring: h.may_bring, proposedBy: presentAuthor(h), createdAt: new Date(h.created_at).toISOString(),
    service: h.service_id ? {
      id: h.service_id, name: h.service_name ?? '', organisationId: h.service_organisation_id!, organisationName: h.service_organisation_name ?? '', waitWeeks: h.service_wait_weeks ?? null,
      needsMunicipalDecision: h.service_needs_decision ?? false, referral: h.service_referral as ReferralRoute, njiRating: (h.service_nji_rating ?? null) as NjiRating | null,
      status: (h.service_status ?? 'active') as 'active' | 'inactive',
    } : null,
  };
}

/** The options for a goal the reader may see, in the order they were put forward. */
export async function visibleOptions(scope: FamilyScope, goal: GoalFacts): Promise<HelpOption[]> {
  const rows = await selectOptions(scope, goal.id).orderBy('h.created_at').orderBy('h.id').limit(200).execute();
  return rows.filter((h) => scope.sight.sees(aboutGoal(goal, h))).map(present);
}

export async function listOptions(scope: FamilyScope, goalId: string) {
  const goal = await requireGoal(scope, goalId);
  scope.audit.resourceId = goalId;
  return { items: await visibleOptions(scope, goal), nextCursor: null };
}

/**
 * Puts a help option on the table for a goal: free text for now (a service from the catalogue once it exists), with
 * what it would ask of the family and what it may bring. The family may add options too.
 */
export async function addOption(scope: FamilyScope, goalId: string, input: CreateHelpOption): Promise<HelpOption> {
  const goal = await requireGoal(scope, goalId);
  const service = input.serviceId
    ? await scope.db.selectFrom('services').select(['id', 'name', 'description', 'status']).where('id', '=', input.serviceId).executeTakeFirst()
    : undefined;
  if (input.serviceId && service?.status !== 'active') {
    throw new AppError('UNPROCESSABLE', 'Choose a service the catalogue offers now.', [{ pointer: '/body/serviceId', detail: 'not an active service' }]);
  }
  const id = uuidv7();
  await scope.db.insertInto('help_options').values({
    id, family_id: scope.familyId, goal_id: goalId, service_id: service?.id ?? null, title: input.title ?? service!.name,
    description: input.description ?? service?.description ?? '',
    asks_of_family: input.asksOfFamily ?? '', may_bring: input.mayBring ?? '', ...authorColumns(scope), created_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'option.added', data: { goalId, optionId: id }, lifeDomain: goal.life_domain, memberIds: goal.member_ids });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return present((await selectOptions(scope, goalId).where('h.id', '=', id).executeTakeFirstOrThrow()));
}
