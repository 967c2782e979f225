import { v7 as uuidv7 } from 'uuid';
import { renderSVG } from 'uqr';
import { RECOVERY_CODE_COUNT, twoFactorRequired, type Role, type SecondFactorAnswer } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { AccountContext, RequestContext } from '../../platform/http/request-context';
import type { HttpSide } from '../../platform/http/define-route';
import { AppError, notFound } from '../../platform/http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../../platform/audit/audit-writer';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { randomCode } from '../../platform/auth/random-code';
import { endSession, SESSION_COOKIE, stepUpSession } from '../../platform/auth/sessions';
import { newTotpSecret, totpUri, verifyTotp } from '../../platform/auth/totp';
import { findSignedInUser } from '../users';

const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;

function accountEvent(ctx: Pick<AccountContext, 'actor' | 'accessPoint'>, eventType: string, outcome: AuditEvent['outcome'], detail: Record<string, unknown> = {}, userId?: string): AuditEvent {
  return {
    action: 'E', eventType, outcome, actor: ctx.actor, familyId: null, resourceType: 'user', resourceId: userId ?? ctx.actor.userId,
    accessPoint: ctx.accessPoint, purpose: 'authentication',
    checks: { authorisation: outcome === 'success', careRelationship: false, consent: false, emergency: false }, detail,
  };
}

async function factsOf(db: Db, userId: string) {
  const row = await db.selectFrom('users as u').leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.roles', 'u.member_id', 'u.totp_secret', 'u.totp_pending_secret', 'u.totp_enabled_at', 'u.totp_last_step',
      'u.second_factor_failures', 'o.require_two_factor'])
    .where('u.id', '=', userId).executeTakeFirstOrThrow();
  const required = twoFactorRequired(row.member_id ? { kind: 'family' } : { kind: 'professional', roles: row.roles as Role[], organisationRequires: row.require_two_factor ?? false });
  return { ...row, required };
}

async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const { n } = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(n);
}

export async function twoFactorStatus(ctx: AccountContext) {
  const f = await factsOf(ctx.db, ctx.actor.userId);
  return {
    enabled: f.totp_secret !== null, required: f.required,
    enabledAt: f.totp_enabled_at ? new Date(f.totp_enabled_at).toISOString() : null,
    recoveryCodesLeft: await recoveryCodesLeft(ctx.db, ctx.actor.userId),
  };
}

/** Starts setting up an authenticator app: a new secret, kept aside until a first code proves the app has it. */
export async function startEnrolment(ctx: AccountContext) {
  const f = await factsOf(ctx.db, ctx.actor.userId);
  if (f.totp_secret) throw new AppError('CONFLICT', 'Two-factor sign-in is already on; turn it off first to move to another app.');
  const secret = newTotpSecret();
  const otpauthUri = totpUri(secret, f.email);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', ctx.actor.userId).execute();
    await writeAudit(tx, [accountEvent(ctx, 'two-factor.enrolment-started', 'success')], ctx.now);
  });
  return { secret, otpauthUri, qrSvg: renderSVG(otpauthUri, { border: 2 }) };
}

/** Ten fresh one-time recovery codes in place of any earlier ones; only their hashes are kept. */
async function renewRecoveryCodes(tx: Db, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomCode(10, 5));
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const hashes = await Promise.all(codes.map((c) => hashPassword(c.code)));
  await tx.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ id: uuidv7(), user_id: userId, code_hash, created_at: now }))).execute();
  return codes.map((c) => c.display);
}

/** Signs the session up to `verified` under a fresh token, and answers as sign-in does. */
async function stepUp(ctx: AccountContext, tx: Db, http: HttpSide) {
  const session = await stepUpSession(tx, ctx.actor.sessionHash, ctx.now);
  http.setCookie(SESSION_COOKIE, session.token, {});
  return session.csrfToken;
}

