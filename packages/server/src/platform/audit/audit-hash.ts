import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so a jsonb round trip (which reorders keys) hashes the same.
 * Every audit record is hashed through it on the request's path: a value whose keys are already in order (the
 * writer builds its records so) goes through the native JSON.stringify in one call.
 */
export function stableStringify(value: unknown): string {
  return isCanonical(value) ? JSON.stringify(value ?? null) : sortedStringify(value);
}

function sortedStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stableStringify(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${stableStringify(v)}`;
  }
  return `${out}}`;
}

/** Plain data whose object keys are in sorted order everywhere: JSON.stringify then writes what sortedStringify would. */
function isCanonical(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'undefined';
  if (Array.isArray(value)) {
    for (const item of value) if (item === undefined || !isCanonical(item)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false;
    const v = (value as Record<string, unknown>)[keys[i]!];
    if (v !== undefined && !isCanonical(v)) return false;
  }
  return true;
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
