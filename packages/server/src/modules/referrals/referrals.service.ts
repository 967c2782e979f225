import { v7 as uuidv7 } from 'uuid';
import {
  ageOn, checkReferralTransition, receiverSeesReferral, referralOverdue, referralStatuses, referralTransitions, todayInNetherlands,
  type ChangeReferralStatus, type CreateReferral, type Datum, type PageQuery, type Referral, type ReferralSide, type ReferralStatus,
} from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import type { ReferralScope } from '../../platform/access/referral-gate';
import { loadOrganisationSight } from '../../platform/access/sight';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';
import { recordReads } from '../../platform/audit/audit-batcher';
import { familyNameDatum, memberDatum, touchFamily } from '../families';
import { goalDatum } from '../plan';
import { joinByReferral } from '../team';
import { appendTimeline } from '../timeline';
import { notify } from '../notifications';
import { refreshSignalsForFamily } from '../signals';

function selectReferrals(db: Db) {
  return db.selectFrom('referrals as r')
    .innerJoin('users as fu', 'fu.id', 'r.from_user_id')
    .innerJoin('organisations as fo', 'fo.id', 'r.from_organisation_id')
    .innerJoin('organisations as tro', 'tro.id', 'r.to_organisation_id')
    .innerJoin('goals as g', 'g.id', 'r.goal_id')
    .leftJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('users as au', 'au.id', 'r.accepted_by')
    .selectAll('r')
    .select(['fu.name as from_name', 'fu.email as from_email', 'fu.phone as from_phone', 'fo.name as from_organisation_name', 'tro.name as to_organisation_name',
      's.name as service_name', 'au.name as accepted_by_name', 'g.life_domain', 'g.member_ids']);
}
type ReferralRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>['execute']>>[number];

/** For the team, a referral is data of its goal's life domain about the goal's members, written by the referrer. */
const referralDatum = (r: Pick<ReferralRow, 'life_domain' | 'member_ids' | 'from_organisation_id'>): Datum => ({
  category: r.life_domain, authorOrganisationId: r.from_organisation_id, memberIds: r.member_ids,
});

/** The statuses this reader may move the referral to: their side's steps (the referrer's only for the referrer or the coordinator). */
function allowedFor(status: ReferralStatus, side: ReferralSide, mayActForReferrer: boolean): ReferralStatus[] {
  if (side === 'referrer' && !mayActForReferrer) return [];
  return referralStatuses.filter((to) => referralTransitions[status][to] === side);
}

async function present(db: Db, rows: ReferralRow[], side: ReferralSide, viewer: { userId: string; coordinatorOf: Set<string> }, now: Date): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const events = await db.selectFrom('referral_events as e').innerJoin('users as u', 'u.id', 'e.by_user_id').innerJoin('organisations as o', 'o.id', 'e.by_organisation_id')
    .select(['e.referral_id', 'e.status', 'e.note', 'e.created_at', 'u.name', 'o.name as organisation_name'])
    .where('e.referral_id', 'in', rows.map((r) => r.id)).orderBy('e.created_at').orderBy('e.id').execute();
  const today = todayInNetherlands(now);
  return rows.map((r) => {
    const status = r.status as ReferralStatus;
    const requestedOn = r.requested_at ? todayInNetherlands(new Date(r.requested_at)) : null;
    const mayAct = r.from_user_id === viewer.userId || viewer.coordinatorOf.has(r.family_id);
    return {
      id: r.id, familyId: r.family_id, goalId: r.goal_id, status,
      from: { userId: r.from_user_id, name: r.from_name, organisationId: r.from_organisation_id, organisationName: r.from_organisation_name, email: r.from_email, phone: r.from_phone },
      to: { organisationId: r.to_organisation_id, organisationName: r.to_organisation_name },
      service: r.service_id ? { id: r.service_id, name: r.service_name ?? '' } : null,
      shared: r.shared,
      acceptedBy: r.accepted_by ? { userId: r.accepted_by, name: r.accepted_by_name ?? '' } : null,
      history: events.filter((e) => e.referral_id === r.id).map((e) => ({
        status: e.status as ReferralStatus, at: new Date(e.created_at).toISOString(), by: e.name, organisationName: e.organisation_name, note: e.note,
      })),
      requestedAt: r.requested_at ? new Date(r.requested_at).toISOString() : null,
      overdue: referralOverdue(status, requestedOn, today),
      side, allowedTransitions: allowedFor(status, side, mayAct),
      createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
    };
  });
}

async function record(db: Db, r: { id: string; family_id: string }, status: ReferralStatus, note: string, actor: { userId: string; organisationId: string }, now: Date) {
  await db.insertInto('referral_events').values({
    id: uuidv7(), referral_id: r.id, family_id: r.family_id, status, note, by_user_id: actor.userId, by_organisation_id: actor.organisationId, created_at: now,
  }).execute();
}

