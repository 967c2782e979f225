import { v7 as uuidv7 } from 'uuid';
import { retentionEndsOn, todayInNetherlands, type DataSubjectRequest, type PageQuery, type RecordDataSubjectRequest } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError, notFound } from '../../platform/http/app-error';
import { decodeIdCursor, page } from '../../platform/http/cursor';
import { writeAudit } from '../../platform/audit/audit-writer';
import { destroyFamilyFile } from '../retention';
import { overseen } from './oversight';
import { memberExport } from './member-export';

function selectRequests(db: Db) {
  return db.selectFrom('data_subject_requests as r').innerJoin('users as u', 'u.id', 'r.recorded_by')
    .selectAll('r').select('u.name as recorded_by_name');
}
type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

function present(r: RequestRow): DataSubjectRequest {
  return {
    id: r.id, familyId: r.family_id, memberId: r.member_id, kind: r.kind as DataSubjectRequest['kind'], requestedBy: r.requested_by,
    receivedOn: r.received_on, note: r.note, status: r.status as DataSubjectRequest['status'], dueOn: r.due_on,
    recordedBy: { id: r.recorded_by, name: r.recorded_by_name }, recordedAt: new Date(r.recorded_at).toISOString(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  };
}

const audit = (ctx: RequestContext, tx: Db, action: 'C' | 'R', eventType: string, familyId: string, memberId: string, resourceId: string, detail: Record<string, unknown>) =>
  writeAudit(tx, [{
    action, eventType, outcome: 'success', actor: ctx.actor, familyId, memberId, resourceType: 'data-subject-request', resourceId,
    accessPoint: ctx.accessPoint, purpose: 'data-subject-request',
    checks: { authorisation: true, careRelationship: false, consent: false, emergency: false }, detail,
  }], ctx.now);

/**
 * Records a request the family made in writing. A copy is ready at once. An erasure needs a closed file (open care is
 * corrected, not erased); it is carried out at once where no retention applies, and otherwise scheduled for the end
 * of the retention period, the file closed to everyone but privacy officers until then. Erasure destroys the family's
 * whole file: one family, one plan, one file.
 */
export async function recordRequest(ctx: RequestContext, input: RecordDataSubjectRequest): Promise<DataSubjectRequest> {
  const id = uuidv7();
  await ctx.db.transaction().execute(async (tx) => {
    const family = await tx.selectFrom('families as f').select(['f.id', 'f.phase', 'f.closed_at'])
      .where('f.id', '=', input.familyId).where(overseen(ctx, 'f.organisation_id', 'f.id')).forUpdate().executeTakeFirst();
    if (!family) throw notFound();
    const members = await tx.selectFrom('members').select('id').where('family_id', '=', input.familyId).where('id', 'in', [input.memberId, input.requestedBy]).execute();
    if (!members.some((m) => m.id === input.memberId)) throw new AppError('UNPROCESSABLE', 'The member is not in this family.', [{ pointer: '/body/memberId', detail: 'not a member of this family' }]);
    if (!members.some((m) => m.id === input.requestedBy)) throw new AppError('UNPROCESSABLE', 'Who asked must be a member of this family.', [{ pointer: '/body/requestedBy', detail: 'not a member of this family' }]);
    let dueOn: string | null = null;
    if (input.kind === 'erasure') {
      if (family.phase !== 'afgesloten' || !family.closed_at) {
        throw new AppError('CONFLICT', 'Care is still going on: correct what is wrong through the plan, or close the file before it can be erased.');
      }
      const heldCare = !!(await tx.selectFrom('goals').select('id').where('family_id', '=', input.familyId).limit(1).executeTakeFirst());
      dueOn = retentionEndsOn(todayInNetherlands(new Date(family.closed_at)), heldCare);
    }
    await tx.insertInto('data_subject_requests').values({
      id, family_id: input.familyId, member_id: input.memberId, kind: input.kind, requested_by: input.requestedBy, received_on: input.receivedOn,
      note: input.note ?? null, status: input.kind === 'export' ? 'completed' : 'scheduled', due_on: dueOn, recorded_by: ctx.actor.userId,
      recorded_at: ctx.now, completed_at: input.kind === 'export' ? ctx.now : null,
    }).execute();
    await audit(ctx, tx, 'C', `privacy.${input.kind}-requested`, input.familyId, input.memberId, id, { kind: input.kind, dueOn });
    if (dueOn !== null && dueOn <= todayInNetherlands(ctx.now)) await destroyFamilyFile(tx, input.familyId, 'erasure-request', ctx.now, 'erasure-request');
  });
  return present(await selectRequests(ctx.db).where('r.id', '=', id).executeTakeFirstOrThrow());
}

/** The requests for the families the officer oversees (a destroyed file stays known by its requests). */
export async function listRequests(ctx: RequestContext, query: PageQuery) {
  let q = selectRequests(ctx.db).where(overseen(ctx, 'u.organisation_id', 'r.family_id'));
  const after = decodeIdCursor(query.cursor);
  if (after) q = q.where('r.id', '<', after);
  const result = page(await q.orderBy('r.id', 'desc').limit(query.limit + 1).execute(), query.limit, (last) => [last.id]);
  return { items: result.items.map(present), nextCursor: result.nextCursor };
}

async function requestOf(ctx: RequestContext, id: string): Promise<RequestRow> {
  const row = await selectRequests(ctx.db).where('r.id', '=', id).where(overseen(ctx, 'u.organisation_id', 'r.family_id')).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function getRequest(ctx: RequestContext, id: string): Promise<DataSubjectRequest> {
  return present(await requestOf(ctx, id));
}

/** The copy for an export request: everything the file holds about the member, as JSON. Reading it is audited. */
export async function exportForRequest(ctx: RequestContext, id: string) {
  const request = await requestOf(ctx, id);
  if (request.kind !== 'export') throw new AppError('CONFLICT', 'Only an export request has a copy to download.');
  return ctx.db.transaction().execute(async (tx) => {
    const data = await memberExport(tx, request.family_id, request.member_id, ctx.now);
    if (!data) throw new AppError('CONFLICT', 'This file has been destroyed; there is nothing left to copy.');
    await audit(ctx, tx, 'R', 'privacy.export-downloaded', request.family_id, request.member_id, id, {});
    return data;
  });
}
