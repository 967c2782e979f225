import { v7 as uuidv7 } from 'uuid';
import { ageOn, FAMILY_ACCOUNT_MIN_AGE, todayInNetherlands, type CreateInvitation, type Invitation } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { appendTimeline } from '../timeline';
import { invitationCodeHash, newInvitationCode } from './invitation-code';

function selectInvitations(db: Db, familyId: string) {
  return db.selectFrom('family_invitations')
    .select(['id', 'family_id', 'member_id', 'status', 'expires_at', 'created_at', 'accepted_at', 'version'])
    .where('family_id', '=', familyId);
}
type InvitationRow = Awaited<ReturnType<ReturnType<typeof selectInvitations>['execute']>>[number];

/** An open invitation past its date is expired; that is computed, never stored, so it cannot go stale. */
function present(r: InvitationRow, now: Date): Invitation {
  const expired = r.status === 'open' && new Date(r.expires_at) <= now;
  return {
    id: r.id, familyId: r.family_id, memberId: r.member_id, status: expired ? 'expired' : r.status as Invitation['status'],
    expiresAt: new Date(r.expires_at).toISOString(), createdAt: new Date(r.created_at).toISOString(),
    acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null, version: r.version,
  };
}

/**
 * The coordinator invites a parent or a youth of 12 or older to their family's file. The code is returned this once
 * and stored only as a hash; a new invitation for the same member replaces an open one.
 */
export async function createInvitation(scope: FamilyScope, input: CreateInvitation) {
  const member = scope.household.find((m) => m.id === input.memberId);
  if (!member) throw new AppError('UNPROCESSABLE', 'This member is not in this family.', [{ pointer: '/body/memberId', detail: 'not in this family' }]);
  if (ageOn(member.birthDate, todayInNetherlands(scope.now)) < FAMILY_ACCOUNT_MIN_AGE) {
    throw new AppError('UNPROCESSABLE', 'Children under 12 do not get an account; a parent with gezag acts for them.', [{ pointer: '/body/memberId', detail: 'younger than 12' }]);
  }
  const account = await scope.db.selectFrom('users').select('id').where('member_id', '=', member.id).executeTakeFirst();
  if (account) throw new AppError('CONFLICT', 'This member already has an account.', [{ pointer: '/body/memberId', detail: 'already has an account' }]);
  await scope.db.updateTable('family_invitations').set((eb) => ({ status: 'revoked', revoked_at: scope.now, revoked_by: scope.actor.userId, version: eb('version', '+', 1) }))
    .where('member_id', '=', member.id).where('status', '=', 'open').execute();
  const { code, display } = newInvitationCode();
  const id = uuidv7();
  await scope.db.insertInto('family_invitations').values({
    id, family_id: scope.familyId, member_id: member.id, code_hash: invitationCodeHash(code), status: 'open',
    expires_at: new Date(scope.now.getTime() + input.validDays * 86_400_000), created_by: scope.actor.userId, created_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'member', event: 'invitation.created', data: { invitationId: id, memberId: member.id }, memberIds: [member.id] });
  scope.audit.resourceId = id;
  scope.audit.memberId = member.id;
  const row = await selectInvitations(scope.db, scope.familyId).where('id', '=', id).executeTakeFirstOrThrow();
  return { ...present(row, scope.now), code: display, link: `/uitnodiging?code=${display}` };
}

export async function listInvitations(scope: FamilyScope) {
  const rows = await selectInvitations(scope.db, scope.familyId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return { items: rows.map((r) => present(r, scope.now)), nextCursor: null };
}

/**
 * Withdraws an invitation; for one already accepted, ends the member's account and signs them out everywhere
 * (when gezag changes, say). The account's history stays in the audit log.
 */
export async function revokeInvitation(scope: FamilyScope, id: string, expectedVersion: number | null): Promise<Invitation> {
  const current = await scope.db.selectFrom('family_invitations').selectAll().where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current) throw notFound();
  assertVersion(current, expectedVersion);
  if (current.status === 'revoked') throw new AppError('CONFLICT', 'This invitation was already withdrawn.');
  if (current.user_id) {
    await scope.db.updateTable('users').set((eb) => ({ active: false, version: eb('version', '+', 1) })).where('id', '=', current.user_id).execute();
    await scope.db.deleteFrom('sessions').where('user_id', '=', current.user_id).execute();
  }
  await scope.db.updateTable('family_invitations').set({ status: 'revoked', revoked_at: scope.now, revoked_by: scope.actor.userId, version: current.version + 1 })
    .where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'member', event: current.user_id ? 'account.ended' : 'invitation.revoked', data: { invitationId: id, memberId: current.member_id }, memberIds: [current.member_id] });
  scope.audit.resourceId = id;
  scope.audit.memberId = current.member_id;
  return present(await selectInvitations(scope.db, scope.familyId).where('id', '=', id).executeTakeFirstOrThrow(), scope.now);
}
