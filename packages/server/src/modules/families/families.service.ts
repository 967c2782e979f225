import { v7 as uuidv7 } from 'uuid';
import {
  decideFamilyAccess, familyPermissions, todayInNetherlands,
  type CreateFamily, type Family, type FamilyPhase, type PageQuery, type UpdateFamily,
} from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import { auditListedFamilies, visibleFamilies } from '../../platform/access/visible-families';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { assertVersion } from '../../platform/http/versioning';
import { decodeCursor, filteredPage } from '../../platform/http/cursor';
import { loadSights, type Sight } from '../../platform/access/sight';
import { writeAudit } from '../../platform/audit/audit-writer';
import { appendTimeline } from '../timeline';
import { insertMembers } from './members.service';
import { recordVisit } from './visits';
import { refreshSignalsForFamily } from '../signals';
import { startCoordination } from '../team';

type FamilyRow = {
  id: string; name: string; phase: string; version: number; created_at: Date; updated_at: Date; organisation_id: string;
  coordinator_user_id: string | null; coordinator_name: string | null; coordinator_organisation_name: string | null;
};

function selectFamilies(db: Db) {
  return db.selectFrom('families as f')
    .leftJoin('team_members as c', (j) => j.onRef('c.family_id', '=', 'f.id').on('c.role', '=', 'coordinator').on('c.ended_at', 'is', null))
    .leftJoin('users as cu', 'cu.id', 'c.user_id')
    .leftJoin('organisations as co', 'co.id', 'cu.organisation_id')
    .select(['f.id', 'f.name', 'f.phase', 'f.version', 'f.created_at', 'f.updated_at', 'f.organisation_id',
      'c.user_id as coordinator_user_id', 'cu.name as coordinator_name', 'co.name as coordinator_organisation_name']);
}

/** The family's name is identity data about the family as a whole, written by the registering organisation. */
export const familyNameDatum = (r: { organisation_id: string }) => ({ category: 'identity', authorOrganisationId: r.organisation_id, memberIds: [] });

function present(row: FamilyRow, allowedActions: string[], sight: Sight | undefined, myLastVisit: Date | null = null): Family {
  return {
    id: row.id, name: sight?.sees(familyNameDatum(row)) === false ? null : row.name, phase: row.phase as FamilyPhase, version: row.version,
    createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
    coordinator: row.coordinator_user_id
      ? { userId: row.coordinator_user_id, name: row.coordinator_name ?? '', organisationName: row.coordinator_organisation_name ?? '' }
      : null,
    allowedActions,
    myLastVisitAt: myLastVisit?.toISOString() ?? null,
  };
}

/**
 * Registers a family (aanmelding). The registering professional becomes its first coordinator, so there is one
 * coordinator from the first moment; the family, its plan, members, team and first timeline entry commit together.
 */
export async function registerFamily(ctx: RequestContext, input: CreateFamily): Promise<Family> {
  const familyId = uuidv7();
  const now = ctx.now;
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('families').values({
      id: familyId, name: input.name, phase: 'aanmelding', created_by: ctx.actor.userId, organisation_id: ctx.actor.organisationId,
      created_at: now, updated_at: now,
    }).execute();
    await tx.insertInto('plans').values({ id: uuidv7(), family_id: familyId, updated_at: now }).execute();
    const teamMemberId = uuidv7();
    await tx.insertInto('team_members').values({
      id: teamMemberId, family_id: familyId, user_id: ctx.actor.userId, role: 'coordinator', life_domains: [],
      responsibility: '', start_date: todayInNetherlands(now), author_organisation_id: ctx.actor.organisationId, created_at: now,
    }).execute();
    await startCoordination(tx, { familyId, teamMemberId, userId: ctx.actor.userId }, now);
    const memberIds = await insertMembers(tx, familyId, input.members, ctx.actor.organisationId, now);
    const scope = { db: tx, familyId, actor: ctx.actor, now };
    await appendTimeline(scope, { kind: 'family', event: 'family.registered', data: { phase: 'aanmelding', members: memberIds.length } });
    await appendTimeline(scope, { kind: 'team', event: 'team.member-added', data: { teamMemberId, userId: ctx.actor.userId, role: 'coordinator' } });
    await writeAudit(tx, [{
      action: 'C', eventType: 'family.registered', outcome: 'success', actor: ctx.actor, familyId, resourceType: 'family',
      resourceId: familyId, accessPoint: ctx.accessPoint,
      checks: { authorisation: true, careRelationship: true, consent: true, emergency: false },
      detail: { members: memberIds.length },
    }], now);
    // A child with a BSN may be known in another organisation's file too: match now, in this transaction.
    if (input.members.some((m) => m.bsn)) await refreshSignalsForFamily(tx, familyId, now);
  });
  const row = await selectFamilies(ctx.db).where('f.id', '=', familyId).executeTakeFirstOrThrow();
  const facts = { actor: { kind: 'professional' as const, roles: ctx.actor.roles }, familyExists: true, teamRole: 'coordinator' as const, organisationInvolved: true, restricted: false };
  // The registering organisation wrote everything in it so far, so nothing is hidden from it.
  return present(row, familyPermissions.filter((p) => decideFamilyAccess(facts, p).allowed), undefined);
}

