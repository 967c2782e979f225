import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditHash, GENESIS_HASH, stableStringify, type HashedFields } from './audit-hash';

const fields: HashedFields = {
  id: '01900000-0000-7000-8000-000000000001', chainId: 'system', seq: 1, occurredAt: '2026-11-23T12:00:00.000Z', action: 'R',
  eventType: 'plan.read', outcome: 'success', actorKind: 'professional', userId: null, userName: null, userRoles: [],
  organisationId: null, organisationName: null, onBehalfOfUserId: null, familyId: null, memberId: null, resourceType: 'plan',
  resourceId: null, ip: '127.0.0.1', client: null, requestId: null, purpose: 'care', checks: [true, true, true, false], detail: { b: 1, a: [2, { d: 3, c: 4 }] },
};

describe('audit hashing', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      expect(stableStringify(reversed)).toBe(stableStringify(obj));
    }));
  });

  it('writes what the first version wrote, so chains hashed before still verify', () => {
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
      if (Array.isArray(value)) return `[${value.map((v) => reference(v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
    };
    fc.assert(fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.option(fc.jsonValue(), { nil: undefined })), (json, sparse) => {
      expect(stableStringify(json)).toBe(reference(json));
      // The same data built with its keys in order takes the native path, and must write the same.
      const ordered = (v: unknown): unknown => (v === null || typeof v !== 'object' ? v : Array.isArray(v) ? v.map(ordered)
        : Object.fromEntries(Object.keys(v).sort().map((k) => [k, ordered((v as Record<string, unknown>)[k])])));
      expect(stableStringify(ordered(json))).toBe(reference(json));
      expect(stableStringify(sparse)).toBe(reference(sparse));
    }));
  });

  it('changes when any field or the previous hash changes', () => {
    const h = auditHash(GENESIS_HASH, fields);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...fields, detail: { a: [2, { c: 4, d: 3 }], b: 1 } })).toBe(h);
    expect(auditHash(GENESIS_HASH, { ...fields, outcome: 'denied' })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...fields, checks: [true, true, true, true] })).not.toBe(h);
    expect(auditHash(h, fields)).not.toBe(h);
  });
});
