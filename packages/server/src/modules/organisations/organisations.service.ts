import { v7 as uuidv7 } from 'uuid';
import type { CreateOrganisation, Organisation, OrganisationKind, PageQuery, UpdateOrganisation } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { writeAudit } from '../../platform/audit/audit-writer';
import { decodeIdCursor, page } from '../../platform/http/cursor';

function present(row: { id: string; name: string; kind: string; require_two_factor: boolean; max_goals_now: number; version: number; created_at: Date }): Organisation {
  return {
    id: row.id, name: row.name, kind: row.kind as OrganisationKind, requireTwoFactor: row.require_two_factor, maxGoalsNow: row.max_goals_now, version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Inserts an organisation without a permission check: for bootstrap and the demo seed. */
export async function insertOrganisation(db: Db, input: CreateOrganisation): Promise<string> {
  const id = uuidv7();
  const taken = await db.selectFrom('organisations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase())).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'An organisation with this name already exists.', [{ pointer: '/body/name', detail: 'already in use' }]);
  await db.insertInto('organisations').values({ id, name: input.name, kind: input.kind }).execute();
  return id;
}

export async function createOrganisation(ctx: RequestContext, input: CreateOrganisation): Promise<Organisation> {
  const id = await ctx.db.transaction().execute(async (tx) => {
    const newId = await insertOrganisation(tx, input);
    await writeAudit(tx, [{
      action: 'C', eventType: 'organisation.created', outcome: 'success', actor: ctx.actor, familyId: null,
      resourceType: 'organisation', resourceId: newId, accessPoint: ctx.accessPoint, purpose: 'administration',
      checks: { authorisation: true, careRelationship: false, consent: false, emergency: false },
    }], ctx.now);
    return newId;
  });
  return present((await ctx.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
}

/** Organisations are not family data: every signed-in user may see which ones take part. */
export async function listOrganisations(ctx: RequestContext, query: PageQuery & { kind?: OrganisationKind }) {
  let q = ctx.db.selectFrom('organisations').selectAll();
  if (query.kind) q = q.where('kind', '=', query.kind);
  const after = decodeIdCursor(query.cursor);
  if (after) q = q.where('id', '>', after);
  const result = page(await q.orderBy('id').limit(query.limit + 1).execute(), query.limit, (last) => [last.id]);
  return { items: result.items.map(present), nextCursor: result.nextCursor };
}

/**
 * An admin renames any organisation; an organisation's own org-admin decides whether all its people sign in with a
 * second factor. The requirement holds from each person's next sign-in.
 */
export async function updateOrganisation(ctx: RequestContext, id: string, expectedVersion: number | null, input: UpdateOrganisation): Promise<Organisation> {
  const isAdmin = ctx.actor.roles.includes('admin');
  if (!isAdmin && !(ctx.actor.roles.includes('org-admin') && ctx.actor.organisationId === id)) throw notFound();
  if (!isAdmin && input.name !== undefined) throw new AppError('FORBIDDEN', 'Only an admin renames an organisation.', [{ pointer: '/body/name', detail: 'admins only' }]);
  await ctx.db.transaction().execute(async (tx) => {
    const current = assertVersion(await tx.selectFrom('organisations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(), expectedVersion);
    if (input.name !== undefined && input.name.toLowerCase() !== current.name.toLowerCase()) {
      const taken = await tx.selectFrom('organisations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', input.name!.toLowerCase())).executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', 'An organisation with this name already exists.', [{ pointer: '/body/name', detail: 'already in use' }]);
    }
    await tx.updateTable('organisations').set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.requireTwoFactor !== undefined ? { require_two_factor: input.requireTwoFactor } : {}),
      ...(input.maxGoalsNow !== undefined ? { max_goals_now: input.maxGoalsNow } : {}),
      version: current.version + 1,
    }).where('id', '=', id).execute();
    await writeAudit(tx, [{
      action: 'U', eventType: 'organisation.updated', outcome: 'success', actor: ctx.actor, familyId: null,
      resourceType: 'organisation', resourceId: id, accessPoint: ctx.accessPoint, purpose: 'administration',
      checks: { authorisation: true, careRelationship: false, consent: false, emergency: false },
      detail: { fields: Object.keys(input), ...(input.requireTwoFactor !== undefined ? { requireTwoFactor: input.requireTwoFactor } : {}),
        ...(input.maxGoalsNow !== undefined ? { maxGoalsNow: input.maxGoalsNow } : {}) },
    }], ctx.now);
  });
  return present(await ctx.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
