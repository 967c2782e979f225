import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { runRetention } from '../../packages/server/src/modules/retention';
import { auditOf, closeFile, makeFamily, makeFamilyAccount, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';

type Person = Awaited<ReturnType<typeof makeUser>>;

/** What stays of a destroyed file: who accessed it (NEN 7513) and the request that had it destroyed. */
const KEPT_AFTER_DESTRUCTION = ['audit_events', 'data_subject_requests'];
interface Request { id: string; status: string; dueOn: string | null; kind: string }

describe('data-subject requests and the retention job', () => {
  let t: TestApp;
  let sanne: Person;
  let officer: Person;
  let outsider: Person;

  beforeAll(async () => {
    t = await startTestApp();
    const wijkteam = await makeOrganisation(t, 'wijkteam');
    sanne = await makeUser(t, wijkteam, ['professional'], 'Sanne');
    officer = await makeUser(t, wijkteam, ['privacy-officer'], 'Pieter');
    outsider = await makeUser(t, await makeOrganisation(t, 'school'), ['privacy-officer'], 'Olga');
  });
  afterAll(async () => { await t?.close(); });

  const request = (who: Person, body: Record<string, unknown>) => who.client.post('/api/v1/privacy/requests', { receivedOn: '2026-11-20', ...body });

  it('gives a member a copy of everything the file holds about them, and records who downloaded it', async () => {
    const f = await makeFamily(sanne.client);
    const base = `/api/v1/families/${f.id}`;
    await sanne.client.patch(`${base}/members/${f.parentId}`, { bsn: '111222333' }, 1);
    const money = await sanne.client.create(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [f.parentId] });
    const sleep = await sanne.client.create(`${base}/goals`, { title: 'Tim slaapt goed', lifeDomain: 'lichamelijke-gezondheid', memberIds: [f.childId] });
    await sanne.client.create(`${base}/timeline`, { body: 'Gesprek met moeder over geld.', lifeDomain: 'financien', memberIds: [f.parentId] });
    await sanne.client.create(`${base}/timeline`, { body: 'Tim vertelt over school.', lifeDomain: 'scholing', memberIds: [f.childId] });
    await sanne.client.create(`${base}/assessments`, { memberId: f.parentId, view: 'professional', scores: [{ lifeDomain: 'financien', level: 2, concerns: 'Drie schuldeisers' }] });
    await sanne.client.create(`${base}/assessments`, { memberId: f.childId, view: 'professional', scores: [{ lifeDomain: 'scholing', level: 3 }] });
    await sanne.client.create(`${base}/assessments`, { memberId: null, view: 'professional', scores: [{ lifeDomain: 'huisvesting', level: 4 }] });
    // The mother has an account, and lets her son see what is about her money.
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    await mother.client.create(`${base}/consents`, { memberId: f.parentId, recipientMemberId: f.childId, categories: ['financien'], purpose: 'Tim mag meelezen', givenBy: [f.parentId] });
    // The care process: she weighs help for her goal, agrees with the plan, and takes part in an evaluation.
    const option = await sanne.client.create(`${base}/goals/${money.id}/options`, { title: 'Schuldhulptraject', asksOfFamily: 'Alle post delen' });
    await sanne.client.create(`${base}/goals/${money.id}/decisions`, { chosenOptionIds: [option.id], rationale: 'Eerst de schulden.', participants: { memberIds: [f.parentId] } });
    await mother.client.create(`${base}/plan/agreements`, { agreedBy: [f.parentId] });
    for (const to of ['intake', 'plan', 'uitvoering']) expect((await sanne.client.post(`${base}/phase`, { to })).statusCode).toBe(200);
    await sanne.client.create(`${base}/evaluations`, {
      participants: { memberIds: [f.parentId], userIds: [sanne.id] }, goals: [{ goalId: money.id, score: 1 }, { goalId: sleep.id, score: -1 }],
      experience: [{ code: 'taken-seriously', score: 5 }],
    });

    expect((await request(outsider, { familyId: f.id, memberId: f.parentId, requestedBy: f.parentId, kind: 'export' })).statusCode).toBe(404);
    expect((await request(sanne, { familyId: f.id, memberId: f.parentId, requestedBy: f.parentId, kind: 'export' })).statusCode).toBe(403);
    const made = await request(officer, { familyId: f.id, memberId: f.parentId, requestedBy: f.parentId, kind: 'export' });
    expect(made.statusCode, made.body).toBe(201);
    const req = made.json() as Request;
    expect(req).toMatchObject({ kind: 'export', status: 'completed', dueOn: null });

    const copy = await officer.client.get(`/api/v1/privacy/requests/${req.id}/export`);
    expect(copy.statusCode, copy.body).toBe(200);
    const data = copy.json() as {
      subject: { bsn: string }; goals: { title: string }[]; notes: { body: string }[]; accessLog: unknown[]; team: unknown[];
      assessments: { about: string; scores: { lifeDomain: string; level: number; concerns: string }[] }[];
      account: { email: string } | null; consents: { organisation: string | null; recipientMember: string | null }[];
      careProcess: {
        phases: { to: string }[]; agreements: unknown[]; helpOptions: { title: string }[]; decisions: { rationale: string }[];
        evaluations: { tookPart: boolean; goalScores: { goalId: string; score: number }[]; experience?: unknown[] }[];
      };
    };
    expect(data.careProcess.phases.map((p) => p.to)).toEqual(['intake', 'plan', 'uitvoering']);
    expect(data.careProcess.agreements).toHaveLength(1);
    expect(data.careProcess.helpOptions.map((o) => o.title)).toEqual(['Schuldhulptraject']);
    expect(data.careProcess.decisions.map((d) => d.rationale)).toEqual(['Eerst de schulden.']);
    // Her goal's score, not her son's; the family's experience because she took part.
    expect(data.careProcess.evaluations).toEqual([expect.objectContaining({ tookPart: true, goalScores: [{ goalId: money.id, score: 1, comment: '' }], experience: [{ code: 'taken-seriously', score: 5 }] })]);
    expect(data.subject.bsn).toBe('111222333');
    expect(data.account).toMatchObject({ email: mother.email, active: true, twoFactorSince: null });
    expect(data.consents).toContainEqual(expect.objectContaining({ organisation: null, recipientMember: 'Tim', categories: ['financien'] }));
    expect(data.goals.map((g) => g.title)).toEqual(['Rust over geld']);
    expect(data.notes.map((n) => n.body)).toEqual(['Gesprek met moeder over geld.']);
    // Her own assessment and the household's; not her son's.
    expect(data.assessments.map((a) => [a.about, a.scores.map((s) => `${s.lifeDomain} ${s.level}`)])).toEqual([
      ['member', ['financien 2']], ['household', ['huisvesting 4']],
    ]);
    expect(data.assessments[0]!.scores[0]!.concerns).toBe('Drie schuldeisers');
    expect(data.team).toHaveLength(1);
    expect(data.accessLog.length).toBeGreaterThan(3);
    const downloaded = (await auditOf(t.db, f.id)).at(-1)!;
    expect(downloaded).toMatchObject({ event_type: 'privacy.export-downloaded', user_id: officer.id, member_id: f.parentId, purpose: 'data-subject-request' });
    expect((await outsider.client.get(`/api/v1/privacy/requests/${req.id}`)).statusCode).toBe(404);
  });

  it('schedules erasure of a closed file for the end of retention, closing it to the team until then', async () => {
    const f = await makeFamily(sanne.client);
    const base = `/api/v1/families/${f.id}`;
    await sanne.client.create(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [f.parentId] });
    // The mother has her own account, with a second factor; it goes with the file.
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    await mother.client.enrolTwoFactor();
    await mother.client.create(`${base}/goals`, { title: 'Ik wil een eigen huis', lifeDomain: 'huisvesting', memberIds: [f.parentId] });
    const erase = { familyId: f.id, memberId: f.parentId, requestedBy: f.parentId, kind: 'erasure' };
    const open = await request(officer, erase);
    expect(open.statusCode).toBe(409);

    const closed = await closeFile(sanne.client, f.id);
    expect(closed.statusCode, closed.body).toBe(200);
    const scheduled = await request(officer, erase);
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const req = scheduled.json() as Request;
    const today = new Date().toISOString().slice(0, 10);
    expect(req).toMatchObject({ status: 'scheduled', dueOn: `${Number(today.slice(0, 4)) + 20}${today.slice(4)}` });

    // Until then the file is closed to the team; the privacy officer can still read who accessed it.
    expect((await sanne.client.get(`${base}/plan`)).statusCode).toBe(404);
    expect((await mother.client.get(`${base}/plan`)).statusCode).toBe(404);
    expect(((await sanne.client.get('/api/v1/me/families')).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(f.id);
    expect((await officer.client.get(`${base}/audit`)).statusCode).toBe(200);
    const denied = (await auditOf(t.db, f.id)).filter((r) => r.event_type === 'plan.read').at(-1)!;
    expect(denied).toMatchObject({ outcome: 'denied', detail: expect.objectContaining({ basis: 'erasure-scheduled' }) });

    // The retention job leaves it alone today, and destroys it once the period has passed.
    expect((await runRetention(t.db)).destroyed.map((d) => d.familyId)).not.toContain(f.id);
    const later = new Date(Date.now() + (20 * 366 + 1) * 86_400_000);
    const report = await runRetention(t.db, later);
    expect(report.destroyed).toContainEqual({ familyId: f.id, reason: 'erasure-request' });
    expect(await t.db.selectFrom('families').select('id').where('id', '=', f.id).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom('members').select('id').where('family_id', '=', f.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('goals').select('id').where('family_id', '=', f.id).execute()).toEqual([]);
    // Every table that names a family, now and as tables are added, holds nothing of it but the accountability records.
    const tables = await sql<{ table_name: string }>`select col.table_name from information_schema.columns col join pg_class c on c.relname = col.table_name and not c.relispartition where col.table_schema = current_schema() and col.column_name = 'family_id' order by col.table_name`.execute(t.db);
    const left: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} where family_id = ${f.id}`.execute(t.db);
      if (rows.rows[0]!.n > 0) left.push(table_name);
    }
    expect(left).toEqual(KEPT_AFTER_DESTRUCTION);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', mother.id).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom('recovery_codes').select('id').where('user_id', '=', mother.id).execute()).toEqual([]);
    expect((await mother.client.get('/api/v1/me')).statusCode).toBe(401);
    expect(((await officer.client.get(`/api/v1/privacy/requests/${req.id}`)).json() as Request).status).toBe('completed');
    const last = (await auditOf(t.db, f.id)).at(-1)!;
    expect(last).toMatchObject({ event_type: 'retention.file-destroyed', action: 'D', actor_kind: 'system', detail: { reason: 'erasure-request' } });
    expect(await verifyAuditLog(t.db, { chainId: `family:${f.id}` })).toMatchObject({ ok: true });
  });

  it('erases at once a closed file that never held care, and destroys any closed file whose 20 years have passed', async () => {
    const never = await makeFamily(sanne.client);
    await closeFile(sanne.client, never.id);
    const res = await request(officer, { familyId: never.id, memberId: never.parentId, requestedBy: never.parentId, kind: 'erasure' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'completed' });
    expect(await t.db.selectFrom('families').select('id').where('id', '=', never.id).executeTakeFirst()).toBeUndefined();

    const old = await makeFamily(sanne.client);
    await sanne.client.create(`/api/v1/families/${old.id}/goals`, { title: 'Rust', lifeDomain: 'financien' });
    await closeFile(sanne.client, old.id);
    const report = await runRetention(t.db, new Date(Date.now() + (20 * 366 + 1) * 86_400_000));
    expect(report.destroyed).toContainEqual({ familyId: old.id, reason: 'retention-ended' });
  });
});
