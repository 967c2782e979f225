import type { Db } from './platform/db/database';
import { CreateUser } from '@gezinsplan/domain';
import { insertOrganisation } from './modules/organisations';
import { insertUser } from './modules/users';

export interface AdminInput {
  email: string;
  password: string;
  name?: string;
  organisation?: string;
}

/** Creates the first administrator (and the organisation that runs Gezinsplan), validated like any other user. */
export async function createAdmin(db: Db, input: AdminInput): Promise<string> {
  const parsed = CreateUser.omit({ organisationId: true }).safeParse({
    email: input.email, password: input.password, name: input.name ?? 'Beheerder', roles: ['admin'],
  });
  if (!parsed.success) throw new Error(`The admin account is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return db.transaction().execute(async (tx) => {
    const orgName = input.organisation ?? 'Beheer Gezinsplan';
    const existing = await tx.selectFrom('organisations').select('id').where('name', '=', orgName).executeTakeFirst();
    const organisationId = existing?.id ?? (await insertOrganisation(tx, { name: orgName, kind: 'gemeente' }));
    return insertUser(tx, { ...parsed.data, organisationId });
  });
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}