export async function getFamily(scope: FamilyScope): Promise<Family> {
  const row = await selectFamilies(scope.db).where('f.id', '=', scope.familyId).executeTakeFirstOrThrow();
  scope.audit.resourceId = scope.familyId;
  const previousVisit = await recordVisit(scope);
  return present(row, scope.allowedActions(), scope.sight, previousVisit);
}

/** Renames the family (the coordinator); its phase moves only through the care process (POST …/phase). */
export async function updateFamily(scope: FamilyScope, expectedVersion: number | null, input: UpdateFamily): Promise<Family> {
  const current = assertVersion(
    await scope.db.selectFrom('families').select(['version', 'name', 'organisation_id']).where('id', '=', scope.familyId).forNoKeyUpdate().executeTakeFirst(),
    expectedVersion,
  );
  // Renaming a family is writing its identity: only for whom may see it.
  if (input.name !== undefined) scope.require(familyNameDatum(current));
  const renamed = input.name !== undefined && input.name !== current.name;
  if (renamed) {
    await scope.db.updateTable('families').set({ name: input.name, version: current.version + 1, updated_at: scope.now }).where('id', '=', scope.familyId).execute();
    await appendTimeline(scope, { kind: 'family', event: 'family.updated', data: { fields: ['name'] } });
  }
  scope.audit.resourceId = scope.familyId;
  scope.audit.detail.fields = renamed ? ['name'] : [];
  return getFamily(scope);
}

/**
 * The families this professional may see, optionally searched by name or filtered by phase. The filter runs inside
 * the visible set, so neither the results nor their number reveal families outside it. A name search matches only
 * families whose name the family shares with the searcher's organisation; every family shown is audited.
 */
export async function listFamilies(ctx: RequestContext, query: PageQuery & { q?: string; phase?: FamilyPhase }) {
  const sights = new Map<string, Sight>();
  const result = await filteredPage({
    limit: query.limit,
    start: decodeCursor(query.cursor, ['uuid'] as const),
    fetch: async (after, n) => {
      let q = selectFamilies(ctx.db).where('f.id', 'in', visibleFamilies(ctx.db, ctx.actor));
      if (query.q) q = q.where('f.name', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      if (query.phase) q = q.where('f.phase', '=', query.phase);
      if (after) q = q.where('f.id', '>', after[0]!);
      const rows = await q.orderBy('f.id').limit(n).execute();
      for (const [id, sight] of await loadSights(ctx.db, ctx.actor, rows.map((r) => r.id), ctx.now)) sights.set(id, sight);
      return rows;
    },
    keep: (r) => !query.q || sights.get(r.id)?.sees(familyNameDatum(r)) === true,
    keyOf: (r) => [r.id],
  });
  await auditListedFamilies(ctx, result.items.map((f) => f.id), 'family.listed');
  return { items: result.items.map((r) => present(r, [], sights.get(r.id))), nextCursor: result.nextCursor };
}
