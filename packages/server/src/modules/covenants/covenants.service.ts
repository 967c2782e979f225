import { v7 as uuidv7 } from 'uuid';
import {
  covenantInForce, isFixedCategory, todayInNetherlands,
  type Covenant, type CovenantStatus, type PageQuery, type ProposeCovenant,
} from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { decodeIdCursor, page } from '../../platform/http/cursor';
import { writeAudit } from '../../platform/audit/audit-writer';
import { assertLifeDomains } from '../catalogues';

function selectCovenants(db: Db) {
  return db.selectFrom('covenants as c')
    .innerJoin('organisations as po', 'po.id', 'c.proposer_organisation_id')
    .innerJoin('organisations as pa', 'pa.id', 'c.partner_organisation_id')
    .select(['c.id', 'c.proposer_organisation_id', 'c.partner_organisation_id', 'c.categories', 'c.purpose', 'c.valid_from',
      'c.valid_until', 'c.status', 'c.decided_at', 'c.ended_at', 'c.version', 'c.created_at', 'po.name as proposer_name', 'pa.name as partner_name']);
}
type CovenantRow = Awaited<ReturnType<ReturnType<typeof selectCovenants>['execute']>>[number];

const isOrgAdminOf = (ctx: RequestContext, organisationId: string) => ctx.actor.roles.includes('org-admin') && ctx.actor.organisationId === organisationId;

function present(ctx: RequestContext, r: CovenantRow): Covenant {
  const status = r.status as CovenantStatus;
  const allowed: Covenant['allowedActions'] = [];
  if (status === 'proposed' && isOrgAdminOf(ctx, r.partner_organisation_id)) allowed.push('accept', 'reject');
  if ((status === 'proposed' || status === 'active') && (isOrgAdminOf(ctx, r.partner_organisation_id) || isOrgAdminOf(ctx, r.proposer_organisation_id))) allowed.push('end');
  return {
    id: r.id, proposer: { id: r.proposer_organisation_id, name: r.proposer_name }, partner: { id: r.partner_organisation_id, name: r.partner_name },
    categories: r.categories, purpose: r.purpose, validFrom: r.valid_from, validUntil: r.valid_until, status,
    inForce: covenantInForce({ status, validFrom: r.valid_from, validUntil: r.valid_until }, todayInNetherlands(ctx.now)),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null, endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
    version: r.version, createdAt: new Date(r.created_at).toISOString(), allowedActions: allowed,
  };
}

/** Only the two parties (and administrators) know a covenant exists; anyone else gets 404. */
async function visibleCovenant(ctx: RequestContext, db: Db, id: string, lock: boolean): Promise<CovenantRow> {
  let q = selectCovenants(db).where('c.id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  const party = row && (row.proposer_organisation_id === ctx.actor.organisationId || row.partner_organisation_id === ctx.actor.organisationId);
  if (!row || !(party || ctx.actor.roles.includes('admin'))) throw notFound();
  return row;
}

async function audit(ctx: RequestContext, tx: Db, action: 'C' | 'U', eventType: string, id: string, detail: Record<string, unknown>): Promise<void> {
  await writeAudit(tx, [{
    action, eventType, outcome: 'success', actor: ctx.actor, familyId: null, resourceType: 'covenant', resourceId: id,
    accessPoint: ctx.accessPoint, purpose: 'administration',
    checks: { authorisation: true, careRelationship: false, consent: false, emergency: false }, detail,
  }], ctx.now);
}

/** An org-admin proposes a covenant on behalf of their own organisation; it shares nothing until accepted. */
export async function proposeCovenant(ctx: RequestContext, input: ProposeCovenant): Promise<Covenant> {
  if (input.partnerOrganisationId === ctx.actor.organisationId) {
    throw new AppError('UNPROCESSABLE', 'A covenant is between two different organisations.', [{ pointer: '/body/partnerOrganisationId', detail: 'your own organisation' }]);
  }
  const partner = await ctx.db.selectFrom('organisations').select('id').where('id', '=', input.partnerOrganisationId).executeTakeFirst();
  if (!partner) throw new AppError('UNPROCESSABLE', 'No such organisation.', [{ pointer: '/body/partnerOrganisationId', detail: 'unknown organisation' }]);
  await assertLifeDomains(ctx.db, input.categories.filter((c) => !isFixedCategory(c)), '/body/categories');
  const validFrom = input.validFrom ?? todayInNetherlands(ctx.now);
  if (input.validUntil && input.validUntil < validFrom) {
    throw new AppError('VALIDATION_FAILED', 'The covenant ends before it starts.', [{ pointer: '/body/validUntil', detail: 'before validFrom' }]);
  }
  const id = uuidv7();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('covenants').values({
      id, proposer_organisation_id: ctx.actor.organisationId, partner_organisation_id: input.partnerOrganisationId,
      categories: input.categories, purpose: input.purpose, valid_from: validFrom, valid_until: input.validUntil ?? null,
      status: 'proposed', proposed_by: ctx.actor.userId, created_at: ctx.now,
    }).execute();
    await audit(ctx, tx, 'C', 'covenant.proposed', id, { partnerOrganisationId: input.partnerOrganisationId, categories: input.categories });
  });
  return present(ctx, await selectCovenants(ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow());
}

