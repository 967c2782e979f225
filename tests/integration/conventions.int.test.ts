import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { requestFingerprint } from '../../packages/server/src/platform/http/idempotency';
import { encodeCursor } from '../../packages/server/src/platform/http/cursor';
import { routes } from '../../packages/server/src/routes';
import { CHILD, makeFamily, makeProfessional, PARENT, startTestApp, type TestApp } from '../support/test-app';
import { shareFamily } from '../support/sharing';

/**
 * The API conventions of DESIGN.md §6, as a client relies on them: optimistic concurrency (ETag / If-Match),
 * Idempotency-Key on POST, cursor pagination, problem+json with per-field pointers, the OpenAPI contract and the
 * health probes.
 */

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { pointer: string; detail: string }[];
}

/** Asserts an RFC 9457 answer with this status and returns the problem document. */
function problem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as Problem;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  return body;
}

function pointers(p: Problem): string[] {
  return (p.errors ?? []).map((e) => e.pointer);
}

/** Walks a cursor-paginated list to its end, asserting every page is within the limit. */
async function walk<T>(client: ApiClient, url: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await client.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: T[]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    pages += 1;
    expect(pages, 'pagination does not end').toBeLessThan(100);
  } while (cursor !== null);
  return { items, pages };
}

describe('API conventions', () => {
  let t: TestApp;
  let sanne: Awaited<ReturnType<typeof makeProfessional>>;
  let mo: Awaited<ReturnType<typeof makeProfessional>>;

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeProfessional(t, 'wijkteam', 'Sanne de Vries');
    mo = await makeProfessional(t, 'schuldhulp', 'Mohammed Benali');
  });
  afterAll(async () => { await t?.close(); });

  /** A family of sanne's with mo on the team, one goal and one action. */
  async function familyWithPlan(name = 'Gezin Jansen') {
    const family = await makeFamily(sanne.client, name);
    await shareFamily(t, sanne, family, [mo.organisationId]);
    const base = `/api/v1/families/${family.id}`;
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member', lifeDomains: ['financien'] });
    const goal = await sanne.client.create<{ id: string; version: number }>(`${base}/goals`, {
      title: 'We hebben rust over geld', lifeDomain: 'financien', memberIds: [family.parentId], focus: 'now',
    });
    const action = await sanne.client.create<{ id: string; version: number }>(`${base}/goals/${goal.id}/actions`, {
      title: 'Brieven verzamelen', dueDate: '2030-01-10', assigneeMemberId: family.parentId,
    });
    return { ...family, base, goal, action };
  }

  async function planVersion(base: string): Promise<number> {
    return ((await sanne.client.get(`${base}/plan`)).json() as { version: number }).version;
  }

  describe('ETag and If-Match', () => {
    it('single resources carry their version as ETag', async () => {
      const f = await familyWithPlan();
      const family = await sanne.client.get(f.base);
      expect(family.statusCode).toBe(200);
      expect(family.headers.etag).toBe(`"${(family.json() as { version: number }).version}"`);
      const member = await sanne.client.get(`${f.base}/members/${f.parentId}`);
      expect(member.statusCode).toBe(200);
      expect(member.headers.etag).toBe('"1"');
      const plan = await sanne.client.get(`${f.base}/plan`);
      expect(plan.statusCode).toBe(200);
      expect(plan.headers.etag).toBe(`"${(plan.json() as { version: number }).version}"`);
    });

    it('a family: 428 without If-Match, 412 on a stale version (unchanged), 200 and version + 1 on the current one', async () => {
      const f = await familyWithPlan();
      const before = (await sanne.client.get(f.base)).json() as { version: number; name: string };
      expect(before.version).toBe(1);

      const missing = problem(await sanne.client.request('PATCH', f.base, { name: 'Gezin Jansen-de Boer' }), 428);
      expect(missing.code).toBe('PRECONDITION_REQUIRED');

      const stale = await sanne.client.patch(f.base, { name: 'Gezin Jansen-de Boer' }, before.version + 5);
      expect(problem(stale, 412).code).toBe('VERSION_MISMATCH');
      expect(stale.headers.etag).toBe(`"${before.version}"`);
      expect((await sanne.client.get(f.base)).json()).toMatchObject({ name: 'Gezin Jansen', version: before.version });

      const ok = await sanne.client.patch(f.base, { name: 'Gezin Jansen-de Boer' }, before.version);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ name: 'Gezin Jansen-de Boer', phase: 'aanmelding', version: before.version + 1 });
      expect(ok.headers.etag).toBe(`"${before.version + 1}"`);

      // The version just replaced is now stale in its turn, and a weak ETag of the current one is accepted.
      const again = await sanne.client.patch(f.base, { name: 'Gezin de Boer' }, before.version);
      problem(again, 412);
      expect((await sanne.client.get(f.base)).json()).toMatchObject({ name: 'Gezin Jansen-de Boer', version: 2 });
      const weak = await sanne.client.request('PATCH', f.base, { name: 'Gezin de Boer' }, { 'if-match': 'W/"2"' });
      expect(weak.statusCode, weak.body).toBe(200);
      expect(weak.headers.etag).toBe('"3"');

      // An If-Match that is no ETag of this API is invalid input, not a precondition failure.
      const garbage = await sanne.client.request('PATCH', f.base, { name: 'x' }, { 'if-match': 'yesterday' });
      expect(pointers(problem(garbage, 400))).toContain('/headers/if-match');
    });

    it('a member: 428, 412 (unchanged), then 200 with version + 1', async () => {
      const f = await familyWithPlan();
      const url = `${f.base}/members/${f.childId}`;
      problem(await sanne.client.request('PATCH', url, { givenName: 'Timo' }), 428);
      problem(await sanne.client.patch(url, { givenName: 'Timo' }, 2), 412);
      expect((await sanne.client.get(url)).json()).toMatchObject({ givenName: 'Tim', version: 1 });

      const ok = await sanne.client.patch(url, { givenName: 'Timo' }, 1);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ givenName: 'Timo', version: 2 });
      expect(ok.headers.etag).toBe('"2"');
      const read = await sanne.client.get(url);
      expect(read.json()).toMatchObject({ givenName: 'Timo', version: 2 });
      expect(read.headers.etag).toBe('"2"');
    });

    it('a goal: 428, 412 (goal and plan unchanged), then 200 with version + 1', async () => {
      const f = await familyWithPlan();
      const url = `${f.base}/goals/${f.goal.id}`;
      const planBefore = await planVersion(f.base);
      problem(await sanne.client.request('PATCH', url, { title: 'Geld is geregeld' }), 428);
      problem(await sanne.client.patch(url, { title: 'Geld is geregeld' }, f.goal.version + 1), 412);
      const unchanged = (await sanne.client.get(`${f.base}/plan`)).json() as { version: number; goals: { id: string; title: string; version: number }[] };
      expect(unchanged.version).toBe(planBefore);
      expect(unchanged.goals.find((g) => g.id === f.goal.id)).toMatchObject({ title: 'We hebben rust over geld', version: 1 });

      const ok = await mo.client.patch(url, { title: 'Geld is geregeld' }, f.goal.version);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ title: 'Geld is geregeld', version: f.goal.version + 1 });
      expect(ok.headers.etag).toBe(`"${f.goal.version + 1}"`);
      expect(await planVersion(f.base)).toBe(planBefore + 1);
    });

    it('two updates from the same version at once: exactly one wins, the other is 412', async () => {
      const f = await familyWithPlan();
      const url = `${f.base}/goals/${f.goal.id}`;
      const planBefore = await planVersion(f.base);
      const answers = await Promise.all(['Eerste titel', 'Tweede titel', 'Derde titel'].map((title) =>
        (title === 'Tweede titel' ? mo : sanne).client.patch(url, { title }, f.goal.version)));
      expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([200, 412, 412]);
      const winner = answers.find((r) => r.statusCode === 200)!.json() as { title: string; version: number };
      expect(winner.version).toBe(f.goal.version + 1);
      const plan = (await sanne.client.get(`${f.base}/plan`)).json() as { version: number; goals: { id: string; title: string; version: number }[] };
      expect(plan.goals.find((g) => g.id === f.goal.id)).toMatchObject({ title: winner.title, version: f.goal.version + 1 });
      expect(plan.version).toBe(planBefore + 1);
    });

    it('an action: 428, 412 (unchanged), then 200 with version + 1', async () => {
      const f = await familyWithPlan();
      const url = `${f.base}/actions/${f.action.id}`;
      problem(await mo.client.request('PATCH', url, { status: 'done' }), 428);
      problem(await mo.client.patch(url, { status: 'done' }, 7), 412);
      const plan = (await sanne.client.get(`${f.base}/plan`)).json() as { goals: { actions: { id: string; status: string; version: number }[] }[] };
      expect(plan.goals[0]!.actions[0]).toMatchObject({ id: f.action.id, status: 'open', version: 1 });

      const ok = await mo.client.patch(url, { status: 'done' }, 1);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'done', version: 2 });
      expect(ok.headers.etag).toBe('"2"');
    });
  });

  describe('Idempotency-Key', () => {
    const goalBody = { title: 'Tim gaat met plezier naar school', lifeDomain: 'scholing', focus: 'later' };

    async function goalsTitled(base: string, title: string) {
      const plan = (await sanne.client.get(`${base}/plan`)).json() as { goals: { id: string; title: string }[] };
      return plan.goals.filter((g) => g.title === title);
    }

    it('replays the first answer for the same key and body, and does the work once', async () => {
      const f = await familyWithPlan();
      const first = await sanne.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'goal-1' });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const planAfterFirst = await planVersion(f.base);

      const second = await sanne.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'goal-1' });
      expect(second.statusCode).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.json()).toEqual(first.json());
      expect(second.headers.etag).toBe(first.headers.etag);

      expect((await goalsTitled(f.base, goalBody.title)).map((g) => g.id)).toEqual([(first.json() as { id: string }).id]);
      expect(await planVersion(f.base)).toBe(planAfterFirst);
    });

    it('keys belong to one user: another user with the same key makes their own goal', async () => {
      const f = await familyWithPlan();
      const a = await sanne.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'shared-key' });
      const b = await mo.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'shared-key' });
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(b.headers['idempotent-replayed']).toBeUndefined();
      expect((b.json() as { id: string }).id).not.toBe((a.json() as { id: string }).id);
      expect(await goalsTitled(f.base, goalBody.title)).toHaveLength(2);
    });

    it('registering a family twice with one key registers it once', async () => {
      const body = { name: 'Gezin Idempotent', members: [PARENT, CHILD] };
      const first = await sanne.client.post('/api/v1/families', body, { 'idempotency-key': 'register-1' });
      const second = await sanne.client.post('/api/v1/families', body, { 'idempotency-key': 'register-1' });
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.json()).toEqual(first.json());
      const mine = (await sanne.client.get('/api/v1/families?q=Idempotent')).json() as { items: { id: string }[] };
      expect(mine.items.map((x) => x.id)).toEqual([(first.json() as { id: string }).id]);
    });

    it('the same key with a different body (or path) is 422', async () => {
      const f = await familyWithPlan();
      expect((await sanne.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'goal-2' })).statusCode).toBe(201);
      const other = await sanne.client.post(`${f.base}/goals`, { ...goalBody, title: 'Iets anders' }, { 'idempotency-key': 'goal-2' });
      expect(problem(other, 422).code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherPath = await sanne.client.post(`${f.base}/timeline`, { body: 'Notitie' }, { 'idempotency-key': 'goal-2' });
      expect(problem(otherPath, 422).code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await goalsTitled(f.base, 'Iets anders')).toEqual([]);
      expect(await goalsTitled(f.base, goalBody.title)).toHaveLength(1);
    });

    it('a key whose first request is still in progress is 409 with Retry-After; an abandoned one may be used again', async () => {
      const f = await familyWithPlan();
      const path = `${f.base}/goals`;
      // The first request with this key is "running" (claimed moments ago, no response yet).
      await t.db.insertInto('idempotency_keys').values({
        user_id: sanne.id, key: 'busy-1', method: 'POST', path, request_hash: requestFingerprint('POST', path, goalBody),
        status: 'in-progress', created_at: new Date(),
      }).execute();
      const busy = await sanne.client.post(path, goalBody, { 'idempotency-key': 'busy-1' });
      expect(problem(busy, 409).code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(busy.headers['retry-after']).toBeDefined();
      expect(await goalsTitled(f.base, goalBody.title)).toEqual([]);

      // One whose server died long ago is abandoned: the retry is carried out.
      await t.db.insertInto('idempotency_keys').values({
        user_id: sanne.id, key: 'busy-2', method: 'POST', path, request_hash: requestFingerprint('POST', path, goalBody),
        status: 'in-progress', created_at: new Date(Date.now() - 10 * 60 * 1000),
      }).execute();
      const retried = await sanne.client.post(path, goalBody, { 'idempotency-key': 'busy-2' });
      expect(retried.statusCode, retried.body).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(await goalsTitled(f.base, goalBody.title)).toHaveLength(1);
    });

    // Concurrent first requests with one key: moved to reliability.int.test.ts (20 copies at once, over HTTP).

    it('a failed first attempt frees the key, so the corrected retry is carried out', async () => {
      const f = await familyWithPlan();
      // 422: the life domain is not in the catalogue.
      const unknownDomain = await sanne.client.post(`${f.base}/goals`, { ...goalBody, lifeDomain: 'astrologie' }, { 'idempotency-key': 'fix-1' });
      problem(unknownDomain, 422);
      const fixed = await sanne.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'fix-1' });
      expect(fixed.statusCode, fixed.body).toBe(201);
      expect(fixed.headers['idempotent-replayed']).toBeUndefined();

      // 400: the body does not validate.
      problem(await sanne.client.post(`${f.base}/goals`, { lifeDomain: 'scholing' }, { 'idempotency-key': 'fix-2' }), 400);
      const fixed2 = await sanne.client.post(`${f.base}/goals`, { ...goalBody, title: 'Tweede poging' }, { 'idempotency-key': 'fix-2' });
      expect(fixed2.statusCode, fixed2.body).toBe(201);
      const left = await t.db.selectFrom('idempotency_keys').select(['key', 'status']).where('user_id', '=', sanne.id)
        .where('key', 'in', ['fix-1', 'fix-2']).orderBy('key').execute();
      expect(left).toEqual([{ key: 'fix-1', status: 'done' }, { key: 'fix-2', status: 'done' }]);
    });

    it('an invalid key is 400 with a pointer to the header', async () => {
      const f = await familyWithPlan();
      const res = await sanne.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'x'.repeat(300) });
      expect(pointers(problem(res, 400))).toContain('/headers/idempotency-key');
    });

    it('a replay still passes the gate: after leaving the team, the stored answer is not handed out', async () => {
      const f = await familyWithPlan();
      const first = await mo.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'leaver-1' });
      expect(first.statusCode).toBe(201);
      const team = (await sanne.client.get(`${f.base}/team`)).json() as { items: { id: string; userId: string }[] };
      const moMembership = team.items.find((m) => m.userId === mo.id)!;
      expect((await sanne.client.delete(`${f.base}/team/${moMembership.id}`)).statusCode).toBe(200);
      expect((await mo.client.get(`${f.base}/plan`)).statusCode).toBe(404);
      const replay = await mo.client.post(`${f.base}/goals`, goalBody, { 'idempotency-key': 'leaver-1' });
      problem(replay, 404);
    });
  });

  describe('cursor pagination', () => {
    it('pages the timeline newest first, every entry exactly once, full pages past what the reader may not see', async () => {
      const f = await makeFamily(sanne.client);
      const base = `/api/v1/families/${f.id}`;
      await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member' });
      const notes: string[] = [];
      for (let i = 1; i <= 6; i++) {
        notes.push((await sanne.client.create(`${base}/timeline`, { body: `Notitie ${i}`, lifeDomain: 'financien' })).id);
        // Without the family's consent, the wijkteam does not see what the schuldhulp writes, nor that it wrote.
        for (let j = 0; j < 3; j++) await mo.client.create(`${base}/timeline`, { body: `Schuldhulp ${i}.${j}`, lifeDomain: 'financien' });
      }
      const all = (await sanne.client.get(`${base}/timeline?limit=200`)).json() as { items: { id: string }[]; nextCursor: string | null };
      expect(all.nextCursor).toBeNull();
      expect(all.items.length).toBe(9); // registration, coordinator joined, mo joined, six notes

      const { items, pages } = await walk<{ id: string; createdAt: string; event: string }>(sanne.client, `${base}/timeline`, 2);
      expect(pages).toBe(5);
      expect(items.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
      expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
      for (let i = 1; i < items.length; i++) expect(items[i - 1]!.createdAt >= items[i]!.createdAt).toBe(true);
      expect(items.filter((e) => e.event === 'note').map((e) => e.id)).toEqual([...notes].reverse());
      expect(items.at(-1)!.event).toBe('family.registered');
    });

    it('refuses a bad limit or cursor on the timeline with a pointer', async () => {
      const f = await makeFamily(sanne.client);
      const base = `/api/v1/families/${f.id}/timeline`;
      expect(pointers(problem(await sanne.client.get(`${base}?limit=0`), 400))).toContain('/query/limit');
      expect(pointers(problem(await sanne.client.get(`${base}?limit=201`), 400))).toContain('/query/limit');
      expect(pointers(problem(await sanne.client.get(`${base}?limit=abc`), 400))).toContain('/query/limit');
      expect(pointers(problem(await sanne.client.get(`${base}?cursor=garbage!!`), 400))).toContain('/query/cursor');
      // Well-formed base64url JSON, but not a timeline cursor.
      const forged = encodeCursor('not-a-time', 'not-a-uuid');
      expect(pointers(problem(await sanne.client.get(`${base}?cursor=${forged}`), 400))).toContain('/query/cursor');
      expect((await sanne.client.get(`${base}?limit=200`)).statusCode).toBe(200);
    });

    it('pages the organisations (admin), every one exactly once', async () => {
      const created: string[] = [];
      for (let i = 1; i <= 5; i++) created.push((await t.admin.create('/api/v1/organisations', { name: `Pagina Organisatie ${i}`, kind: 'school' })).id);
      const { items } = await walk<{ id: string }>(t.admin, '/api/v1/organisations', 2);
      const ids = items.map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(created));
      const all = (await t.admin.get('/api/v1/organisations?limit=200')).json() as { items: { id: string }[] };
      expect(ids).toEqual(all.items.map((o) => o.id));

      expect(pointers(problem(await t.admin.get('/api/v1/organisations?limit=0'), 400))).toContain('/query/limit');
      expect(pointers(problem(await t.admin.get('/api/v1/organisations?limit=201'), 400))).toContain('/query/limit');
      expect(pointers(problem(await t.admin.get('/api/v1/organisations?cursor=garbage'), 400))).toContain('/query/cursor');
    });

    it('pages my actions by due date, undated last, with the overdue flag', async () => {
      const lisa = await makeProfessional(t, 'jeugd-ggz', 'Lisa Bakker');
      const a = await makeFamily(lisa.client, 'Gezin Aksoy');
      const b = await makeFamily(lisa.client, 'Gezin Bos');
      const goalA = await lisa.client.create(`/api/v1/families/${a.id}/goals`, { title: 'Doel A', lifeDomain: 'huisvesting' });
      const goalB = await lisa.client.create(`/api/v1/families/${b.id}/goals`, { title: 'Doel B', lifeDomain: 'scholing' });
      const add = (familyId: string, goalId: string, title: string, dueDate?: string) => lisa.client.create<{ id: string }>(
        `/api/v1/families/${familyId}/goals/${goalId}/actions`, { title, ...(dueDate ? { dueDate } : {}), assigneeUserId: lisa.id });
      await add(a.id, goalA.id, 'Zonder datum A');
      await add(b.id, goalB.id, 'Later', '2031-06-01');
      await add(a.id, goalA.id, 'Lang geleden', '2020-01-15');
      await add(b.id, goalB.id, 'Zonder datum B');
      await add(a.id, goalA.id, 'Binnenkort', '2030-03-01');
      await add(b.id, goalB.id, 'Vorig jaar', '2021-05-05');
      // Someone else's action, and a done one, are not in my list.
      await lisa.client.create(`/api/v1/families/${a.id}/goals/${goalA.id}/actions`, { title: 'Van de ouder', assigneeMemberId: a.parentId });
      const done = await add(a.id, goalA.id, 'Al gedaan', '2020-01-01');
      expect((await lisa.client.patch(`/api/v1/families/${a.id}/actions/${done.id}`, { status: 'done' }, 1)).statusCode).toBe(200);

      const { items } = await walk<{ title: string; dueDate: string | null; overdue: boolean; familyName: string; goalTitle: string }>(
        lisa.client, '/api/v1/me/actions', 2);
      expect(items.map((i) => i.title)).toEqual(['Lang geleden', 'Vorig jaar', 'Binnenkort', 'Later', 'Zonder datum A', 'Zonder datum B']);
      expect(items.map((i) => i.overdue)).toEqual([true, true, false, false, false, false]);
      expect(items[0]).toMatchObject({ familyName: 'Gezin Aksoy', goalTitle: 'Doel A', dueDate: '2020-01-15' });
      expect(items.slice(-2).map((i) => i.dueDate)).toEqual([null, null]);

      expect(pointers(problem(await lisa.client.get('/api/v1/me/actions?limit=0'), 400))).toContain('/query/limit');
      expect(pointers(problem(await lisa.client.get('/api/v1/me/actions?limit=201'), 400))).toContain('/query/limit');
      expect(pointers(problem(await lisa.client.get('/api/v1/me/actions?cursor=%7B%7D'), 400))).toContain('/query/cursor');
      const wrongShape = encodeCursor('2020-01-01');
      expect(pointers(problem(await lisa.client.get(`/api/v1/me/actions?cursor=${wrongShape}`), 400))).toContain('/query/cursor');
    });
  });

  describe('validation', () => {
    it('names each invalid field with a JSON pointer', async () => {
      const f = await makeFamily(sanne.client);
      const empty = problem(await sanne.client.post(`/api/v1/families/${f.id}/goals`, {}), 400);
      expect(empty.code).toBe('VALIDATION_FAILED');
      expect(pointers(empty)).toEqual(expect.arrayContaining(['/body/title', '/body/lifeDomain']));
      expect(empty.errors!.every((e) => typeof e.detail === 'string' && e.detail.length > 0)).toBe(true);

      const nested = problem(await sanne.client.post('/api/v1/families', {
        name: 'Gezin Fout',
        members: [PARENT, { ...CHILD, birthDate: '2013-13-01' }, { ...CHILD, givenName: '' }],
      }), 400);
      expect(pointers(nested)).toEqual(expect.arrayContaining(['/body/members/1/birthDate', '/body/members/2/givenName']));

      const unknownField = problem(await sanne.client.post(`/api/v1/families/${f.id}/timeline`, { body: 'Notitie', secret: 1 }), 400);
      expect(unknownField.errors?.length).toBeGreaterThan(0);
      const notJson = await sanne.client.request('POST', `/api/v1/families/${f.id}/timeline`, '{"body": ', { 'content-type': 'application/json' });
      problem(notJson, 400);
    });

    it('refuses impossible dates', async () => {
      const res = problem(await sanne.client.post('/api/v1/families', { name: 'Gezin Datum', members: [{ ...PARENT, birthDate: '2025-02-30' }] }), 400);
      expect(pointers(res)).toContain('/body/members/0/birthDate');
      const f = await makeFamily(sanne.client);
      const goal = await sanne.client.create(`/api/v1/families/${f.id}/goals`, { title: 'Doel', lifeDomain: 'financien' });
      const action = problem(await sanne.client.post(`/api/v1/families/${f.id}/goals/${goal.id}/actions`, {
        title: 'Actie', dueDate: '2025-02-29', assigneeUserId: sanne.id,
      }), 400);
      expect(pointers(action)).toContain('/body/dueDate');
      expect((await sanne.client.post(`/api/v1/families/${f.id}/goals/${goal.id}/actions`, {
        title: 'Actie', dueDate: '2024-02-29', assigneeUserId: sanne.id,
      })).statusCode).toBe(201);
    });

    it('checks a BSN with the elfproef and keeps it out of every list', async () => {
      const bad = problem(await sanne.client.post('/api/v1/families', { name: 'Gezin BSN', members: [{ ...PARENT, bsn: '123456789' }] }), 400);
      expect(pointers(bad)).toContain('/body/members/0/bsn');
      problem(await sanne.client.post('/api/v1/families', { name: 'Gezin BSN', members: [{ ...PARENT, bsn: '12345678' }] }), 400);

      const created = await sanne.client.post('/api/v1/families', { name: 'Gezin BSN', members: [{ ...PARENT, bsn: '111222333' }, CHILD] });
      expect(created.statusCode, created.body).toBe(201);
      const familyId = (created.json() as { id: string }).id;
      const base = `/api/v1/families/${familyId}`;
      const members = (await sanne.client.get(`${base}/members`)).json() as { items: { id: string; hasBsn: boolean; role: string }[] };
      const parent = members.items.find((m) => m.role === 'parent')!;
      const child = members.items.find((m) => m.role === 'child')!;
      expect([parent.hasBsn, child.hasBsn]).toEqual([true, false]);

      // Give the child a BSN too (a change that lands on the timeline), and a goal (the plan).
      const badPatch = problem(await sanne.client.patch(`${base}/members/${child.id}`, { bsn: '123456789' }, 1), 400);
      expect(pointers(badPatch)).toContain('/body/bsn');
      expect((await sanne.client.patch(`${base}/members/${child.id}`, { bsn: '123456782' }, 1)).statusCode).toBe(200);
      await sanne.client.create(`${base}/goals`, { title: 'Rust in huis', lifeDomain: 'huisvesting', memberIds: [parent.id, child.id] });

      for (const url of [`${base}/members`, base, `${base}/plan`, `${base}/timeline`, '/api/v1/families', '/api/v1/me/families']) {
        const res = await sanne.client.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain('111222333');
        expect(res.body, url).not.toContain('123456782');
      }
      const one = await sanne.client.get(`${base}/members/${parent.id}`);
      expect(one.json()).toMatchObject({ id: parent.id, bsn: '111222333', hasBsn: true });
      expect((await sanne.client.get(`${base}/members/${child.id}`)).json()).toMatchObject({ bsn: '123456782' });
    });

    it('one BSN belongs to one member of a family', async () => {
      const twice = await sanne.client.post('/api/v1/families', { name: 'Gezin Dubbel', members: [{ ...PARENT, bsn: '111222333' }, { ...CHILD, bsn: '111222333' }] });
      problem(twice, 422);
      const f = await sanne.client.create<{ id: string }>('/api/v1/families', { name: 'Gezin Dubbel', members: [{ ...PARENT, bsn: '111222333' }, CHILD] });
      const members = (await sanne.client.get(`/api/v1/families/${f.id}/members`)).json() as { items: { id: string; role: string }[] };
      const child = members.items.find((m) => m.role === 'child')!;
      expect(pointers(problem(await sanne.client.patch(`/api/v1/families/${f.id}/members/${child.id}`, { bsn: '111222333' }, 1), 409))).toContain('/body/bsn');
      // Another family may know the same person (a child of separated parents).
      expect((await sanne.client.post('/api/v1/families', { name: 'Gezin Elders', members: [{ ...PARENT, bsn: '111222333' }] })).statusCode).toBe(201);
    });

    it('an unknown life-domain code is 422', async () => {
      const f = await makeFamily(sanne.client);
      const base = `/api/v1/families/${f.id}`;
      const goal = problem(await sanne.client.post(`${base}/goals`, { title: 'Doel', lifeDomain: 'astrologie' }), 422);
      expect(pointers(goal)).toContain('/body/lifeDomain');
      problem(await sanne.client.post(`${base}/timeline`, { body: 'Notitie', lifeDomain: 'astrologie' }), 422);
      // Not even the shape of a code: invalid input.
      problem(await sanne.client.post(`${base}/goals`, { title: 'Doel', lifeDomain: 'Financiën!' }), 400);
    });
  });

  describe('contract and probes', () => {
    it('the OpenAPI 3.1 document describes every registered route, each with a summary', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { summary?: string; responses?: object }>> };
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(routes.length).toBeGreaterThan(20);
      for (const route of routes) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        const op = doc.paths[path]?.[route.method.toLowerCase()];
        expect(op, `${route.method} ${path}`).toBeDefined();
        expect(op!.summary, `${route.method} ${path}`).toEqual(expect.any(String));
        expect(op!.summary!.length).toBeGreaterThan(0);
        expect(op!.responses).toBeDefined();
      }
      // The contract of the foundation issue, spelled out.
      const contract = [
        'post /api/v1/auth/login', 'post /api/v1/auth/logout', 'get /api/v1/me',
        'get /api/v1/organisations', 'post /api/v1/organisations', 'get /api/v1/users', 'post /api/v1/users',
        'get /api/v1/families', 'post /api/v1/families', 'get /api/v1/families/{familyId}', 'patch /api/v1/families/{familyId}',
        'get /api/v1/families/{familyId}/members', 'post /api/v1/families/{familyId}/members',
        'patch /api/v1/families/{familyId}/members/{memberId}',
        'get /api/v1/families/{familyId}/team', 'post /api/v1/families/{familyId}/team',
        'delete /api/v1/families/{familyId}/team/{teamMemberId}',
        'get /api/v1/families/{familyId}/plan', 'post /api/v1/families/{familyId}/goals',
        'patch /api/v1/families/{familyId}/goals/{goalId}', 'post /api/v1/families/{familyId}/goals/{goalId}/actions',
        'patch /api/v1/families/{familyId}/actions/{actionId}',
        'get /api/v1/families/{familyId}/timeline', 'post /api/v1/families/{familyId}/timeline',
        'get /api/v1/me/families', 'get /api/v1/me/actions', 'get /api/v1/families/{familyId}/audit',
        'get /api/v1/catalogues/life-domains',
      ];
      const described = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
      expect(described).toEqual(expect.arrayContaining(contract));
    });

    it('the life-domain catalogue lists the 21 default domains by stable code', async () => {
      const res = await sanne.client.get('/api/v1/catalogues/life-domains');
      expect(res.statusCode).toBe(200);
      const codes = (res.json() as { items: { code: string; nameNl: string }[] }).items.map((d) => d.code);
      expect(codes).toHaveLength(21);
      expect(new Set(codes).size).toBe(21);
      expect(codes).toEqual(expect.arrayContaining(['financien', 'huisvesting', 'geestelijke-gezondheid', 'scholing']));
    });

    it('/healthz and /readyz answer without signing in', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
      // …while the API itself wants a session.
      problem(await t.app.inject({ method: 'GET', url: '/api/v1/me/families' }), 401);
    });
  });
});
