import { v7 as uuidv7 } from 'uuid';
import type { AcceptInvitation } from '@gezinsplan/domain';
import type { PublicContext } from '../../platform/http/define-route';
import type { Db } from '../../platform/db/database';
import type { FamilyActor } from '../../platform/auth/actor';
import { AppError } from '../../platform/http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../../platform/audit/audit-writer';
import { hashPassword } from '../../platform/auth/passwords';
import { createSession } from '../../platform/auth/sessions';
import { appendTimeline } from '../timeline';
import { assertAcceptablePassword, findSignedInUser } from '../users';
import { invitationCodeHash } from './invitation-code';

const NO_CHECKS = { authorisation: false, careRelationship: false, consent: false, emergency: false };
const invalid = () => new AppError('NOT_FOUND', 'This invitation code is not valid: it may have expired, been used, or been withdrawn.');

/** An open, unexpired invitation with this code, with the member it is for. */
function findOpen(db: Db, code: string, now: Date) {
  return db.selectFrom('family_invitations as i').innerJoin('members as m', 'm.id', 'i.member_id')
    .select(['i.id', 'i.family_id', 'i.member_id', 'i.expires_at', 'i.version', 'm.given_name', 'm.family_name'])
    .where('i.code_hash', '=', invitationCodeHash(code)).where('i.status', '=', 'open').where('i.expires_at', '>', now);
}

/** A wrong code is recorded on the system chain, so guessing shows up in the log like failed sign-ins do. */
function refused(ctx: PublicContext, eventType: string): AuditEvent {
  return {
    action: 'E', eventType, outcome: 'denied', actor: null, familyId: null, resourceType: 'invitation', resourceId: null,
    accessPoint: ctx.accessPoint, purpose: 'authentication', checks: NO_CHECKS, detail: { reason: 'invalid-code' },
  };
}

/** Before choosing a password: whom the code is for (the given name only) and until when it is valid. */
export async function previewInvitation(ctx: PublicContext, code: string) {
  const row = await findOpen(ctx.db, code, ctx.now).executeTakeFirst();
  if (!row) {
    await writeAuditAlone(ctx.db, [refused(ctx, 'invitation.previewed')]);
    throw invalid();
  }
  return { givenName: row.given_name, expiresAt: new Date(row.expires_at).toISOString() };
}

/**
 * Accepts an invitation: the member chooses their email address and password, gets an account for their own family's
 * file, and is signed in. The code is spent in the same transaction, so it works exactly once.
 */
export async function acceptInvitation(ctx: PublicContext, input: AcceptInvitation) {
  assertAcceptablePassword(input.password, '/body/password');
  const passwordHash = await hashPassword(input.password);
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const invitation = await findOpen(tx, input.code, ctx.now).forUpdate().executeTakeFirst();
    if (!invitation) return null;
    const taken = await tx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'This email address is already in use; choose another one.', [{ pointer: '/body/email', detail: 'already in use' }]);
    const userId = uuidv7();
    const name = `${invitation.given_name} ${invitation.family_name}`;
    await tx.insertInto('users').values({
      id: userId, organisation_id: null, member_id: invitation.member_id, family_id: invitation.family_id, email: input.email,
      name, password_hash: passwordHash, roles: ['family'],
    }).execute();
    await tx.updateTable('family_invitations').set({ status: 'accepted', accepted_at: ctx.now, user_id: userId, version: invitation.version + 1 })
      .where('id', '=', invitation.id).execute();
    const session = await createSession(tx, userId, ctx.now);
    const actor: FamilyActor = {
      kind: 'family', userId, name, email: input.email, familyId: invitation.family_id, memberId: invitation.member_id, sessionHash: '', csrfToken: '',
      secondFactor: 'not-needed',
    };
    await appendTimeline({ db: tx, familyId: invitation.family_id, actor, now: ctx.now }, {
      kind: 'member', event: 'account.created', data: { invitationId: invitation.id, memberId: invitation.member_id }, memberIds: [invitation.member_id],
    });
    await writeAudit(tx, [{
      action: 'C', eventType: 'family-account.created', outcome: 'success', actor, familyId: invitation.family_id, memberId: invitation.member_id,
      resourceType: 'user', resourceId: userId, accessPoint: ctx.accessPoint, purpose: 'authentication',
      checks: { ...NO_CHECKS, authorisation: true }, detail: { invitationId: invitation.id },
    }], ctx.now);
    return { session, userId };
  });
  if (!outcome) {
    await writeAuditAlone(ctx.db, [refused(ctx, 'invitation.accepted')]);
    throw invalid();
  }
  return { session: outcome.session, user: (await findSignedInUser(ctx.db, outcome.userId))! };
}
