import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { routes } from '../../packages/server/src/routes';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { countChanges, rowCounter } from '../support/db-integrity';
import { REFUSED_TEXT, SCRIPT_INJECTION, SQL_INJECTION, STORABLE_TEXT, VALID_UNICODE } from '../support/hostile-strings';
import { makeFamily, makeProfessional, PARENT, startTestApp, type TestApp } from '../support/test-app';

/**
 * Injection strings and unicode edge cases stored as text come back byte-identical (issue 7, "Bad input"): what the
 * shared schema accepts unchanged is stored and returned exactly (no escaping, no normalisation, no U+FFFD); what it
 * would change is returned as the schema changed it (only trimming: `Text` trims white space, and U+FEFF counts as
 * white space); what it refuses — NUL and other control characters, lone UTF-16 surrogates, which have no UTF-8
 * form — is a 400 problem pointing at the field, and nothing is stored.
 */

/** A text field that people fill in, the route that writes it, and where it is read back. */
interface TextField {
  name: string;
  route: string;
  field: string;
  write: (text: string) => { url: string; body: Record<string, unknown> };
  read: string;
}

/** Every string in a JSON answer, so a stored value can be found wherever the presenter puts it. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

describe('hostile text is stored exactly, or refused clearly', () => {
  let t: TestApp;
  let c: ApiClient;
  let familyId: string;
  let fields: TextField[];
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp();
    const coordinator = await makeProfessional(t, 'wijkteam', 'Coordinator Tekst');
    c = coordinator.client;
    const family = await makeFamily(c, 'Gezin Tekst');
    familyId = family.id;
    const base = `/api/v1/families/${familyId}`;
    const goal = await c.create<{ id: string }>(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    fields = [
      { name: 'family name', route: 'POST /api/v1/families', field: 'name', write: (s) => ({ url: '/api/v1/families', body: { name: s, members: [PARENT] } }), read: '/api/v1/families/:id' },
      { name: 'member given name', route: 'POST /api/v1/families/:familyId/members', field: 'givenName', write: (s) => ({ url: `${base}/members`, body: { givenName: s, familyName: 'Tekst', birthDate: '2016-09-01', role: 'child' } }), read: `${base}/members` },
      { name: 'member family name', route: 'POST /api/v1/families/:familyId/members', field: 'familyName', write: (s) => ({ url: `${base}/members`, body: { givenName: 'Sara', familyName: s, birthDate: '2016-09-01', role: 'child' } }), read: `${base}/members` },
      { name: 'goal title', route: 'POST /api/v1/families/:familyId/goals', field: 'title', write: (s) => ({ url: `${base}/goals`, body: { title: s, lifeDomain: 'financien', memberIds: [family.parentId], focus: 'later' } }), read: `${base}/plan` },
      { name: 'action title', route: 'POST /api/v1/families/:familyId/goals/:goalId/actions', field: 'title', write: (s) => ({ url: `${base}/goals/${goal.id}/actions`, body: { title: s, assigneeMemberId: family.parentId } }), read: `${base}/plan` },
      { name: 'timeline note', route: 'POST /api/v1/families/:familyId/timeline', field: 'body', write: (s) => ({ url: `${base}/timeline`, body: { body: s, lifeDomain: 'financien' } }), read: `${base}/timeline?limit=200` },
      { name: 'supporter name', route: 'POST /api/v1/families/:familyId/supporters', field: 'name', write: (s) => ({ url: `${base}/supporters`, body: { name: s, relation: 'buurvrouw' } }), read: `${base}/supporters` },
      { name: 'help option', route: 'POST /api/v1/families/:familyId/goals/:goalId/options', field: 'title', write: (s) => ({ url: `${base}/goals/${goal.id}/options`, body: { title: s, asksOfFamily: 'Zes avonden' } }), read: `${base}/goals/${goal.id}/options` },
    ];
    countRows = await rowCounter(t.db);
  });
  afterAll(async () => { await t?.close(); });

  /** Writes `text` into the field; returns the status, the problem if any, and the strings the read-back holds. */
  async function roundTrip(f: TextField, text: string): Promise<{ status: number; problem: { code?: string; errors?: { pointer: string }[] }; readBack: string[] }> {
    const { url, body } = f.write(text);
    const res = await c.post(url, body);
    if (res.statusCode >= 300) return { status: res.statusCode, problem: res.json() as never, readBack: [] };
    const created = res.json() as { id: string };
    const read = await c.get(f.read.replace(':id', created.id));
    expect(read.statusCode, `${f.name}: read back`).toBe(200);
    return { status: res.statusCode, problem: {}, readBack: stringsIn(read.json()) };
  }

  /** What the shared schema makes of `text` in this field: the value to store, or null when it refuses it. */
  function expectedStored(f: TextField, text: string): string | null {
    const route = routes.find((r) => `${r.method} ${r.url}` === f.route)!;
    const parsed = route.body!.safeParse(f.write(text).body);
    return parsed.success ? (parsed.data as Record<string, string>)[f.field]! : null;
  }

  it('returns every injection string and valid unicode edge case byte-identical, in every field', async () => {
    const wrong: string[] = [];
    let stored = 0;
    for (const text of STORABLE_TEXT) {
      for (const f of fields) {
        expect(expectedStored(f, text), `${f.name} takes ${JSON.stringify(text)} unchanged`).toBe(text);
        const { status, readBack } = await roundTrip(f, text);
        if (status !== 201 && status !== 200) wrong.push(`${f.name} ${JSON.stringify(text)}: ${status}`);
        else if (!readBack.includes(text)) wrong.push(`${f.name} ${JSON.stringify(text)}: not read back exactly`);
        else stored += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(stored).toBe(STORABLE_TEXT.length * fields.length);
    expect(SCRIPT_INJECTION.length + SQL_INJECTION.length + VALID_UNICODE.length).toBe(STORABLE_TEXT.length);
  });

  it('refuses NUL, control characters and lone surrogates with a 400 on the field, storing nothing', async () => {
    for (const text of REFUSED_TEXT) {
      for (const f of fields) {
        expect(expectedStored(f, text), `${f.name} refuses ${JSON.stringify(text)}`).toBeNull();
        const before = await countRows();
        const { status, problem } = await roundTrip(f, text);
        expect(status, `${f.name} ${JSON.stringify(text)}`).toBe(400);
        expect(problem.code).toBe('VALIDATION_FAILED');
        expect(problem.errors?.map((e) => e.pointer)).toContain(`/body/${f.field}`);
        expect(countChanges(before, await countRows())).toEqual([]);
      }
    }
  });

  it('refuses links that are not http(s) where the app renders a link', async () => {
    for (const videoUrl of ['javascript:window.__pwned(1)', 'JAVASCRIPT:window.__pwned(1)', ' javascript:window.__pwned(1)', 'data:text/html,<script>window.__pwned(1)</script>', 'vbscript:msgbox(1)']) {
      const res = await c.post(`/api/v1/families/${familyId}/consultations`, {
        startsAt: '2030-03-01T09:00:00.000Z', endsAt: '2030-03-01T10:00:00.000Z', videoUrl, invitees: { memberIds: [] },
      });
      expect(res.statusCode, videoUrl).toBe(400);
      expect((res.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toContain('/body/videoUrl');
    }
  });

  it('stores generated text exactly as the shared schema reads it, or refuses it with a 400', async () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
      fc.constantFrom(...STORABLE_TEXT, ...REFUSED_TEXT, '\uFEFF', ' ', '\u00A0', '\u3000', '\uD83D', '\uDE00'),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), text, async (f, s) => {
        const expected = expectedStored(f, s);
        const { status, problem, readBack } = await roundTrip(f, s);
        const where = `${f.name} ${JSON.stringify(s)} → ${status}`;
        if (expected === null) {
          expect(status, where).toBe(400);
          expect(problem.errors?.map((e) => e.pointer), where).toContain(`/body/${f.field}`);
          refused += 1;
        } else {
          expect(status, where).toBe(201);
          expect(readBack, where).toContain(expected);
          stored += 1;
        }
      }),
      { numRuns: 60 },
    );
    expect(stored).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
