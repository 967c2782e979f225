import { v7 as uuidv7 } from 'uuid';
import type { CreateUser, PageQuery, Role, SignedInUser, User } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError } from '../../platform/http/app-error';
import { hashPassword, isCommonPassword } from '../../platform/auth/passwords';
import { writeAudit } from '../../platform/audit/audit-writer';
import { decodeIdCursor, page } from '../../platform/http/cursor';

const userColumns = [
  'u.id', 'u.email', 'u.name', 'u.phone', 'u.organisation_id', 'u.roles', 'u.active', 'u.version', 'u.created_at',
  'o.name as organisation_name',
] as const;

type UserRow = {
  id: string; email: string; name: string; phone: string | null; organisation_id: string; roles: string[]; active: boolean;
  version: number; created_at: Date; organisation_name: string;
};

export function presentUser(row: UserRow): User {
  return {
    kind: 'professional',
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    phone: row.phone,
    roles: row.roles as Role[],
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function findUser(db: Db, userId: string): Promise<User | null> {
  const row = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(userColumns).where('u.id', '=', userId).executeTakeFirst();
  return row ? presentUser({ ...row, organisation_id: row.organisation_id! }) : null;
}

/** Whoever signed in: a professional, or a family member with their own family's file. */
export async function findSignedInUser(db: Db, userId: string): Promise<SignedInUser | null> {
  const row = await db.selectFrom('users').select(['id', 'email', 'name', 'family_id', 'member_id', 'active', 'version', 'created_at'])
    .where('id', '=', userId).executeTakeFirst();
  if (!row) return null;
  if (!row.family_id || !row.member_id) return findUser(db, userId);
  return {
    kind: 'family', id: row.id, email: row.email, name: row.name, familyId: row.family_id, memberId: row.member_id,
    active: row.active, version: row.version, createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Refuses what NIST 800-63B refuses: common passwords (length is checked by the schema). */
export function assertAcceptablePassword(password: string, pointer: string): void {
  if (isCommonPassword(password)) {
    throw new AppError('VALIDATION_FAILED', 'This password is too common; choose a longer, less obvious one.', [
      { pointer, detail: 'among the 10,000 most common passwords' },
    ]);
  }
}

/** Inserts a user without any permission check: for the bootstrap admin and the demo seed only. */
export async function insertUser(db: Db, input: CreateUser): Promise<string> {
  assertAcceptablePassword(input.password, '/body/password');
  const id = uuidv7();
  const existing = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'A user with this email address already exists.', [{ pointer: '/body/email', detail: 'already in use' }]);
  await db.insertInto('users').values({
    id, organisation_id: input.organisationId, email: input.email, name: input.name, phone: input.phone ?? null,
    password_hash: await hashPassword(input.password), roles: input.roles,
  }).execute();
  return id;
}

/**
 * Admins create users in any organisation; an org-admin only in their own, and never an admin.
 */
export async function createUser(ctx: RequestContext, input: CreateUser): Promise<User> {
  const { actor } = ctx;
  const isAdmin = actor.roles.includes('admin');
  if (!isAdmin && input.organisationId !== actor.organisationId) {
    throw new AppError('FORBIDDEN', 'An organisation admin creates users in their own organisation only.');
  }
  if (!isAdmin && input.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin can create another admin.');
  const organisation = await ctx.db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation) throw new AppError('UNPROCESSABLE', 'No such organisation.', [{ pointer: '/body/organisationId', detail: 'unknown organisation' }]);
  assertAcceptablePassword(input.password, '/body/password');
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  await ctx.db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'A user with this email address already exists.', [{ pointer: '/body/email', detail: 'already in use' }]);
    await tx.insertInto('users').values({
      id, organisation_id: input.organisationId, email: input.email, name: input.name, phone: input.phone ?? null, password_hash: passwordHash, roles: input.roles,
    }).execute();
    await writeAudit(tx, [{
      action: 'C', eventType: 'user.created', outcome: 'success', actor, familyId: null, resourceType: 'user', resourceId: id,
      accessPoint: ctx.accessPoint, purpose: 'administration',
      checks: { authorisation: true, careRelationship: false, consent: false, emergency: false },
      detail: { roles: input.roles, organisationId: input.organisationId },
    }], ctx.now);
  });
  return (await findUser(ctx.db, id))!;
}

/** Admins list everyone; an org-admin lists the people of their own organisation. */
export async function listUsers(ctx: RequestContext, query: PageQuery & { organisationId?: string }): Promise<{ items: User[]; nextCursor: string | null }> {
  let q = ctx.db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(userColumns);
  if (!ctx.actor.roles.includes('admin')) q = q.where('u.organisation_id', '=', ctx.actor.organisationId);
  if (query.organisationId) q = q.where('u.organisation_id', '=', query.organisationId);
  const after = decodeIdCursor(query.cursor);
  if (after) q = q.where('u.id', '>', after);
  const rows = await q.orderBy('u.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [last.id]);
  return { items: result.items.map((r) => presentUser({ ...r, organisation_id: r.organisation_id! })), nextCursor: result.nextCursor };
}

/** Professionals of every organisation, to build a care team: names and organisations, no contact details. */
export async function searchProfessionals(ctx: RequestContext, query: PageQuery & { q?: string; organisationId?: string }) {
  let q = ctx.db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('u.active', '=', true)
    .where((eb) => eb(eb.val('professional'), '=', eb.fn.any('u.roles')));
  if (query.q) q = q.where('u.name', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.organisationId) q = q.where('u.organisation_id', '=', query.organisationId);
  const after = decodeIdCursor(query.cursor);
  if (after) q = q.where('u.id', '>', after);
  const rows = await q.orderBy('u.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [last.id]);
  return {
    items: result.items.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id!, organisationName: r.organisation_name, organisationKind: r.organisation_kind })),
    nextCursor: result.nextCursor,
  };
}
