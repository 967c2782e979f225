import { v7 as uuidv7 } from 'uuid';
import {
  consentIsEffective, consentRequirement, decidesFor, describeConsent, fixedCategoryPlainNl, isFixedCategory, todayInNetherlands,
  type ChangeConsent, type Consent, type ConsentMember, type GiveConsent,
} from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { assertLifeDomains } from '../catalogues';
import { appendTimeline } from '../timeline';
import { assertMembersOfFamily } from '../families';
import { notify } from '../notifications';

function selectConsents(db: Db, familyId: string) {
  return db.selectFrom('consents as c').leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('members as rm', 'rm.id', 'c.recipient_member_id')
    .select(['c.id', 'c.family_id', 'c.member_id', 'c.organisation_id', 'o.name as organisation_name', 'c.recipient_member_id',
      'rm.given_name as recipient_given_name', 'c.categories', 'c.purpose',
      'c.valid_from', 'c.valid_until', 'c.given_by', 'c.status', 'c.version', 'c.created_at', 'c.withdrawn_at'])
    .where('c.family_id', '=', familyId);
}
type ConsentRow = Awaited<ReturnType<ReturnType<typeof selectConsents>['execute']>>[number];

async function categoryNames(db: Db): Promise<Map<string, string>> {
  const domains = await db.selectFrom('life_domains').select(['code', 'plain_nl']).execute();
  return new Map<string, string>([...domains.map((d) => [d.code, d.plain_nl] as const), ...Object.entries(fixedCategoryPlainNl)]);
}

/** Presents a consent with today's verdict under the age rules; the verdict is never stored, always computed. */
function present(r: ConsentRow, members: readonly ConsentMember[], names: Map<string, string>, today: string): Consent {
  const subject = members.find((m) => m.id === r.member_id)!;
  const requirement = consentRequirement(subject, members, today);
  const agreed = consentIsEffective(requirement, r.given_by);
  const inPeriod = r.valid_from <= today && (r.valid_until === null || today <= r.valid_until);
  const stillNeeded: Consent['stillNeeded'] = [];
  if (r.status === 'active' && !agreed) {
    if (requirement.band !== '16-plus' && !requirement.anyOf.some((id) => r.given_by.includes(id))) {
      stillNeeded.push({ memberIds: requirement.anyOf, reason: 'parent-with-custody' });
    }
    if (requirement.self && !r.given_by.includes(requirement.self)) stillNeeded.push({ memberIds: [requirement.self], reason: 'self' });
  }
  const recipientName = r.organisation_name ?? r.recipient_given_name ?? '';
  return {
    id: r.id, familyId: r.family_id, memberId: r.member_id,
    organisation: r.organisation_id ? { id: r.organisation_id, name: recipientName } : null,
    recipientMember: r.recipient_member_id ? { id: r.recipient_member_id, name: recipientName } : null,
    categories: r.categories, purpose: r.purpose, validFrom: r.valid_from, validUntil: r.valid_until, givenBy: r.given_by,
    status: r.status as Consent['status'], effective: r.status === 'active' && inPeriod && agreed, stillNeeded,
    description: describeConsent(recipientName, r.categories.map((c) => names.get(c) ?? c), r.valid_until),
    version: r.version, createdAt: new Date(r.created_at).toISOString(), withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
  };
}

async function presentOne(scope: FamilyScope, id: string): Promise<Consent> {
  const row = await selectConsents(scope.db, scope.familyId).where('c.id', '=', id).executeTakeFirstOrThrow();
  return present(row, scope.household, await categoryNames(scope.db), todayInNetherlands(scope.now));
}

export async function listConsents(scope: FamilyScope, memberId: string | undefined) {
  let q = selectConsents(scope.db, scope.familyId);
  if (memberId) q = q.where('c.member_id', '=', memberId);
  const rows = await q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
  const members = scope.household;
  const names = await categoryNames(scope.db);
  const today = todayInNetherlands(scope.now);
  return { items: rows.filter((r) => concernsViewer(scope, r, today)).map((r) => present(r, members, names, today)), nextCursor: null };
}