/** Confirms the set-up with a first code from the app: two-factor sign-in is on, and the recovery codes are shown once. */
export async function confirmEnrolment(ctx: AccountContext, code: string, http: HttpSide) {
  const f = await factsOf(ctx.db, ctx.actor.userId);
  if (!f.totp_pending_secret) throw new AppError('CONFLICT', 'Start setting up two-factor sign-in first.');
  const step = verifyTotp(f.totp_pending_secret, code, ctx.now, null);
  if (step === null) {
    await writeAuditAlone(ctx.db, [accountEvent(ctx, 'two-factor.enabled', 'denied', { reason: 'wrong-code' })]);
    throw new AppError('UNPROCESSABLE', 'This code does not match; check the time on your phone and try the next code.', [{ pointer: '/body/code', detail: 'wrong code' }]);
  }
  const result = await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set((eb) => ({
      totp_secret: f.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: ctx.now, totp_last_step: step, second_factor_failures: 0,
      version: eb('version', '+', 1),
    })).where('id', '=', ctx.actor.userId).execute();
    const recoveryCodes = await renewRecoveryCodes(tx, ctx.actor.userId, ctx.now);
    const csrfToken = await stepUp(ctx, tx, http);
    await writeAudit(tx, [accountEvent(ctx, 'two-factor.enabled', 'success')], ctx.now);
    return { recoveryCodes, csrfToken };
  });
  return { user: (await findSignedInUser(ctx.db, ctx.actor.userId))!, csrfToken: result.csrfToken, secondFactor: 'verified' as const, recoveryCodes: result.recoveryCodes };
}

/** Checks a code from the app (each counts once), or spends one recovery code. */
async function checkAnswer(tx: Db, f: Awaited<ReturnType<typeof factsOf>>, answer: SecondFactorAnswer, now: Date): Promise<{ ok: boolean; method: string }> {
  if (!f.totp_secret) return { ok: false, method: 'none' };
  if (answer.code) {
    const step = verifyTotp(f.totp_secret, answer.code, now, f.totp_last_step);
    if (step !== null) await tx.updateTable('users').set({ totp_last_step: step }).where('id', '=', f.id).execute();
    return { ok: step !== null, method: 'totp' };
  }
  const unused = await tx.selectFrom('recovery_codes').select(['id', 'code_hash']).where('user_id', '=', f.id).where('used_at', 'is', null).forUpdate().execute();
  for (const candidate of unused) {
    if (await verifyPassword(candidate.code_hash, answer.recoveryCode!)) {
      await tx.updateTable('recovery_codes').set({ used_at: now }).where('id', '=', candidate.id).execute();
      return { ok: true, method: 'recovery-code' };
    }
  }
  return { ok: false, method: 'recovery-code' };
}

/**
 * The second step of signing in. Five wrong answers in a row end the session and lock the account for 15 minutes,
 * as five wrong passwords do.
 */
export async function answerSecondFactor(ctx: AccountContext, answer: SecondFactorAnswer, http: HttpSide) {
  if (ctx.actor.secondFactor !== 'pending') throw new AppError('CONFLICT', 'This session is not waiting for a code.');
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const f = await factsOf(tx, ctx.actor.userId);
    const checked = await checkAnswer(tx, f, answer, ctx.now);
    if (!checked.ok) return { ...checked, csrfToken: null, failures: f.second_factor_failures + 1 };
    await tx.updateTable('users').set({ second_factor_failures: 0 }).where('id', '=', f.id).execute();
    const csrfToken = await stepUp(ctx, tx, http);
    const left = await recoveryCodesLeft(tx, f.id);
    await writeAudit(tx, [accountEvent(ctx, 'auth.second-factor', 'success', { method: checked.method, recoveryCodesLeft: left })], ctx.now);
    return { ...checked, csrfToken, failures: 0 };
  });
  if (!outcome.ok) {
    const locked = outcome.failures >= MAX_FAILURES;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set(locked ? { second_factor_failures: 0, locked_until: new Date(ctx.now.getTime() + LOCK_MS) } : { second_factor_failures: outcome.failures })
        .where('id', '=', ctx.actor.userId).execute();
      if (locked) await endSession(tx, ctx.actor.sessionHash);
      await writeAudit(tx, [accountEvent(ctx, 'auth.second-factor', 'denied', { method: outcome.method, reason: locked ? 'locked' : 'wrong-code' })], ctx.now);
    });
    if (locked) {
      http.setCookie(SESSION_COOKIE, '', { clear: true });
      throw new AppError('ACCOUNT_LOCKED', 'Too many wrong codes; try again later.', undefined, { 'retry-after': String(LOCK_MS / 1000) });
    }
    throw new AppError('UNPROCESSABLE', 'This code is not right (or was used already). Try the next code from your app.', [{ pointer: answer.code ? '/body/code' : '/body/recoveryCode', detail: 'wrong code' }]);
  }
  return { user: (await findSignedInUser(ctx.db, ctx.actor.userId))!, csrfToken: outcome.csrfToken!, secondFactor: 'verified' as const };
}

