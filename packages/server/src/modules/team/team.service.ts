import { v7 as uuidv7 } from 'uuid';
import { todayInNetherlands, type AddTeamMember, type TeamMember, type TeamRole, type UpdateTeamMember } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import type { ProfessionalActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { assertLifeDomains } from '../catalogues';
import { appendTimeline } from '../timeline';
import { touchFamily } from '../families';

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
 * Hands the coordinator role over: the current coordinator stays on the team as a member, and the handover note
 * goes on the timeline so the next coordinator starts with what the last one knew.
 */
async function handOverCoordination(scope: FamilyScope, toUserId: string, note: string | undefined): Promise<void> {
  const current = await scope.db.selectFrom('team_members').select(['id', 'user_id', 'version'])
    .where('family_id', '=', scope.familyId).where('role', '=', 'coordinator').where('ended_at', 'is', null)
    .forUpdate().executeTakeFirst();
  if (!current || current.user_id === toUserId) return;
  if (!note) {
    throw new AppError('UNPROCESSABLE', 'Changing the coordinator needs a handover note for the next coordinator.', [
      { pointer: '/body/handoverNote', detail: 'required when the coordinator changes' },
    ]);
  }
  await scope.db.updateTable('team_members').set({ role: 'member', version: current.version + 1 }).where('id', '=', current.id).execute();
  await appendTimeline(scope, {
    kind: 'team', event: 'team.coordinator-changed', body: note,
    data: { fromUserId: current.user_id, toUserId },
  });
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
  if (input.role === 'coordinator') await handOverCoordination(scope, input.userId, input.handoverNote);
  const id = uuidv7();
  await scope.db.insertInto('team_members').values({
    id, family_id: scope.familyId, user_id: input.userId, role: input.role, life_domains: input.lifeDomains,
    responsibility: input.responsibility, start_date: input.startDate ?? todayInNetherlands(scope.now),
    author_organisation_id: professionalIn(scope).organisationId, created_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'team', event: 'team.member-added', data: { teamMemberId: id, userId: input.userId, role: input.role } });
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
  if (input.role === 'coordinator' && current.role !== 'coordinator') await handOverCoordination(scope, current.user_id, input.handoverNote);
  await scope.db.updateTable('team_members').set({
    ...(input.role ? { role: input.role } : {}),
    ...(input.lifeDomains ? { life_domains: input.lifeDomains } : {}),
    ...(input.responsibility !== undefined ? { responsibility: input.responsibility } : {}),
    version: current.version + 1,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'team', event: 'team.member-updated', data: { teamMemberId: id, fields: Object.keys(input).filter((k) => k !== 'handoverNote') } });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return teamMember(scope.db, scope.familyId, id);
}

/** Ends a membership today; the row stays, so the team's history shows who helped when. */
export async function endTeamMember(scope: FamilyScope, id: string, expectedVersion: number | null, reason: string | undefined): Promise<TeamMember> {
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
  await scope.db.updateTable('team_members')
    .set({ end_date: todayInNetherlands(scope.now), ended_at: scope.now, version: current.version + 1 })
    .where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'team', event: 'team.member-ended', body: reason ?? null, data: { teamMemberId: id, userId: current.user_id } });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return teamMember(scope.db, scope.familyId, id);
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