/**
 * Refers the family, for one goal, to another organisation: what it shares is fixed now and must be what the family
 * consented to share with that organisation (and the organisations' covenant allows). Sent at once unless a draft.
 */
export async function createReferral(scope: FamilyScope, input: CreateReferral): Promise<Referral> {
  const actor = professionalIn(scope);
  const goal = await scope.db.selectFrom('goals').select(['id', 'title', 'life_domain', 'member_ids', 'author_organisation_id', 'author_member_id'])
    .where('family_id', '=', scope.familyId).where('id', '=', input.goalId).executeTakeFirst();
  if (!goal || !scope.sight.peek(goalDatum(goal))) throw new AppError('UNPROCESSABLE', 'Refer for a goal of this family’s plan.', [{ pointer: '/body/goalId', detail: 'not a goal of this plan' }]);
  const to = await scope.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', input.toOrganisationId).executeTakeFirst();
  if (!to) throw new AppError('UNPROCESSABLE', 'Refer to an organisation that takes part.', [{ pointer: '/body/toOrganisationId', detail: 'no such organisation' }]);
  if (input.serviceId) {
    const service = await scope.db.selectFrom('services').select(['id', 'status']).where('id', '=', input.serviceId).where('organisation_id', '=', to.id).executeTakeFirst();
    if (service?.status !== 'active') throw new AppError('UNPROCESSABLE', 'Choose a service this organisation offers now.', [{ pointer: '/body/serviceId', detail: 'not an active service of this organisation' }]);
  }
  // What the receiving organisation would read: the goal as it stands, the referrer's words, and perhaps who it is for.
  const receiver = await loadOrganisationSight(scope.db, scope.familyId, to.id, scope.now);
  const members = goal.member_ids.length === 0 ? [] : await scope.db.selectFrom('members').select(['id', 'given_name', 'birth_date', 'author_organisation_id'])
    .where('family_id', '=', scope.familyId).where('id', 'in', goal.member_ids).execute();
  const family = await scope.db.selectFrom('families').select(['name', 'organisation_id']).where('id', '=', scope.familyId).executeTakeFirstOrThrow();
  const needed: Datum[] = [goalDatum(goal), { category: goal.life_domain, authorOrganisationId: actor.organisationId, memberIds: goal.member_ids }];
  if (input.includeWho) needed.push(familyNameDatum(family), ...members.map(memberDatum));
  if (!needed.every((d) => receiver.peek(d))) {
    throw new AppError('UNPROCESSABLE', `The family has not agreed to share this with ${to.name}; record their consent first (or share less).`,
      [{ pointer: input.includeWho ? '/body/includeWho' : '/body/toOrganisationId', detail: 'not covered by the family’s consent' }]);
  }
  const today = todayInNetherlands(scope.now);
  const shared = {
    goal: { title: goal.title, lifeDomain: goal.life_domain }, reason: input.reason, summary: input.summary,
    familyName: input.includeWho ? family.name : null,
    who: input.includeWho ? members.map((m) => ({ givenName: m.given_name, age: ageOn(m.birth_date, today) })) : [],
  };
  const id = uuidv7();
  const status: ReferralStatus = input.send ? 'requested' : 'draft';
  await scope.db.insertInto('referrals').values({
    id, family_id: scope.familyId, goal_id: goal.id, from_user_id: actor.userId, from_organisation_id: actor.organisationId, to_organisation_id: to.id,
    service_id: input.serviceId ?? null, status, shared: JSON.stringify(shared), requested_at: input.send ? scope.now : null, created_at: scope.now, updated_at: scope.now,
  }).execute();
  await record(scope.db, { id, family_id: scope.familyId }, status, '', actor, scope.now);
  await appendTimeline(scope, { kind: 'plan', event: `referral.${status}`, data: { referralId: id, goalId: goal.id, toOrganisationId: to.id }, lifeDomain: goal.life_domain, memberIds: goal.member_ids });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return (await familyReferrals(scope, id))[0]!;
}

async function familyReferrals(scope: FamilyScope, id?: string): Promise<Referral[]> {
  let q = selectReferrals(scope.db).where('r.family_id', '=', scope.familyId);
  if (id) q = q.where('r.id', '=', id);
  const rows = (await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(200).execute()).filter((r) => scope.sight.sees(referralDatum(r)));
  const coordinatorOf = new Set(scope.can('family:update') ? [scope.familyId] : []);
  return present(scope.db, rows, 'referrer', { userId: scope.actor.userId, coordinatorOf }, scope.now);
}

/** The family's referrals as the team sees them (each as its goal's life domain is shared), newest first. */
export async function listFamilyReferrals(scope: FamilyScope) {
  return { items: await familyReferrals(scope), nextCursor: null };
}

export async function getReferral(scope: ReferralScope): Promise<Referral> {
  const row = await selectReferrals(scope.db).where('r.id', '=', scope.referral.id).executeTakeFirstOrThrow();
  return (await present(scope.db, [row], scope.side, { userId: scope.actor.userId, coordinatorOf: new Set(scope.coordinator ? [row.family_id] : []) }, scope.now))[0]!;
}

