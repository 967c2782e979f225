import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AccessChecks, AuditAction, AuditOutcome } from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AccessPoint } from '../http/request-context';
import { AppError } from '../http/app-error';
import { auditHash, GENESIS_HASH, type HashedFields } from './audit-hash';

/** One event to record, in NEN 7513 terms: what happened, by whom, to what, from where, why, and the checks. */
export interface AuditEvent {
  action: AuditAction;
  eventType: string;
  outcome: AuditOutcome;
  actor: Actor | null;
  familyId: string | null;
  memberId?: string | null;
  resourceType: string;
  resourceId?: string | null;
  accessPoint: AccessPoint | null;
  purpose?: string;
  checks: AccessChecks;
  /** Non-personal context only (ids, codes, reasons): never names, notes or BSNs. */
  detail?: Record<string, unknown>;
  /** When it happened (NEN 7513: the start of the event); defaults to the time of writing. */
  occurredAt?: Date;
}

export function chainOf(familyId: string | null): string {
  return familyId ? `family:${familyId.toLowerCase()}` : 'system';
}

/** uuid columns come back lower-case whatever was written; hash what the database will give back. */
const uuidOf = (v: string | null | undefined): string | null => (v ? v.toLowerCase() : null);

/**
 * Appends audit records inside the caller's transaction, so a write and its record commit or fail together.
 * Two round trips whatever the number of chains: one upsert locks (and, for a new family, creates) every chain head
 * involved, in chain order so two writers never deadlock; one statement inserts all records and moves the heads.
 * Each head stays locked until commit, which serialises writers of one family only.
 */
export async function writeAudit(tx: Db, events: AuditEvent[], now: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  const chains = [...new Set(events.map((e) => chainOf(e.familyId)))].sort();
  const heads = await sql<{ chain_id: string; seq: string; last_hash: string }>`
    insert into audit_chain_heads (chain_id, seq, last_hash)
    select c, 0, ${GENESIS_HASH} from unnest(${chains}::text[]) as c order by c
    on conflict (chain_id) do update set chain_id = excluded.chain_id
    returning chain_id, seq, last_hash`.execute(tx);
  const state = new Map(heads.rows.map((h) => [h.chain_id, { seq: Number(h.seq), hash: h.last_hash }]));
  const rows = events.map((e) => {
    const head = state.get(chainOf(e.familyId))!;
    head.seq += 1;
    const fields = toHashedFields(e, chainOf(e.familyId), head.seq, now);
    const hash = auditHash(head.hash, fields);
    const row = toRow(fields, head.hash, hash);
    head.hash = hash;
    return row;
  });
  const moved = chains.map((c) => ({ chain: c, ...state.get(c)! }));
  await tx
    .with('appended', (db) => db.insertInto('audit_events').values(rows))
    .updateTable('audit_chain_heads as h')
    .from(sql<{ chain_id: string; seq: string; hash: string }>`(select unnest(${moved.map((m) => m.chain)}::text[]) as chain_id,
      unnest(${moved.map((m) => String(m.seq))}::bigint[]) as seq, unnest(${moved.map((m) => m.hash)}::text[]) as hash)`.as('v'))
    .set((eb) => ({ seq: eb.ref('v.seq'), last_hash: eb.ref('v.hash') }))
    .whereRef('h.chain_id', '=', 'v.chain_id')
    .execute();
}

/**
 * Records an event in a transaction of its own: for denials and failures, whose request transaction is rolled
 * back. If even this fails the request must not pretend all is well: it answers 503 (fail closed).
 */
export async function writeAuditAlone(db: Db, events: AuditEvent[]): Promise<void> {
  try {
    await db.transaction().execute((tx) => writeAudit(tx, events));
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'The audit log cannot be written; the request was not carried out.');
  }
}

function toHashedFields(e: AuditEvent, chainId: string, seq: number, now: Date): HashedFields {
  const professional = e.actor?.kind === 'professional' ? e.actor : null;
  // A family member in their own file is recorded by their account; they act for no organisation.
  const person = professional ?? (e.actor?.kind === 'family' ? e.actor : null);
  // Keys in sorted order, so hashing takes stableStringify's native path (see audit-hash.ts).
  return {
    action: e.action,
    actorKind: e.actor?.kind ?? 'anonymous',
    chainId,
    checks: [e.checks.authorisation, e.checks.careRelationship, e.checks.consent, e.checks.emergency],
    client: e.accessPoint?.client ?? null,
    detail: e.detail ?? {},
    eventType: e.eventType,
    familyId: uuidOf(e.familyId),
    id: uuidv7(),
    ip: e.accessPoint?.ip ?? null,
    memberId: uuidOf(e.memberId),
    occurredAt: (e.occurredAt ?? now).toISOString(),
    onBehalfOfUserId: null,
    organisationId: uuidOf(professional?.organisationId),
    organisationName: professional?.organisationName ?? null,
    outcome: e.outcome,
    purpose: e.purpose ?? 'care',
    requestId: e.accessPoint?.requestId ?? null,
    resourceId: e.resourceId ?? null,
    resourceType: e.resourceType,
    seq,
    userId: uuidOf(person?.userId),
    userName: person?.name ?? (e.actor?.kind === 'system' ? `system:${e.actor.job}` : null),
    userRoles: professional ? [...professional.roles] : person ? ['family'] : [],
  };
}

function toRow(f: HashedFields, prevHash: string, hash: string) {
  return {
    id: f.id,
    chain_id: f.chainId,
    seq: f.seq,
    occurred_at: f.occurredAt,
    action: f.action,
    event_type: f.eventType,
    outcome: f.outcome,
    actor_kind: f.actorKind,
    user_id: f.userId,
    user_name: f.userName,
    user_roles: f.userRoles,
    organisation_id: f.organisationId,
    organisation_name: f.organisationName,
    on_behalf_of_user_id: f.onBehalfOfUserId,
    family_id: f.familyId,
    member_id: f.memberId,
    resource_type: f.resourceType,
    resource_id: f.resourceId,
    ip: f.ip,
    client: f.client,
    request_id: f.requestId,
    purpose: f.purpose,
    check_authorisation: f.checks[0],
    check_care_relationship: f.checks[1],
    check_consent: f.checks[2],
    check_emergency: f.checks[3],
    detail: JSON.stringify(f.detail),
    prev_hash: prevHash,
    hash,
  };
}