/**
 * A family member sees the consents about themselves, those that let them see someone's data, and those they decide
 * on (a parent for a child under 16); what a youth of 16 allows others is the youth's own business.
 */
function concernsViewer(scope: FamilyScope, r: { member_id: string; recipient_member_id: string | null }, today: string): boolean {
  if (scope.actor.kind !== 'family') return true;
  const me = scope.actor.memberId;
  const subject = scope.household.find((m) => m.id === r.member_id);
  return r.member_id === me || r.recipient_member_id === me || (subject !== undefined && decidesFor(me, subject, scope.household, today));
}

/**
 * A family member speaks only for themselves: they may record or change consent about a member they decide for
 * under the age rules (themselves from 12, a child under 16 as a parent with gezag), and only as the one agreeing.
 */
function assertFamilyMemberDecides(scope: FamilyScope, subjectId: string, givenBy: readonly string[] | undefined): void {
  if (scope.actor.kind !== 'family') return;
  const subject = scope.household.find((m) => m.id === subjectId);
  if (!subject || !decidesFor(scope.actor.memberId, subject, scope.household, todayInNetherlands(scope.now))) {
    throw new AppError('FORBIDDEN', 'You can decide about consent for yourself, or for a child under 16 as a parent with gezag.');
  }
  if (givenBy && !(givenBy.length === 1 && givenBy[0] === scope.actor.memberId)) {
    throw new AppError('UNPROCESSABLE', 'You can only give your own agreement; the others give theirs themselves.', [{ pointer: '/body/givenBy', detail: 'must be you alone' }]);
  }
}

/**
 * Those a consent change affects hear of it, in the same transaction: the recipient organisation's people on the
 * care team (what they may see changed), or the family member's own account when the consent lets them see
 * another's data. Whoever made the change knows already.
 */
async function tellRecipients(scope: FamilyScope, consent: { id: string; organisation_id: string | null; recipient_member_id: string | null }): Promise<void> {
  const affected = consent.organisation_id
    ? await scope.db.selectFrom('team_members as t').innerJoin('users as u', 'u.id', 't.user_id').select('u.id').distinct()
      .where('t.family_id', '=', scope.familyId).where('t.ended_at', 'is', null)
      .where('u.organisation_id', '=', consent.organisation_id).where('u.active', '=', true).execute()
    : consent.recipient_member_id
      ? await scope.db.selectFrom('users').select('id').where('member_id', '=', consent.recipient_member_id).where('active', '=', true).execute()
      : [];
  for (const user of affected) {
    if (user.id === scope.actor.userId) continue;
    await notify(scope.db, { userId: user.id, familyId: scope.familyId, kind: 'consent.changed', data: { consentId: consent.id } }, scope.now);
  }
}

/** Records what the family agreed to. It counts only while the people the law names for the member's age agree. */
export async function giveConsent(scope: FamilyScope, input: GiveConsent): Promise<Consent> {
  await assertMembersOfFamily(scope.db, scope.familyId, [input.memberId], '/body/memberId');
  await assertMembersOfFamily(scope.db, scope.familyId, input.givenBy, '/body/givenBy');
  assertFamilyMemberDecides(scope, input.memberId, input.givenBy);
  if (input.organisationId) {
    const organisation = await scope.db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) throw new AppError('UNPROCESSABLE', 'No such organisation.', [{ pointer: '/body/organisationId', detail: 'unknown organisation' }]);
  }
  if (input.recipientMemberId) await assertMembersOfFamily(scope.db, scope.familyId, [input.recipientMemberId], '/body/recipientMemberId');
  await assertLifeDomains(scope.db, input.categories.filter((c) => !isFixedCategory(c)), '/body/categories');
  const today = todayInNetherlands(scope.now);
  if (input.validUntil && input.validUntil < today) {
    throw new AppError('VALIDATION_FAILED', 'A consent cannot end in the past.', [{ pointer: '/body/validUntil', detail: 'before today' }]);
  }
  const id = uuidv7();
  await scope.db.insertInto('consents').values({
    id, family_id: scope.familyId, member_id: input.memberId, organisation_id: input.organisationId ?? null,
    recipient_member_id: input.recipientMemberId ?? null, categories: input.categories,
    purpose: input.purpose, valid_from: today, valid_until: input.validUntil ?? null, given_by: input.givenBy, status: 'active',
    recorded_by: scope.actor.userId, created_at: scope.now, updated_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'family', event: 'consent.given', data: { consentId: id, memberId: input.memberId, organisationId: input.organisationId ?? null, recipientMemberId: input.recipientMemberId ?? null } });
  await tellRecipients(scope, { id, organisation_id: input.organisationId ?? null, recipient_member_id: input.recipientMemberId ?? null });
  scope.audit.resourceId = id;
  scope.audit.memberId = input.memberId;
  return presentOne(scope, id);
}

