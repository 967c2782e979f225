import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, SecondFactorState } from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { SignedInActor } from './actor';

export const SESSION_COOKIE = 'gp_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Sliding the idle window costs a write; once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: string, now: Date, secondFactor: SecondFactorState = 'not-needed'): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      second_factor: secondFactor,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Replaces a session by a fresh one once the second factor is passed: a token seen before the step up (planted,
 * or read over a shoulder) is worth nothing after it. The session's 12-hour limit still counts from sign-in.
 */
export async function stepUpSession(db: Db, sessionHash: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const old = await db.deleteFrom('sessions').where('token_hash', '=', sessionHash).returning(['user_id', 'created_at', 'expires_at']).executeTakeFirstOrThrow();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insertInto('sessions').values({
    token_hash: hashToken(token), user_id: old.user_id, csrf_token: csrfToken, second_factor: 'verified',
    created_at: old.created_at, last_seen_at: now, expires_at: old.expires_at,
  }).execute();
  return { token, csrfToken };
}

export type SessionLookup = { actor: SignedInActor } | { expired: true } | null;

/** Finds the session's actor; ends sessions that are idle for 30 minutes or older than 12 hours. */
export async function loadSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.csrf_token', 's.second_factor', 's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.name', 'u.email', 'u.roles',
      'u.active', 'u.organisation_id', 'o.name as organisation_name', 'u.member_id', 'u.family_id',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleFor = now.getTime() - new Date(row.last_seen_at).getTime();
  if (!row.active || idleFor > IDLE_TIMEOUT_MS || now >= new Date(row.expires_at)) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return { expired: true };
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  const session = {
    userId: row.user_id, name: row.name, email: row.email, sessionHash: tokenHash, csrfToken: row.csrf_token,
    secondFactor: row.second_factor as SecondFactorState,
  };
  if (row.member_id && row.family_id) return { actor: { kind: 'family', ...session, memberId: row.member_id, familyId: row.family_id } };
  return {
    actor: {
      kind: 'professional',
      userId: row.user_id,
      name: row.name,
      email: row.email,
      organisationId: row.organisation_id!,
      organisationName: row.organisation_name!,
      roles: row.roles as Role[],
      sessionHash: tokenHash,
      csrfToken: row.csrf_token,
      secondFactor: session.secondFactor,
    },
  };
}

export async function endSession(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
