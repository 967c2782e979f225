import { sql } from 'kysely';
import type { BreakGlassGrant } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';

/** Grants with their holder, reviewer, and how many reads were made under each (audit records flagged emergency). */
export function selectGrants(db: Db) {
  return db.selectFrom('break_glass_grants as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .innerJoin('organisations as o', 'o.id', 'b.organisation_id')
    .leftJoin('users as r', 'r.id', 'b.reviewed_by')
    .select(['b.id', 'b.family_id', 'b.user_id', 'b.organisation_id', 'b.categories', 'b.reason', 'b.opened_at', 'b.expires_at',
      'b.closed_at', 'b.review_status', 'b.reviewed_by', 'b.reviewed_at', 'b.review_note', 'b.version',
      'u.name as user_name', 'o.name as organisation_name', 'r.name as reviewer_name',
      sql<number>`(select count(*)::int from audit_events e where e.family_id = b.family_id and e.user_id = b.user_id
        and e.action = 'R' and e.check_emergency and e.occurred_at between b.opened_at and coalesce(b.closed_at, b.expires_at))`.as('emergency_reads')]);
}

type GrantRow = Awaited<ReturnType<ReturnType<typeof selectGrants>['execute']>>[number];

export function presentGrant(r: GrantRow, now: Date): BreakGlassGrant {
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id, familyId: r.family_id, user: { id: r.user_id, name: r.user_name, organisationName: r.organisation_name },
    categories: r.categories, reason: r.reason, openedAt: iso(r.opened_at)!, expiresAt: iso(r.expires_at)!, closedAt: iso(r.closed_at),
    active: r.closed_at === null && new Date(r.expires_at) > now,
    review: {
      status: r.review_status as BreakGlassGrant['review']['status'],
      reviewer: r.reviewed_by ? { id: r.reviewed_by, name: r.reviewer_name ?? '' } : null,
      reviewedAt: iso(r.reviewed_at), note: r.review_note,
    },
    emergencyReads: r.emergency_reads, version: r.version,
  };
}
