import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so a jsonb round trip (which reorders keys) hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** The fields a record's hash covers, in a fixed order; the same function serves writing and verifying. */
export interface HashedFields {
  id: string;
  chainId: string;
  seq: number;
  occurredAt: string;
  action: string;
  eventType: string;
  outcome: string;
  actorKind: string;
  userId: string | null;
  userName: string | null;
  userRoles: string[];
  organisationId: string | null;
  organisationName: string | null;
  onBehalfOfUserId: string | null;
  familyId: string | null;
  memberId: string | null;
  resourceType: string;
  resourceId: string | null;
  ip: string | null;
  client: string | null;
  requestId: string | null;
  purpose: string;
  checks: [boolean, boolean, boolean, boolean];
  detail: Record<string, unknown>;
}

export function auditHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(stableStringify(fields)).digest('hex');
}