/**
 * Narrows a consent (fewer categories, an earlier end) or adds the agreement of more family members. Widening needs
 * a new consent, so nobody's earlier agreement silently covers more than it said.
 */
export async function changeConsent(scope: FamilyScope, id: string, expectedVersion: number | null, input: ChangeConsent): Promise<Consent> {
  const current = assertVersion(
    await scope.db.selectFrom('consents').selectAll().where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion,
  );
  if (!concernsViewer(scope, current, todayInNetherlands(scope.now))) throw notFound();
  assertFamilyMemberDecides(scope, current.member_id, input.givenBy);
  if (current.status !== 'active') throw new AppError('CONFLICT', 'This consent was withdrawn; record a new one instead.');
  if (input.categories && !input.categories.every((c) => current.categories.includes(c))) {
    throw new AppError('UNPROCESSABLE', 'A consent can only be narrowed; record a new consent to add categories.', [{ pointer: '/body/categories', detail: 'adds categories' }]);
  }
  if (input.validUntil && current.valid_until && input.validUntil > current.valid_until) {
    throw new AppError('UNPROCESSABLE', 'A consent can only end earlier; record a new consent to extend it.', [{ pointer: '/body/validUntil', detail: 'later than before' }]);
  }
  if (input.givenBy) await assertMembersOfFamily(scope.db, scope.familyId, input.givenBy, '/body/givenBy');
  await scope.db.updateTable('consents').set({
    ...(input.categories ? { categories: input.categories } : {}),
    ...(input.validUntil ? { valid_until: input.validUntil } : {}),
    ...(input.givenBy ? { given_by: [...new Set([...current.given_by, ...input.givenBy])] } : {}),
    version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'family', event: 'consent.changed', data: { consentId: id, fields: Object.keys(input) } });
  await tellRecipients(scope, current);
  scope.audit.resourceId = id;
  scope.audit.memberId = current.member_id;
  return presentOne(scope, id);
}

/** Withdraws a consent; the very next request obeys (nothing caches it). */
export async function withdrawConsent(scope: FamilyScope, id: string, expectedVersion: number | null): Promise<Consent> {
  const current = await scope.db.selectFrom('consents').selectAll().where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current || !concernsViewer(scope, current, todayInNetherlands(scope.now))) throw notFound();
  assertVersion(current, expectedVersion);
  assertFamilyMemberDecides(scope, current.member_id, undefined);
  if (current.status === 'withdrawn') throw new AppError('CONFLICT', 'This consent was already withdrawn.');
  await scope.db.updateTable('consents').set({
    status: 'withdrawn', withdrawn_by: scope.actor.userId, withdrawn_at: scope.now, version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'family', event: 'consent.withdrawn', data: { consentId: id } });
  await tellRecipients(scope, current);
  scope.audit.resourceId = id;
  scope.audit.memberId = current.member_id;
  return presentOne(scope, id);
}
