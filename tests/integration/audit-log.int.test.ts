import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { auditOf, makeFamily, makeProfessional, startTestApp, type TestApp } from '../support/test-app';

describe('the audit log', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('records NEN 7513 fields for a read, committed before the answer', async () => {
    const sanne = await makeProfessional(t, 'wijkteam', 'Sanne');
    const family = await makeFamily(sanne.client);
    const res = await sanne.client.get(`/api/v1/families/${family.id}/plan`, { 'user-agent': 'test-agent/1.0' });
    expect(res.statusCode).toBe(200);
    const read = (await auditOf(t.db, family.id)).find((r) => r.event_type === 'plan.read')!;
    expect(read).toMatchObject({
      action: 'R', outcome: 'success', actor_kind: 'professional', user_id: sanne.id, user_name: 'Sanne',
      user_roles: ['professional'], family_id: family.id, resource_type: 'plan', ip: '127.0.0.1', client: 'test-agent/1.0',
      purpose: 'care', check_authorisation: true, check_care_relationship: true, check_consent: true, check_emergency: false,
      chain_id: `family:${family.id}`,
    });
    expect(read.organisation_name).toMatch(/^wijkteam/);
    expect(read.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps one chain per family whatever the case of the ids in the URL', async () => {
    const sanne = await makeProfessional(t);
    const family = await makeFamily(sanne.client);
    const upper = `/api/v1/families/${family.id.toUpperCase()}`;
    expect((await sanne.client.get(`${upper}/plan`)).statusCode).toBe(200);
    expect((await sanne.client.get(`${upper}/members/${family.childId.toUpperCase()}`)).statusCode).toBe(200);
    const records = await auditOf(t.db, family.id);
    expect(new Set(records.map((r) => r.chain_id))).toEqual(new Set([`family:${family.id}`]));
    expect(records.at(-1)).toMatchObject({ event_type: 'member.read', member_id: family.childId });
    expect(await verifyAuditLog(t.db, { chainId: `family:${family.id}` })).toMatchObject({ ok: true });
  });

  it('cannot be changed or deleted through the database', async () => {
    const sanne = await makeProfessional(t);
    const family = await makeFamily(sanne.client);
    await expect(sql`update audit_events set outcome = 'denied' where family_id = ${family.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where family_id = ${family.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await auditOf(t.db, family.id)).length).toBeGreaterThan(0);
  });

  it('names the first broken record when someone tampers with the log', async () => {
    const sanne = await makeProfessional(t);
    const family = await makeFamily(sanne.client);
    for (let i = 0; i < 3; i++) await sanne.client.get(`/api/v1/families/${family.id}/plan`);
    const chainId = `family:${family.id}`;
    expect(await verifyAuditLog(t.db, { chainId })).toMatchObject({ ok: true });
    const records = await auditOf(t.db, family.id);
    const victim = records[2]!;

    // Only the table owner, with the guard switched off, can do this: exactly what the hash chain is for.
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t.db);
    try {
      await sql`update audit_events set user_name = 'someone else' where id = ${victim.id}`.execute(t.db);
      const broken = await verifyAuditLog(t.db, { chainId });
      expect(broken).toMatchObject({ ok: false, firstBroken: { chainId: `family:${family.id}`, id: victim.id, seq: Number(victim.seq), reason: 'content does not match its hash' } });

      await sql`update audit_events set user_name = ${victim.user_name} where id = ${victim.id}`.execute(t.db);
      expect(await verifyAuditLog(t.db, { chainId })).toMatchObject({ ok: true });

      await sql`delete from audit_events where id = ${records[1]!.id}`.execute(t.db);
      expect(await verifyAuditLog(t.db, { chainId })).toMatchObject({ ok: false, firstBroken: { chainId, seq: Number(records[2]!.seq), reason: 'record 2 is missing' } });
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t.db);
    }
  });

  it('keeps each family chain unbroken under concurrent requests', async () => {
    const sanne = await makeProfessional(t);
    const family = await makeFamily(sanne.client);
    const base = `/api/v1/families/${family.id}`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? sanne.client.get(`${base}/plan`) : sanne.client.post(`${base}/timeline`, { body: `notitie ${i}`, lifeDomain: 'financien' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(201)].sort());
    const seqs = (await auditOf(t.db, family.id)).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('fails closed: when the audit record cannot be written, nothing is read or changed (503)', async () => {
    const sanne = await makeProfessional(t);
    const family = await makeFamily(sanne.client);
    const base = `/api/v1/families/${family.id}`;
    await sql`alter table audit_chain_heads rename to audit_chain_heads_away`.execute(t.db);
    try {
      const read = await sanne.client.get(`${base}/plan`);
      expect(read.statusCode).toBe(503);
      expect(read.headers['content-type']).toContain('application/problem+json');
      expect(read.body).not.toContain('Gezin');
      const write = await sanne.client.post(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' });
      expect(write.statusCode).toBe(503);
    } finally {
      await sql`alter table audit_chain_heads_away rename to audit_chain_heads`.execute(t.db);
    }
    const plan = (await sanne.client.get(`${base}/plan`)).json() as { goals: unknown[] };
    expect(plan.goals).toEqual([]);
    expect(await verifyAuditLog(t.db, { chainId: `family:${family.id}` })).toMatchObject({ ok: true });
  });

  it('lets the coordinator page through the family log, newest first, and audits that reading', async () => {
    const sanne = await makeProfessional(t);
    const family = await makeFamily(sanne.client);
    const base = `/api/v1/families/${family.id}`;
    for (let i = 0; i < 4; i++) await sanne.client.get(`${base}/team`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await sanne.client.get(`${base}/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: string; occurredAt: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.occurredAt + i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await auditOf(t.db, family.id)).filter((r) => r.event_type === 'audit.read').length).toBeGreaterThanOrEqual(2);
  });
});