/**
 * Moves a referral on, each side its own steps: the referrer (or the coordinator) sends and withdraws, the receiving
 * organisation answers and reports. Accepting puts the accepting professional on the care team; the referrer and the
 * coordinator are told of every change.
 */
export async function changeReferralStatus(scope: ReferralScope, input: ChangeReferralStatus): Promise<Referral> {
  const { referral: r, actor } = scope;
  const refusal = checkReferralTransition(r.status, input.to, scope.side);
  if (refusal === 'not-a-next-status') throw new AppError('CONFLICT', `A referral that is ${r.status} cannot become ${input.to}.`, [{ pointer: '/body/to', detail: refusal }]);
  if (refusal === 'not-your-side') throw new AppError('FORBIDDEN', scope.side === 'receiver' ? 'The referring side takes this step.' : 'The receiving organisation takes this step.', [{ pointer: '/body/to', detail: refusal }]);
  if (scope.side === 'referrer' && r.from_user_id !== actor.userId && !scope.coordinator) {
    throw new AppError('FORBIDDEN', 'The professional who referred, or the family’s coordinator, takes this step.');
  }
  // Changes to one family take turns, as in the family gate.
  await scope.db.selectFrom('families').select('id').where('id', '=', r.family_id).forNoKeyUpdate().execute();
  const goal = await scope.db.selectFrom('referrals as x').innerJoin('goals as g', 'g.id', 'x.goal_id').leftJoin('services as s', 's.id', 'x.service_id')
    .select(['g.life_domain', 'g.member_ids', 's.name as service_name', 'x.shared', 'x.from_organisation_id']).where('x.id', '=', r.id).executeTakeFirstOrThrow();
  await scope.db.updateTable('referrals').set((eb) => ({
    status: input.to, version: eb('version', '+', 1), updated_at: scope.now,
    ...(input.to === 'requested' ? { requested_at: scope.now } : {}),
    ...(input.to === 'accepted' ? { accepted_by: actor.userId } : {}),
  })).where('id', '=', r.id).execute();
  await record(scope.db, r, input.to, input.note ?? '', actor, scope.now);
  if (input.to === 'accepted') {
    await joinByReferral(scope.db, r.family_id, actor, scope.now, {
      lifeDomains: [goal.life_domain], responsibility: goal.service_name ?? goal.shared.reason, referringOrganisationId: goal.from_organisation_id,
    });
    // The receiving organisation is on the team now: a signal between this file and one of its own may be answered.
    await refreshSignalsForFamily(scope.db, r.family_id, scope.now);
  }
  const familyScope = { db: scope.db, familyId: r.family_id, actor, now: scope.now };
  await appendTimeline(familyScope, { kind: 'plan', event: `referral.${input.to}`, data: { referralId: r.id }, lifeDomain: goal.life_domain, memberIds: goal.member_ids });
  await touchFamily(familyScope);
  const coordinators = await scope.db.selectFrom('team_members').select('user_id').where('family_id', '=', r.family_id).where('role', '=', 'coordinator').where('ended_at', 'is', null).execute();
  for (const userId of new Set([r.from_user_id, ...coordinators.map((c) => c.user_id)])) {
    if (userId !== actor.userId) await notify(scope.db, { userId, familyId: r.family_id, kind: 'referral.status-changed', data: { referralId: r.id, status: input.to } }, scope.now);
  }
  scope.audit.detail.from = r.status;
  scope.audit.detail.to = input.to;
  scope.referral = { ...r, status: input.to };
  return getReferral(scope);
}

/**
 * The referrals to my organisation that it may see (from the request on, until refused, withdrawn or failed), newest
 * first: the receiving organisation's inbox. Each one shown is audited in its family's chain.
 */
export async function incomingReferrals(ctx: RequestContext, query: PageQuery) {
  if (!ctx.actor.roles.includes('professional')) return { items: [], nextCursor: null };
  let q = selectReferrals(ctx.db).where('r.to_organisation_id', '=', ctx.actor.organisationId)
    .where('r.status', 'in', referralStatuses.filter(receiverSeesReferral));
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('r.created_at', 'r.id', after));
  const rows = await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.created_at).toISOString(), last.id]);
  await recordReads(ctx.db, result.items.map((r) => ({
    action: 'R' as const, eventType: 'referral.listed', outcome: 'success' as const, actor: ctx.actor, familyId: r.family_id, resourceType: 'referral',
    resourceId: r.id, accessPoint: ctx.accessPoint, purpose: 'care', detail: { basis: 'referral-receiver' },
    checks: { authorisation: true, careRelationship: false, consent: true, emergency: false }, occurredAt: ctx.now,
  })));
  return { items: await present(ctx.db, result.items, 'receiver', { userId: ctx.actor.userId, coordinatorOf: new Set() }, ctx.now), nextCursor: result.nextCursor };
}
