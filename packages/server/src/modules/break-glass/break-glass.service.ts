import { v7 as uuidv7 } from 'uuid';
import { isFixedCategory, type BreakGlassGrant, type OpenBreakGlass } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { assertLifeDomains } from '../catalogues';
import { notify } from '../notifications';
import { presentGrant, selectGrants } from './break-glass.queries';

/**
 * Breaks the glass: in acute danger a team member opens categories the consent does not cover, with a written reason,
 * for at most 24 hours. The record is flagged as an emergency in the audit log, the coordinator is told, and the grant
 * waits in the privacy officer's review queue.
 */
export async function openBreakGlass(scope: FamilyScope, input: OpenBreakGlass): Promise<BreakGlassGrant> {
  await assertLifeDomains(scope.db, input.categories.filter((c) => !isFixedCategory(c)), '/body/categories');
  const professional = professionalIn(scope);
  const id = uuidv7();
  const expiresAt = new Date(scope.now.getTime() + input.hours * 3_600_000);
  await scope.db.insertInto('break_glass_grants').values({
    id, family_id: scope.familyId, user_id: professional.userId, organisation_id: professional.organisationId,
    categories: input.categories, reason: input.reason, opened_at: scope.now, expires_at: expiresAt,
  }).execute();
  const coordinator = await scope.db.selectFrom('team_members').select('user_id')
    .where('family_id', '=', scope.familyId).where('role', '=', 'coordinator').where('ended_at', 'is', null).executeTakeFirst();
  if (coordinator && coordinator.user_id !== scope.actor.userId) {
    await notify(scope.db, { userId: coordinator.user_id, familyId: scope.familyId, kind: 'break-glass.opened', data: { grantId: id, byUserId: scope.actor.userId } }, scope.now);
  }
  scope.audit.resourceId = id;
  scope.audit.emergency = true;
  // The categories and the period, not the reason: the reason stays with the grant, where the reviewer reads it.
  scope.audit.detail.categories = input.categories;
  scope.audit.detail.expiresAt = expiresAt.toISOString();
  return grantById(scope, id);
}

async function grantById(scope: FamilyScope, id: string): Promise<BreakGlassGrant> {
  const row = await selectGrants(scope.db).where('b.family_id', '=', scope.familyId).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return presentGrant(row, scope.now);
}

/** Every break-the-glass in this family, newest first: the team sees who opened what, when, and why. */
export async function listBreakGlass(scope: FamilyScope) {
  const rows = await selectGrants(scope.db).where('b.family_id', '=', scope.familyId).orderBy('b.opened_at', 'desc').orderBy('b.id', 'desc').execute();
  return { items: rows.map((r) => presentGrant(r, scope.now)), nextCursor: null };
}

/** The holder closes their grant as soon as the danger is handled; the review still follows. */
export async function closeBreakGlass(scope: FamilyScope, id: string, expectedVersion: number | null): Promise<BreakGlassGrant> {
  const current = assertVersion(
    await scope.db.selectFrom('break_glass_grants').selectAll().where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion,
  );
  scope.audit.resourceId = id;
  if (current.user_id !== scope.actor.userId) throw new AppError('FORBIDDEN', 'Only the professional who opened it can close a break-the-glass.');
  if (current.closed_at || new Date(current.expires_at) <= scope.now) throw new AppError('CONFLICT', 'This break-the-glass has already ended.');
  await scope.db.updateTable('break_glass_grants').set({ closed_at: scope.now, version: current.version + 1 }).where('id', '=', id).execute();
  return grantById(scope, id);
}
