import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { OrganisationKind, Role } from '@gezinsplan/domain';
import { openDatabase, type Db, type DatabaseHandle } from '../../packages/server/src/platform/db/database';
import { buildApp } from '../../packages/server/src/app';
import { createAdmin } from '../../packages/server/src/bootstrap';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';

export const PASSWORD = 'correct-horse-battery-staple';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  kind: DatabaseHandle['kind'];
  admin: ApiClient;
  close(): Promise<void>;
}

/** A fresh database for this test file, copied from the migrated template. */
async function freshDatabase(): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (process.env.GP_TEST_DB === 'postgres') {
    const templateUrl = new URL(inject('postgresTemplate'));
    const template = templateUrl.pathname.slice(1);
    const name = `${template}_f${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: templateUrl.toString().replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.end();
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: templateUrl.toString().replace(/\/[^/]*$/, '/postgres') });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-test-'));
  await cp(inject('pgliteTemplate'), dir, { recursive: true });
  const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
  return { handle, dispose: async () => { await handle.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** The real app on a real (fresh) database, with a signed-in bootstrap admin. */
export async function startTestApp(): Promise<TestApp> {
  const { handle, dispose } = await freshDatabase();
  await createAdmin(handle.db, { email: 'admin@test.nl', password: PASSWORD, name: 'Test Admin' });
  const app = await buildApp({ db: handle.db, logLevel: 'silent', checkResponses: true });
  await app.ready();
  const admin = await signIn(app, 'admin@test.nl');
  return {
    app, db: handle.db, kind: handle.kind, admin,
    close: async () => { await app.close(); await dispose(); },
  };
}

/** The authenticator-app secret of each person who set one up in the tests, by email address. */
export const totpSecrets = new Map<string, string>();

/**
 * Signs in as a person would: with the password, then the code from their app; someone whose second factor is
 * required but not yet set up sets it up first (and the secret is kept for their next sign-in).
 */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<ApiClient> {
  const client = await new ApiClient(app).login(email, password, { totpSecret: totpSecrets.get(email) });
  if (client.secondFactor === 'enrolment-required') totpSecrets.set(email, (await client.enrolTwoFactor()).secret);
  return client;
}

/** Factories: each test builds its own organisations and people, so tests never depend on each other. */
export async function makeOrganisation(t: TestApp, kind: OrganisationKind = 'wijkteam', name = `${kind} ${uuidv7().slice(-8)}`): Promise<string> {
  return (await t.admin.create('/api/v1/organisations', { name, kind })).id;
}

export async function makeUser(t: TestApp, organisationId: string, roles: Role[] = ['professional'], name = 'Professional'): Promise<{ id: string; email: string; organisationId: string; client: ApiClient }> {
  const email = `${uuidv7().slice(-12)}@test.nl`;
  const user = await t.admin.create('/api/v1/users', { email, name, password: PASSWORD, organisationId, roles });
  return { id: user.id, email, organisationId, client: await signIn(t.app, email) };
}

export async function makeProfessional(t: TestApp, kind: OrganisationKind = 'wijkteam', name = 'Professional') {
  return makeUser(t, await makeOrganisation(t, kind), ['professional'], name);
}

export const CHILD = { givenName: 'Tim', familyName: 'Jansen', birthDate: '2013-02-03', role: 'child', hasCustody: false } as const;
export const PARENT = { givenName: 'Marieke', familyName: 'Jansen', birthDate: '1987-04-12', role: 'parent', hasCustody: true } as const;

/** A family registered by `coordinator`, with a parent and a child. */
export async function makeFamily(coordinator: ApiClient, name = 'Gezin Jansen') {
  const family = await coordinator.create<{ id: string; version: number }>('/api/v1/families', { name, members: [PARENT, CHILD] });
  const members = (await coordinator.get(`/api/v1/families/${family.id}/members`)).json() as { items: { id: string; role: string }[] };
  return {
    id: family.id,
    parentId: members.items.find((m) => m.role === 'parent')!.id,
    childId: members.items.find((m) => m.role === 'child')!.id,
  };
}

/** Audit records of one family, oldest first. */
export async function auditOf(db: Db, familyId: string) {
  return db.selectFrom('audit_events').selectAll().where('family_id', '=', familyId).orderBy('seq').execute();
}

/** A family member's own account: the coordinator invites them, they accept and are signed in. */
export async function makeFamilyAccount(t: TestApp, coordinator: ApiClient, familyId: string, memberId: string) {
  const invitation = await coordinator.create<{ id: string; code: string }>(`/api/v1/families/${familyId}/invitations`, { memberId });
  const email = `gezin-${uuidv7().slice(-12)}@test.nl`;
  const client = await new ApiClient(t.app).acceptInvitation(invitation.code, email, PASSWORD);
  return { id: client.user!.id, email, memberId, invitationId: invitation.id, client };
}

/**
 * Closes a file that has not had help under way yet (from aanmelding, intake or plan no closing evaluation is needed):
 * the family declined further help. Answers the response, for tests that look at it.
 */
export function closeFile(client: ApiClient, familyId: string, reason = 'declined-help') {
  return client.post(`/api/v1/families/${familyId}/phase`, {
    to: 'afgesloten', closing: { reason, canDoThemselves: 'Het gezin regelt de zaken nu zelf, met hulp van oma.' },
  });
}
