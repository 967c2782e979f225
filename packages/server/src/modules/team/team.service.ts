import { v7 as uuidv7 } from 'uuid';
import {
  todayInNetherlands, type ActionReassignment, type AddTeamMember, type EndTeamMember, type HandoverNote, type TeamMember, type TeamRole, type UpdateTeamMember,
} from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import type { ProfessionalActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { assertLifeDomains } from '../catalogues';
import { appendTimeline } from '../timeline';
import { touchFamily } from '../families';
import { notify } from '../notifications';
import { refreshSignalsForFamily } from '../signals';
import { endCoordination, startCoordination } from './coordination';
import { openActionsOf, reassignOpenActions, recordHandover, requireHandover } from './handover';

function selectTeam(db: Db, familyId: string) {
  return db.selectFrom('team_members as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['t.id', 't.family_id', 't.user_id', 't.role', 't.life_domains', 't.responsibility', 't.start_date', 't.end_date',
      't.ended_at', 't.version', 't.created_at', 't.author_organisation_id', 'u.name', 'u.email', 'u.phone', 'o.id as organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('t.family_id', '=', familyId);
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof selectTeam>['execute']>>[number];

function present(r: TeamRow): TeamMember {
  return {
    id: r.id, familyId: r.family_id, userId: r.user_id, name: r.name, organisationId: r.organisation_id,
    organisationName: r.organisation_name, organisationKind: r.organisation_kind, email: r.email, phone: r.phone, role: r.role as TeamRole,
    lifeDomains: r.life_domains, responsibility: r.responsibility, startDate: r.start_date, endDate: r.end_date,
    active: r.ended_at === null, version: r.version, createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * Who helps a family is 'team' data, written by the organisation that added the membership. Everyone on the team
 * sees their own membership and the active coordinator, the family's one point of contact; the rest as consented.
 */
export function teamMemberVisible(scope: FamilyScope, r: Pick<TeamRow, 'user_id' | 'role' | 'ended_at' | 'author_organisation_id'>): boolean {
  if (r.user_id === scope.actor.userId || (r.role === 'coordinator' && r.ended_at === null)) return true;
  return scope.sight.sees({ category: 'team', authorOrganisationId: r.author_organisation_id, memberIds: [] });
}

async function teamMember(db: Db, familyId: string, id: string): Promise<TeamMember> {
  return present(await selectTeam(db, familyId).where('t.id', '=', id).executeTakeFirstOrThrow());
}

/** The care team: coordinator first, then by start; ended memberships only when asked for (history is kept). */
export async function listTeam(scope: FamilyScope, include: 'active' | 'all') {
  let q = selectTeam(scope.db, scope.familyId);
  if (include === 'active') q = q.where('t.ended_at', 'is', null);
  const rows = await q.orderBy((eb) => eb.case().when('t.role', '=', 'coordinator').then(0).else(1).end())
    .orderBy('t.ended_at', 'desc').orderBy('t.start_date').orderBy('t.id').execute();
  return { items: rows.filter((r) => teamMemberVisible(scope, r)).map(present), nextCursor: null };
}

/**
 * Hands the coordinator role over: the current coordinator stays on the team as a member, the handover note is kept
 * for the next coordinator, and the coordination period passes on at the same instant. Returns whether it handed over
 * (the caller then starts the new period once the new coordinator's membership is written).
 */
async function handOverCoordination(scope: FamilyScope, toUserId: string, note: HandoverNote | undefined): Promise<boolean> {
  const current = await scope.db.selectFrom('team_members').select(['id', 'user_id', 'version'])
    .where('family_id', '=', scope.familyId).where('role', '=', 'coordinator').where('ended_at', 'is', null)
    .forUpdate().executeTakeFirst();
  if (current?.user_id === toUserId) return false;
  if (current) {
    const handover = requireHandover(note, '/body/handover', 'Changing the coordinator needs a handover note for the next coordinator.');
    await scope.db.updateTable('team_members').set({ role: 'member', version: current.version + 1 }).where('id', '=', current.id).execute();
    const handoverId = await recordHandover(scope, { reason: 'coordination', fromUserId: current.user_id, toUserId, note: handover, reassigned: [] });
    await endCoordination(scope.db, scope.familyId, handoverId, scope.now);
    await appendTimeline(scope, { kind: 'team', event: 'team.coordinator-changed', data: { fromUserId: current.user_id, toUserId, handoverId } });
  }
  return true;
}

async function becomeCoordinator(scope: FamilyScope, teamMemberId: string, userId: string): Promise<void> {
  await startCoordination(scope.db, { familyId: scope.familyId, teamMemberId, userId }, scope.now);
  if (userId !== scope.actor.userId) await notify(scope.db, { userId, familyId: scope.familyId, kind: 'team.coordinator-assigned', data: { teamMemberId } }, scope.now);
}

export async function addTeamMember(scope: FamilyScope, input: AddTeamMember): Promise<TeamMember> {
  const user = await scope.db.selectFrom('users').select(['id', 'roles', 'active']).where('id', '=', input.userId).executeTakeFirst();
  if (!user || !user.active || !user.roles.includes('professional')) {
    throw new AppError('UNPROCESSABLE', 'Only an active professional can join a care team.', [{ pointer: '/body/userId', detail: 'not an active professional' }]);
  }
  await assertLifeDomains(scope.db, input.lifeDomains, '/body/lifeDomains');
  const already = await scope.db.selectFrom('team_members').select('id')
    .where('family_id', '=', scope.familyId).where('user_id', '=', input.userId).where('ended_at', 'is', null).executeTakeFirst();
  if (already) throw new AppError('CONFLICT', 'This professional is already on the care team.', [{ pointer: '/body/userId', detail: 'already on the team' }]);
  const coordinates = input.role === 'coordinator' && await handOverCoordination(scope, input.userId, input.handover);
  const id = uuidv7();
  await scope.db.insertInto('team_members').values({
    id, family_id: scope.familyId, user_id: input.userId, role: input.role, life_domains: input.lifeDomains,
    responsibility: input.responsibility, start_date: input.startDate ?? todayInNetherlands(scope.now),
    author_organisation_id: professionalIn(scope).organisationId, created_at: scope.now,
  }).execute();
  if (coordinates) await becomeCoordinator(scope, id, input.userId);
  await appendTimeline(scope, { kind: 'team', event: 'team.member-added', data: { teamMemberId: id, userId: input.userId, role: input.role } });
  // A new organisation on the team may answer (or raise) a signal that another file holds the same child.
  await refreshSignalsForFamily(scope.db, scope.familyId, scope.now);
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return teamMember(scope.db, scope.familyId, id);
}

export async function updateTeamMember(scope: FamilyScope, id: string, expectedVersion: number | null, input: UpdateTeamMember): Promise<TeamMember> {
  const current = assertVersion(
    await scope.db.selectFrom('team_members').selectAll().where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion,
  );
  scope.audit.resourceId = id;
  if (!teamMemberVisible(scope, current)) scope.require({ category: 'team', authorOrganisationId: current.author_organisation_id, memberIds: [] });
  if (current.ended_at) throw new AppError('CONFLICT', 'This membership has ended; add the professional again instead.');
  if (input.lifeDomains) await assertLifeDomains(scope.db, input.lifeDomains, '/body/lifeDomains');
  if (current.role === 'coordinator' && input.role && input.role !== 'coordinator') {
    throw new AppError('CONFLICT', 'A family always has one coordinator: make someone else coordinator first.', [{ pointer: '/body/role', detail: 'appoint another coordinator first' }]);
  }
  if (input.role === 'coordinator' && current.role !== 'coordinator' && await handOverCoordination(scope, current.user_id, input.handover)) {
    await becomeCoordinator(scope, id, current.user_id);
  }
  await scope.db.updateTable('team_members').set({
    ...(input.role ? { role: input.role } : {}),
    ...(input.lifeDomains ? { life_domains: input.lifeDomains } : {}),
    ...(input.responsibility !== undefined ? { responsibility: input.responsibility } : {}),
    version: current.version + 1,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'team', event: 'team.member-updated', data: { teamMemberId: id, fields: Object.keys(input).filter((k) => k !== 'handover') } });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return teamMember(scope.db, scope.familyId, id);
}

/**
 * Ends a membership today; the row stays, so the team's history shows who helped when. Leaving with open actions
 * needs a handover note and someone for every open action; an open step up of this professional ends with it.
 */
export async function endTeamMember(scope: FamilyScope, id: string, expectedVersion: number | null, input: EndTeamMember): Promise<TeamMember> {
  const current = assertVersion(
    await scope.db.selectFrom('team_members').selectAll().where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion,
  );
  scope.audit.resourceId = id;
  if (!teamMemberVisible(scope, current)) scope.require({ category: 'team', authorOrganisationId: current.author_organisation_id, memberIds: [] });
  if (current.ended_at) throw new AppError('CONFLICT', 'This membership has already ended.');
  if (current.role === 'coordinator') {
    throw new AppError('CONFLICT', 'A family always has one coordinator: make someone else coordinator before this membership ends.');
  }
  const handoverId = await handOverOpenWork(scope, current.user_id, input, 'leaving');
  await scope.db.updateTable('team_members')
    .set({ end_date: todayInNetherlands(scope.now), ended_at: scope.now, version: current.version + 1 })
    .where('id', '=', id).execute();
  await scope.db.updateTable('care_steps').set((eb) => ({ stepped_down_at: scope.now, handover_id: handoverId, version: eb('version', '+', 1) }))
    .where('family_id', '=', scope.familyId).where('specialist_user_id', '=', current.user_id).where('stepped_down_at', 'is', null).execute();
  await appendTimeline(scope, { kind: 'team', event: 'team.member-ended', body: input.reason ?? null, data: { teamMemberId: id, userId: current.user_id, handoverId } });
  await refreshSignalsForFamily(scope.db, scope.familyId, scope.now);
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return teamMember(scope.db, scope.familyId, id);
}

/**
 * The handover rule for one who leaves: with open actions, a handover note to the coordinator and every action
 * reassigned; without, a note is kept if one was written. Returns the handover's id, if any.
 */
export async function handOverOpenWork(scope: FamilyScope, fromUserId: string, input: { handover?: HandoverNote; reassign?: ActionReassignment[] }, reason: 'leaving' | 'step-down'): Promise<string | null> {
  const open = await openActionsOf(scope.db, scope.familyId, fromUserId);
  if (open.length === 0 && !input.handover && (input.reassign ?? []).length === 0) return null;
  const note = requireHandover(input.handover, '/body/handover', 'Leaving with open actions needs a handover note and someone for every open action.');
  const reassigned = await reassignOpenActions(scope, fromUserId, input.reassign ?? [], '/body/reassign');
  const coordinator = await scope.db.selectFrom('team_members').select('user_id')
    .where('family_id', '=', scope.familyId).where('role', '=', 'coordinator').where('ended_at', 'is', null).executeTakeFirst();
  return recordHandover(scope, { reason, fromUserId, toUserId: coordinator?.user_id ?? null, note, reassigned });
}

/** Whether a user is on the family's active care team (for assigning actions and goal owners). */
export async function isOnActiveTeam(db: Db, familyId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('team_members').select('id').where('family_id', '=', familyId).where('user_id', '=', userId).where('ended_at', 'is', null).executeTakeFirst());
}

/**
 * The receiving professional joins the care team by accepting a referral: as a member working on the goal's life
 * domain, unless they are on the team already. The membership is the referring organisation's doing (it is shared as
 * that organisation's team data, so the coordinator sees who joined). Called under the family's row lock.
 */
export async function joinByReferral(db: Db, familyId: string, actor: ProfessionalActor, now: Date, join: { lifeDomains: string[]; responsibility: string; referringOrganisationId: string }): Promise<void> {
  const already = await db.selectFrom('team_members').select('id').where('family_id', '=', familyId).where('user_id', '=', actor.userId).where('ended_at', 'is', null).executeTakeFirst();
  if (already) return;
  const id = uuidv7();
  await db.insertInto('team_members').values({
    id, family_id: familyId, user_id: actor.userId, role: 'member', life_domains: join.lifeDomains, responsibility: join.responsibility.slice(0, 1000),
    start_date: todayInNetherlands(now), author_organisation_id: join.referringOrganisationId, created_at: now,
  }).execute();
  await appendTimeline({ db, familyId, actor, now }, { kind: 'team', event: 'team.member-added', data: { teamMemberId: id, userId: actor.userId, role: 'member', viaReferral: true } });
}
