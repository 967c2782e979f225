import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { AuditEventsTable } from '../db/schema';
import { auditHash, GENESIS_HASH, type HashedFields } from './audit-hash';

export interface VerifyResult {
  ok: boolean;
  chains: number;
  records: number;
  /** The first record that does not fit its chain, and why. */
  firstBroken?: { chainId: string; id: string | null; seq: number; reason: string };
}

const PAGE = 2000;

/**
 * Re-computes every chain from its first record: sequence without gaps, each record linked to the previous hash,
 * each hash matching its content, and the chain head matching the last record (so a deleted tail shows too).
 */
export async function verifyAuditLog(db: Db, options: { chainId?: string } = {}): Promise<VerifyResult> {
  let headQuery = db.selectFrom('audit_chain_heads').selectAll().orderBy('chain_id');
  if (options.chainId) headQuery = headQuery.where('chain_id', '=', options.chainId);
  const heads = await headQuery.execute();
  let records = 0;
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain_id', '=', head.chain_id)
        .where('seq', '>=', String(expectedSeq) as never)
        // Records appended while we verify belong to a later head; stop at the head we read.
        .where('seq', '<=', head.seq as never)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        const seq = Number(row.seq);
        const broken = (reason: string) => ({
          ok: false, chains: heads.length, records, firstBroken: { chainId: head.chain_id, id: row.id, seq, reason },
        });
        if (seq !== expectedSeq) return broken(`record ${expectedSeq} is missing`);
        if (row.prev_hash !== prevHash) return broken('does not link to the previous record');
        if (auditHash(row.prev_hash, fieldsOf(row)) !== row.hash) return broken('content does not match its hash');
        prevHash = row.hash;
        expectedSeq += 1;
        records += 1;
      }
      if (rows.length < PAGE) break;
    }
    if (Number(head.seq) !== expectedSeq - 1 || head.last_hash !== prevHash) {
      return {
        ok: false, chains: heads.length, records,
        firstBroken: { chainId: head.chain_id, id: null, seq: expectedSeq, reason: `records after ${expectedSeq - 1} are missing` },
      };
    }
  }
  return { ok: true, chains: heads.length, records };
}

function fieldsOf(row: Selectable<AuditEventsTable>): HashedFields {
  return {
    id: row.id,
    chainId: row.chain_id,
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    action: row.action,
    eventType: row.event_type,
    outcome: row.outcome,
    actorKind: row.actor_kind,
    userId: row.user_id,
    userName: row.user_name,
    userRoles: row.user_roles,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    onBehalfOfUserId: row.on_behalf_of_user_id,
    familyId: row.family_id,
    memberId: row.member_id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    ip: row.ip,
    client: row.client,
    requestId: row.request_id,
    purpose: row.purpose,
    checks: [row.check_authorisation, row.check_care_relationship, row.check_consent, row.check_emergency],
    detail: row.detail,
  };
}
