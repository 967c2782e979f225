import { v7 as uuidv7 } from 'uuid';
import type { CreateMember, MemberSummary, UpdateMember } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { appendTimeline } from '../timeline';
import { refreshSignalsForFamily } from '../signals';

type MemberRow = {
  id: string; family_id: string; given_name: string; family_name: string; birth_date: string; role: string;
  has_custody: boolean; bsn: string | null; version: number; author_organisation_id: string;
};

/** A member's name, birth date and BSN are identity data about that member. */
export const memberDatum = (r: Pick<MemberRow, 'id' | 'author_organisation_id'>) =>
  ({ category: 'identity', authorOrganisationId: r.author_organisation_id, memberIds: [r.id] });

/** Lists never carry the BSN itself. */
function summary(r: MemberRow): MemberSummary {
  return {
    id: r.id, familyId: r.family_id, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date,
    role: r.role as MemberSummary['role'], hasCustody: r.has_custody, hasBsn: r.bsn !== null, version: r.version,
  };
}

function assertCustodyFitsRole(role: string, hasCustody: boolean, pointer: string): void {
  if (hasCustody && role === 'child') {
    throw new AppError('UNPROCESSABLE', 'A child cannot hold parental authority (gezag) in this family.', [{ pointer, detail: 'gezag is for parents and other adults' }]);
  }
}

export async function insertMembers(db: Db, familyId: string, members: readonly CreateMember[], authorOrganisationId: string, now: Date): Promise<string[]> {
  if (members.length === 0) return [];
  members.forEach((m, i) => assertCustodyFitsRole(m.role, m.hasCustody, `/body/members/${i}/hasCustody`));
  const bsns = members.map((m) => m.bsn).filter(Boolean);
  if (new Set(bsns).size !== bsns.length) throw new AppError('UNPROCESSABLE', 'Two members have the same BSN.', [{ pointer: '/body/members', detail: 'duplicate BSN' }]);
  const rows = members.map((m) => ({
    id: uuidv7(), family_id: familyId, given_name: m.givenName, family_name: m.familyName, birth_date: m.birthDate,
    role: m.role, has_custody: m.hasCustody, bsn: m.bsn ?? null, author_organisation_id: authorOrganisationId, created_at: now, updated_at: now,
  }));
  await db.insertInto('members').values(rows).execute();
  return rows.map((r) => r.id);
}

export async function listMembers(scope: FamilyScope): Promise<{ items: MemberSummary[]; nextCursor: null }> {
  const rows = await scope.db.selectFrom('members').selectAll().where('family_id', '=', scope.familyId).orderBy('birth_date').orderBy('id').execute();
  return { items: rows.filter((r) => scope.sight.sees(memberDatum(r))).map(summary), nextCursor: null };
}

/** One member with the BSN: a deliberate read, audited with the member as its object. */
export async function getMember(scope: FamilyScope, memberId: string) {
  const row = await scope.db.selectFrom('members').selectAll().where('family_id', '=', scope.familyId).where('id', '=', memberId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such member in this family.');
  scope.audit.resourceId = memberId;
  scope.audit.memberId = memberId;
  scope.require(memberDatum(row));
  return { ...summary(row), bsn: row.bsn };
}

export async function addMember(scope: FamilyScope, input: CreateMember): Promise<MemberSummary> {
  await assertBsnFree(scope.db, scope.familyId, input.bsn ?? null, null);
  const [id] = await insertMembers(scope.db, scope.familyId, [input], professionalIn(scope).organisationId, scope.now);
  await appendTimeline(scope, { kind: 'member', event: 'member.added', data: { memberId: id, role: input.role }, memberIds: [id!] });
  // A child with a BSN may be known in another organisation's file too: match now, in this transaction.
  if (input.bsn) await refreshSignalsForFamily(scope.db, scope.familyId, scope.now);
  await touchFamily(scope);
  scope.audit.resourceId = id;
  scope.audit.memberId = id;
  return summary((await scope.db.selectFrom('members').selectAll().where('id', '=', id!).executeTakeFirstOrThrow()));
}

export async function updateMember(scope: FamilyScope, memberId: string, expectedVersion: number | null, input: UpdateMember): Promise<MemberSummary> {
  const current = assertVersion(
    await scope.db.selectFrom('members').selectAll().where('family_id', '=', scope.familyId).where('id', '=', memberId).forUpdate().executeTakeFirst(),
    expectedVersion,
  );
  scope.audit.memberId = memberId;
  scope.require(memberDatum(current));
  assertCustodyFitsRole(input.role ?? current.role, input.hasCustody ?? current.has_custody, '/body/hasCustody');
  if (input.bsn !== undefined) await assertBsnFree(scope.db, scope.familyId, input.bsn, memberId);
  const set = {
    ...(input.givenName !== undefined ? { given_name: input.givenName } : {}),
    ...(input.familyName !== undefined ? { family_name: input.familyName } : {}),
    ...(input.birthDate !== undefined ? { birth_date: input.birthDate } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.hasCustody !== undefined ? { has_custody: input.hasCustody } : {}),
    ...(input.bsn !== undefined ? { bsn: input.bsn } : {}),
  };
  const fields = Object.keys(input);
  await scope.db.updateTable('members').set({ ...set, version: current.version + 1, updated_at: scope.now }).where('id', '=', memberId).execute();
  // Which fields changed, never their values: the timeline must not copy a BSN around.
  await appendTimeline(scope, { kind: 'member', event: 'member.updated', data: { memberId, fields }, memberIds: [memberId] });
  if (input.bsn !== undefined && input.bsn !== current.bsn) await refreshSignalsForFamily(scope.db, scope.familyId, scope.now);
  await touchFamily(scope);
  scope.audit.resourceId = memberId;
  scope.audit.memberId = memberId;
  scope.audit.detail.fields = fields;
  return summary((await scope.db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirstOrThrow()));
}

/** Every id names a member of this family (a 422 naming the field otherwise). */
export async function assertMembersOfFamily(db: Db, familyId: string, memberIds: readonly string[], pointer: string): Promise<void> {
  if (memberIds.length === 0) return;
  const rows = await db.selectFrom('members').select('id').where('family_id', '=', familyId).where('id', 'in', [...memberIds]).execute();
  if (rows.length !== new Set(memberIds).size) {
    throw new AppError('UNPROCESSABLE', 'Every member must belong to this family.', [{ pointer, detail: 'not a member of this family' }]);
  }
}

async function assertBsnFree(db: Db, familyId: string, bsn: string | null, exceptMemberId: string | null): Promise<void> {
  if (!bsn) return;
  let q = db.selectFrom('members').select('id').where('family_id', '=', familyId).where('bsn', '=', bsn);
  if (exceptMemberId) q = q.where('id', '<>', exceptMemberId);
  if (await q.executeTakeFirst()) throw new AppError('CONFLICT', 'Another member of this family has this BSN.', [{ pointer: '/body/bsn', detail: 'duplicate BSN' }]);
}

export async function touchFamily(scope: Pick<FamilyScope, 'db' | 'familyId' | 'now'>): Promise<void> {
  await scope.db.updateTable('families').set({ updated_at: scope.now }).where('id', '=', scope.familyId).execute();
}
