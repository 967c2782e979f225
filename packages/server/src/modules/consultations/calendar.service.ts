import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { MyConsultation, PageQuery } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import type { FamilyActor, ProfessionalActor, SignedInActor } from '../../platform/auth/actor';
import { hashToken } from '../../platform/auth/sessions';
import { recordReads } from '../../platform/audit/audit-batcher';
import { loadSights } from '../../platform/access/sight';
import { visibleFamilies } from '../../platform/access/visible-families';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/http/app-error';
import type { AccessPoint, AccountContext } from '../../platform/http/request-context';
import { decodeCursor, page } from '../../platform/http/cursor';
import { familyNameDatum } from '../families';
import { consultationDatum, selectConsultations, type ConsultationRow } from './consultation.presenter';
import { icsCalendar, type IcsEvent } from './ics';

/** Where people open the app (as the mail links do): the base of every link that leaves the system. */
function appUrl(): string {
  const base = process.env.GEZINSPLAN_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8080}/`;
  return base.endsWith('/') ? base : `${base}/`;
}

export const consultationPath = (familyId: string, id: string) => `gezinnen/${familyId}/overleg/${id}`;

/**
 * The calendar event of a consultation. It leaves the system (calendar apps, mail), so it says only that there is
 * a joint consultation and links to it: no family name, no BSN, no agenda. The place or video link is needed to get
 * there; professionals' names and work addresses are the invitation itself.
 */
async function eventOf(db: Db, c: ConsultationRow, now: Date): Promise<IcsEvent> {
  const attendees = c.invited_user_ids.length === 0 ? [] : await db.selectFrom('users').select(['id', 'name', 'email'])
    .where('id', 'in', c.invited_user_ids).where('organisation_id', 'is not', null).execute();
  const url = new URL(consultationPath(c.family_id, c.id), appUrl()).toString();
  return {
    uid: `${c.id}@gezinsplan`, sequence: c.sequence, status: c.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED', stamp: now,
    start: new Date(c.starts_at), end: new Date(c.ends_at),
    summary: 'Gezamenlijk consult (Gezinsplan)',
    description: `Gezamenlijk consult. De agenda en de gegevens staan in Gezinsplan: ${url}`,
    location: [c.location, c.video_url].filter(Boolean).join(' · '), url,
    organiser: { name: c.organiser_name, email: c.organiser_email },
    attendees: c.invited_user_ids.flatMap((id) => attendees.filter((a) => a.id === id && id !== c.organiser_user_id)),
  };
}

/** The invitation for one consultation (METHOD:REQUEST), or its cancellation (METHOD:CANCEL). */
export async function invitationIcs(scope: FamilyScope, id: string): Promise<string> {
  scope.audit.resourceId = id;
  const row = await selectConsultations(scope.db).where('c.family_id', '=', scope.familyId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  scope.require(consultationDatum(scope, row));
  return icsCalendar([await eventOf(scope.db, row, scope.now)], { method: row.status === 'cancelled' ? 'CANCEL' : 'REQUEST' });
}

/** The consultations someone is invited to in families they may see now: a professional on the team, a member in their own family. */
function invitedTo(db: Db, actor: SignedInActor) {
  const q = selectConsultations(db);
  return actor.kind === 'professional'
    ? q.where(sql<boolean>`c.invited_user_ids @> array[${actor.userId}]::uuid[]`).where('c.family_id', 'in', visibleFamilies(db, actor))
    : q.where(sql<boolean>`c.invited_member_ids @> array[${actor.memberId}]::uuid[]`).where('c.family_id', '=', actor.familyId);
}

async function auditListed(db: Db, actor: SignedInActor, rows: readonly ConsultationRow[], eventType: string, accessPoint: AccessPoint, now: Date): Promise<void> {
  await recordReads(db, rows.map((c) => ({
    action: 'R' as const, eventType, outcome: 'success' as const, actor, familyId: c.family_id, resourceType: 'consultation', resourceId: c.id,
    accessPoint, checks: { authorisation: true, careRelationship: actor.kind === 'professional', consent: true, emergency: false }, occurredAt: now,
  })));
}

/** Who a feed token belongs to, as the actor the audit log records; null for a token that is not (or no longer) valid. */
async function feedOwner(db: Db, token: string): Promise<SignedInActor | null> {
  const row = await db.selectFrom('calendar_feed_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.roles', 'u.organisation_id', 'o.name as organisation_name', 'u.member_id', 'u.family_id'])
    .where('t.token_hash', '=', hashToken(token)).where('u.active', '=', true).executeTakeFirst();
  if (!row) return null;
  const base = { userId: row.id, name: row.name, email: row.email, sessionHash: '', csrfToken: '', secondFactor: 'not-needed' as const };
  if (row.member_id && row.family_id) return { kind: 'family', ...base, memberId: row.member_id, familyId: row.family_id } satisfies FamilyActor;
  return { kind: 'professional', ...base, organisationId: row.organisation_id!, organisationName: row.organisation_name ?? '', roles: row.roles as ProfessionalActor['roles'] };
}

/**
 * My calendar feed: the consultations I am invited to, from 90 days back, cancelled ones marked so calendar apps
 * remove them. Reached with my session, or with my personal feed token (a secret) for a calendar app without one.
 * Each consultation in it is audited as read in its family's chain.
 */
export async function calendarFeed(ctx: { db: Db; actor: SignedInActor | null; accessPoint: AccessPoint; now: Date }, token: string | undefined): Promise<string> {
  // A session still waiting for its second factor opens nothing here either.
  const session = ctx.actor && ctx.actor.secondFactor !== 'pending' && ctx.actor.secondFactor !== 'enrolment-required' ? ctx.actor : null;
  const actor = token !== undefined ? await feedOwner(ctx.db, token) : session;
  if (!actor) throw new AppError('UNAUTHENTICATED', token !== undefined ? 'This calendar link is not valid (any more); make a new one in Gezinsplan.' : 'Sign in first, or use your calendar link.');
  const rows = await invitedTo(ctx.db, actor).where('c.ends_at', '>', new Date(ctx.now.getTime() - 90 * 86_400_000))
    .orderBy('c.starts_at').orderBy('c.id').limit(500).execute();
  await auditListed(ctx.db, actor, rows, 'consultation.feed-read', ctx.accessPoint, ctx.now);
  const events = [];
  for (const row of rows) events.push(await eventOf(ctx.db, row, ctx.now));
  return icsCalendar(events, { name: 'Gezinsplan' });
}

/** A new personal feed token; the old one stops working. Shown once: only its hash is kept. */
export async function rotateFeedToken(ctx: AccountContext) {
  const token = randomBytes(24).toString('base64url');
  await ctx.db.insertInto('calendar_feed_tokens').values({ user_id: ctx.actor.userId, token_hash: hashToken(token), created_at: ctx.now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: hashToken(token), created_at: ctx.now })).execute();
  const feedUrl = new URL(`api/v1/me/calendar.ics?token=${token}`, appUrl()).toString();
  return { token, feedUrl, createdAt: ctx.now.toISOString() };
}

export async function feedTokenStatus(ctx: AccountContext) {
  const row = await ctx.db.selectFrom('calendar_feed_tokens').select('created_at').where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  return { active: row !== undefined, createdAt: row ? new Date(row.created_at).toISOString() : null };
}

/** Stops the feed link working, without a new one. */
export async function revokeFeedToken(ctx: AccountContext): Promise<void> {
  await ctx.db.deleteFrom('calendar_feed_tokens').where('user_id', '=', ctx.actor.userId).execute();
}

/**
 * The planned consultations I am invited to that have not ended, soonest first, for Mijn werk. The family's name
 * only where its sharing with my organisation allows; each one shown is audited as read.
 */
export async function myConsultations(ctx: AccountContext, query: PageQuery): Promise<{ items: MyConsultation[]; nextCursor: string | null }> {
  let q = invitedTo(ctx.db, ctx.actor).innerJoin('families as f', 'f.id', 'c.family_id').select(['f.name as family_name', 'f.organisation_id as family_organisation_id'])
    .where('c.status', '=', 'planned').where('c.ends_at', '>', ctx.now);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(sql<boolean>`(c.starts_at, c.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q.orderBy('c.starts_at').orderBy('c.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.starts_at).toISOString(), last.id]);
  const actor = ctx.actor;
  const sights = actor.kind === 'professional' ? await loadSights(ctx.db, actor, result.items.map((r) => r.family_id), ctx.now) : null;
  await auditListed(ctx.db, actor, result.items, 'consultation.my-listed', ctx.accessPoint, ctx.now);
  return {
    items: result.items.map((c) => ({
      id: c.id, familyId: c.family_id,
      familyName: actor.kind === 'family' || sights?.get(c.family_id)?.sees(familyNameDatum({ organisation_id: c.family_organisation_id })) ? c.family_name : null,
      status: 'planned' as const, startsAt: new Date(c.starts_at).toISOString(), endsAt: new Date(c.ends_at).toISOString(),
      location: c.location, videoUrl: c.video_url, organiserName: c.organiser_name,
    })),
    nextCursor: result.nextCursor,
  };
}