/** The other side's org-admin accepts (the covenant becomes active) or rejects a proposal. */
export async function decideCovenant(ctx: RequestContext, id: string, decision: 'accept' | 'reject', expectedVersion: number | null): Promise<Covenant> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = assertVersion(await visibleCovenant(ctx, tx, id, true), expectedVersion);
    if (!isOrgAdminOf(ctx, row.partner_organisation_id)) {
      throw new AppError('FORBIDDEN', 'Only an organisation admin of the other party can accept or reject this covenant.');
    }
    if (row.status !== 'proposed') throw new AppError('CONFLICT', `This covenant is ${row.status}, not awaiting a decision.`);
    await tx.updateTable('covenants').set({
      status: decision === 'accept' ? 'active' : 'rejected', decided_by: ctx.actor.userId, decided_at: ctx.now, version: row.version + 1,
    }).where('id', '=', id).execute();
    await audit(ctx, tx, 'U', decision === 'accept' ? 'covenant.accepted' : 'covenant.rejected', id, {});
  });
  return present(ctx, await visibleCovenant(ctx, ctx.db, id, false));
}

/** Either party's org-admin ends a covenant (or withdraws a proposal); it stops counting at once. */
export async function endCovenant(ctx: RequestContext, id: string, expectedVersion: number | null): Promise<Covenant> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = assertVersion(await visibleCovenant(ctx, tx, id, true), expectedVersion);
    if (!isOrgAdminOf(ctx, row.partner_organisation_id) && !isOrgAdminOf(ctx, row.proposer_organisation_id)) {
      throw new AppError('FORBIDDEN', 'Only an organisation admin of one of the parties can end this covenant.');
    }
    if (row.status !== 'proposed' && row.status !== 'active') throw new AppError('CONFLICT', `This covenant is already ${row.status}.`);
    await tx.updateTable('covenants').set({ status: 'ended', ended_by: ctx.actor.userId, ended_at: ctx.now, version: row.version + 1 })
      .where('id', '=', id).execute();
    await audit(ctx, tx, 'U', 'covenant.ended', id, { was: row.status });
  });
  return present(ctx, await visibleCovenant(ctx, ctx.db, id, false));
}

export async function getCovenant(ctx: RequestContext, id: string): Promise<Covenant> {
  return present(ctx, await visibleCovenant(ctx, ctx.db, id, false));
}

/** The covenants of my organisation (administrators see all). */
export async function listCovenants(ctx: RequestContext, query: PageQuery & { status?: CovenantStatus }) {
  let q = selectCovenants(ctx.db);
  if (!ctx.actor.roles.includes('admin')) {
    q = q.where((eb) => eb.or([eb('c.proposer_organisation_id', '=', ctx.actor.organisationId), eb('c.partner_organisation_id', '=', ctx.actor.organisationId)]));
  }
  if (query.status) q = q.where('c.status', '=', query.status);
  const after = decodeIdCursor(query.cursor);
  if (after) q = q.where('c.id', '>', after);
  const result = page(await q.orderBy('c.id').limit(query.limit + 1).execute(), query.limit, (last) => [last.id]);
  return { items: result.items.map((r) => present(ctx, r)), nextCursor: result.nextCursor };
}