/** Proves, with a current code, that the person at the keyboard holds the app before a change to it. */
async function assertCurrentCode(ctx: AccountContext, tx: Db, code: string): Promise<Awaited<ReturnType<typeof factsOf>>> {
  const f = await factsOf(tx, ctx.actor.userId);
  if (!f.totp_secret) throw new AppError('CONFLICT', 'Two-factor sign-in is not on.');
  const step = verifyTotp(f.totp_secret, code, ctx.now, f.totp_last_step);
  if (step === null) throw new AppError('UNPROCESSABLE', 'This code is not right (or was used already).', [{ pointer: '/body/code', detail: 'wrong code' }]);
  await tx.updateTable('users').set({ totp_last_step: step }).where('id', '=', f.id).execute();
  return f;
}

export async function newRecoveryCodes(ctx: AccountContext, code: string) {
  return ctx.db.transaction().execute(async (tx) => {
    await assertCurrentCode(ctx, tx, code);
    const recoveryCodes = await renewRecoveryCodes(tx, ctx.actor.userId, ctx.now);
    await writeAudit(tx, [accountEvent(ctx, 'two-factor.recovery-codes-renewed', 'success')], ctx.now);
    return { recoveryCodes };
  });
}

/** Turns two-factor sign-in off: only for whom it is not required (a family member, most professionals). */
export async function disableTwoFactor(ctx: AccountContext, code: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const f = await assertCurrentCode(ctx, tx, code);
    if (f.required) throw new AppError('FORBIDDEN', 'Your role or your organisation requires two-factor sign-in.');
    await clearTwoFactor(tx, f.id);
    await writeAudit(tx, [accountEvent(ctx, 'two-factor.disabled', 'success')], ctx.now);
  });
}

async function clearTwoFactor(tx: Db, userId: string): Promise<void> {
  await tx.updateTable('users').set((eb) => ({
    totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, second_factor_failures: 0, version: eb('version', '+', 1),
  })).where('id', '=', userId).execute();
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/**
 * For someone who lost both their phone and their recovery codes: an admin (or their own organisation's org-admin)
 * clears the second factor and ends their sessions; at the next sign-in they set it up again if it is required.
 */
export async function resetTwoFactor(ctx: RequestContext, userId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const target = await tx.selectFrom('users').select(['id', 'organisation_id', 'roles']).where('id', '=', userId).executeTakeFirst();
    const isAdmin = ctx.actor.roles.includes('admin');
    if (!target || !target.organisation_id || (!isAdmin && target.organisation_id !== ctx.actor.organisationId)) throw notFound();
    if (!isAdmin && target.roles.includes('admin')) throw new AppError('FORBIDDEN', "Only an admin resets an admin's second factor.");
    await clearTwoFactor(tx, userId);
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await writeAudit(tx, [{ ...accountEvent(ctx, 'two-factor.reset', 'success', {}, userId), action: 'U', purpose: 'administration' }], ctx.now);
  });
}
