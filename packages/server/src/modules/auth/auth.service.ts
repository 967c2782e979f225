import { twoFactorRequired, type Role, type SecondFactorState } from '@gezinsplan/domain';
import { AppError } from '../../platform/http/app-error';
import type { PublicContext } from '../../platform/http/define-route';
import type { AccountContext } from '../../platform/http/request-context';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../../platform/audit/audit-writer';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords';
import { createSession, endSession } from '../../platform/auth/sessions';
import { findSignedInUser } from '../users';

const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;
const NO_CHECKS = { authorisation: false, careRelationship: false, consent: false, emergency: false };

function loginEvent(ctx: PublicContext, outcome: AuditEvent['outcome'], userId: string | null, reason?: string): AuditEvent {
  return {
    action: 'E', eventType: 'auth.login', outcome, actor: null, familyId: null, resourceType: 'session',
    resourceId: userId, accessPoint: ctx.accessPoint, purpose: 'authentication',
    checks: { ...NO_CHECKS, authorisation: outcome === 'success' }, detail: reason ? { reason } : {},
  };
}

/**
 * Signs a professional in. Unknown email, wrong password and deactivated account all answer the same, after the
 * same amount of hashing work; five failures in a row lock the account for 15 minutes.
 */
export async function login(ctx: PublicContext, email: string, password: string) {
  const row = await ctx.db.selectFrom('users as u').leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.password_hash', 'u.active', 'u.failed_logins', 'u.locked_until', 'u.roles', 'u.member_id', 'u.totp_secret', 'o.require_two_factor'])
    .where('u.email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!row) {
    await verifyPassword(await dummyPasswordHash(), password);
    await writeAuditAlone(ctx.db, [loginEvent(ctx, 'denied', null, 'unknown-account')]);
    throw new AppError('INVALID_CREDENTIALS', 'Check your email address and password.');
  }
  if (row.locked_until && new Date(row.locked_until) > ctx.now) {
    await writeAuditAlone(ctx.db, [loginEvent(ctx, 'denied', row.id, 'locked')]);
    const seconds = Math.ceil((new Date(row.locked_until).getTime() - ctx.now.getTime()) / 1000);
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed attempts; try again later.', undefined, { 'retry-after': String(seconds) });
  }
  const ok = (await verifyPassword(row.password_hash, password)) && row.active;
  if (!ok) {
    const failures = row.failed_logins + 1;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set(failures >= MAX_FAILURES
        ? { failed_logins: 0, locked_until: new Date(ctx.now.getTime() + LOCK_MS) }
        : { failed_logins: failures }).where('id', '=', row.id).execute();
      await writeAudit(tx, [loginEvent(ctx, 'denied', row.id, row.active ? 'wrong-password' : 'inactive')], ctx.now);
    });
    throw new AppError('INVALID_CREDENTIALS', 'Check your email address and password.');
  }
  // The password is only the first step when a second factor is set up, or required but not yet set up.
  const required = twoFactorRequired(row.member_id
    ? { kind: 'family' }
    : { kind: 'professional', roles: row.roles as Role[], organisationRequires: row.require_two_factor ?? false });
  const secondFactor: SecondFactorState = row.totp_secret ? 'pending' : required ? 'enrolment-required' : 'not-needed';
  const session = await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, second_factor_failures: 0 }).where('id', '=', row.id).execute();
    const created = await createSession(tx, row.id, ctx.now, secondFactor);
    await writeAudit(tx, [{ ...loginEvent(ctx, 'success', row.id), detail: { secondFactor } }], ctx.now);
    return created;
  });
  return { session, user: (await findSignedInUser(ctx.db, row.id))!, secondFactor };
}

export async function logout(ctx: AccountContext): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await endSession(tx, ctx.actor.sessionHash);
    await writeAudit(tx, [{
      action: 'E', eventType: 'auth.logout', outcome: 'success', actor: ctx.actor, familyId: null, resourceType: 'session',
      resourceId: ctx.actor.userId, accessPoint: ctx.accessPoint, purpose: 'authentication',
      checks: { ...NO_CHECKS, authorisation: true },
    }], ctx.now);
  });
}
