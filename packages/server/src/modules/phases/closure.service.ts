import { v7 as uuidv7 } from 'uuid';
import {
  addMonths, AFTERCARE_AFTER_MONTHS, todayInNetherlands,
  type ClosingDetails, type ClosingReason, type Closure, type Datum, type RecordAftercareCheck,
} from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import { presentAuthor } from '../../platform/access/author';
import { AppError } from '../../platform/http/app-error';
import { appendTimeline } from '../timeline';
import { touchFamily } from '../families';

function selectClosures(scope: FamilyScope) {
  return scope.db.selectFrom('closures as c')
    .innerJoin('users as u', 'u.id', 'c.author_user_id')
    .leftJoin('organisations as o', 'o.id', 'c.author_organisation_id')
    .selectAll('c').select(['u.name as author_name', 'o.name as author_organisation_name'])
    .where('c.family_id', '=', scope.familyId);
}
type ClosureRow = Awaited<ReturnType<ReturnType<typeof selectClosures>['execute']>>[number];

/** Why the file closed and what the family can do themselves now: the plan's overview, about the family as a whole. */
const closureDatum = (c: Pick<ClosureRow, 'author_organisation_id'>): Datum => ({ category: 'plan-overview', authorOrganisationId: c.author_organisation_id, memberIds: [] });

function present(c: ClosureRow): Closure {
  return {
    id: c.id, closedOn: c.closed_on, reason: c.reason as ClosingReason, canDoThemselves: c.can_do_themselves, aftercareOn: c.aftercare_on,
    aftercare: c.aftercare_checked_on ? { checkedOn: c.aftercare_checked_on, outcome: c.aftercare_outcome as 'going-well' | 'needs-help', note: c.aftercare_note } : null,
    reopenedAt: c.reopened_at ? new Date(c.reopened_at).toISOString() : null,
    by: presentAuthor({ ...c, author_member_id: null }),
  };
}

/** Every closure of the file, newest first, as far as the reader may see them. */
export async function listClosures(scope: FamilyScope): Promise<Closure[]> {
  const rows = await selectClosures(scope).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(50).execute();
  return rows.filter((c) => scope.sight.sees(closureDatum(c))).map(present);
}

/** Closing: the reason, what the family can do themselves now, and the aftercare check (three months on by default). */
export async function recordClosure(scope: FamilyScope, details: ClosingDetails): Promise<string> {
  const author = professionalIn(scope);
  const today = todayInNetherlands(scope.now);
  const aftercareOn = details.aftercareOn ?? addMonths(today, AFTERCARE_AFTER_MONTHS);
  if (aftercareOn <= today) {
    throw new AppError('UNPROCESSABLE', 'The aftercare check is a day after closing.', [{ pointer: '/body/closing/aftercareOn', detail: 'not after today' }]);
  }
  const id = uuidv7();
  await scope.db.insertInto('closures').values({
    id, family_id: scope.familyId, closed_on: today, reason: details.reason, can_do_themselves: details.canDoThemselves,
    aftercare_on: aftercareOn, author_user_id: author.userId, author_organisation_id: author.organisationId, created_at: scope.now,
  }).execute();
  return id;
}

/** Reopening keeps the closure as history; its aftercare check is no longer anyone's work. */
export async function markReopened(scope: FamilyScope): Promise<void> {
  await scope.db.updateTable('closures').set({ reopened_at: scope.now })
    .where('family_id', '=', scope.familyId).where('reopened_at', 'is', null).execute();
}

/**
 * The aftercare check (nazorg): some months after closing, the coordinator asks how the family is doing. Needing
 * help again is recorded here; reopening the file is its own, deliberate step.
 */
export async function recordAftercareCheck(scope: FamilyScope, input: RecordAftercareCheck): Promise<void> {
  const family = await scope.db.selectFrom('families').select('phase').where('id', '=', scope.familyId).executeTakeFirstOrThrow();
  const open = await scope.db.selectFrom('closures').select(['id', 'closed_on', 'author_organisation_id']).where('family_id', '=', scope.familyId)
    .where('reopened_at', 'is', null).where('aftercare_checked_on', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
  if (family.phase !== 'afgesloten' || !open) throw new AppError('CONFLICT', 'There is no aftercare check to record: the file is not closed, or its check was recorded.');
  const checkedOn = input.checkedOn ?? todayInNetherlands(scope.now);
  if (checkedOn > todayInNetherlands(scope.now)) {
    throw new AppError('UNPROCESSABLE', 'A check is recorded once it has been done.', [{ pointer: '/body/checkedOn', detail: 'in the future' }]);
  }
  // The check looks in after the closing: a day before it would be a check of a file still open.
  if (checkedOn < open.closed_on) {
    throw new AppError('UNPROCESSABLE', 'The aftercare check comes after the file was closed.', [{ pointer: '/body/checkedOn', detail: 'before the closing' }]);
  }
  await scope.db.updateTable('closures').set({ aftercare_checked_on: checkedOn, aftercare_outcome: input.outcome, aftercare_note: input.note ?? '' })
    .where('id', '=', open.id).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'aftercare.checked', data: { closureId: open.id, outcome: input.outcome } });
  await touchFamily(scope);
  scope.audit.resourceId = open.id;
  scope.audit.detail.outcome = input.outcome;
}
