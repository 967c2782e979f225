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
}

export function chainOf(familyId: string | null): string {
  return familyId ? `family:${familyId.toLowerCase()}` : 'system';
}

/** uuid columns come back lower-case whatever was written; hash what the database will give back. */
const uuidOf = (v: string | null | undefined): string | null => (v ? v.toLowerCase() : null);

/**
 * Appends audit records inside the caller's transaction, so a write and its record commit or fail together.
 * Each chain's head row is locked (one upsert) while its records are linked, which serialises writers of one
 * family only; several records for one chain go in one multi-row insert.
 */
export async function writeAudit(tx: Db, events: AuditEvent[], now: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  const byChain = new Map<string, AuditEvent[]>();
  for (const e of events) {
    const chain = chainOf(e.familyId);
    byChain.set(chain, [...(byChain.get(chain) ?? []), e]);
  }
  // A fixed lock order across chains keeps two multi-chain writers from deadlocking.
  for (const chainId of [...byChain.keys()].sort()) {
    const chainEvents = byChain.get(chainId)!;
    const head = await sql<{ seq: string; last_hash: string }>`
      insert into audit_chain_heads (chain_id, seq, last_hash) values (${chainId}, 0, ${GENESIS_HASH})
      on conflict (chain_id) do update set chain_id = excluded.chain_id
      returning seq, last_hash`.execute(tx);
    let seq = Number(head.rows[0]!.seq);
    let prevHash = head.rows[0]!.last_hash;
    const rows = chainEvents.map((e) => {
      seq += 1;
      const fields = toHashedFields(e, chainId, seq, now);
      const hash = auditHash(prevHash, fields);
      const row = toRow(fields, prevHash, hash);
      prevHash = hash;
      return row;
    });
    await tx.insertInto('audit_events').values(rows).execute();
    await tx.updateTable('audit_chain_heads').set({ seq, last_hash: prevHash }).where('chain_id', '=', chainId).execute();
  }
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
  const person = e.actor?.kind === 'professional' ? e.actor : null;
  return {
    id: uuidv7(),
    chainId,
    seq,
    occurredAt: now.toISOString(),
    action: e.action,
    eventType: e.eventType,
    outcome: e.outcome,
    actorKind: e.actor?.kind ?? 'anonymous',
    userId: uuidOf(person?.userId),
    userName: person?.name ?? (e.actor?.kind === 'system' ? `system:${e.actor.job}` : null),
    userRoles: person ? [...person.roles] : [],
    organisationId: uuidOf(person?.organisationId),
    organisationName: person?.organisationName ?? null,
    onBehalfOfUserId: null,
    familyId: uuidOf(e.familyId),
    memberId: uuidOf(e.memberId),
    resourceType: e.resourceType,
    resourceId: e.resourceId ?? null,
    ip: e.accessPoint?.ip ?? null,
    client: e.accessPoint?.client ?? null,
    requestId: e.accessPoint?.requestId ?? null,
    purpose: e.purpose ?? 'care',
    checks: [e.checks.authorisation, e.checks.careRelationship, e.checks.consent, e.checks.emergency],
    detail: e.detail ?? {},
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
