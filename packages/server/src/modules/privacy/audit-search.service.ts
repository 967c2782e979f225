import { nextDay, startOfDayInNetherlands, type PrivacyAuditCsvQuery, type PrivacyAuditQuery } from '@gezinsplan/domain';
import type { RequestContext } from '../../platform/http/request-context';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';
import { writeAuditAlone } from '../../platform/audit/audit-writer';
import { presentAuditRecord } from '../audit';
import { overseen } from './oversight';

type Filters = Omit<PrivacyAuditQuery, 'cursor' | 'limit'>;

function search(ctx: RequestContext, f: Filters) {
  let q = ctx.db.selectFrom('audit_events as e').selectAll().where(overseen(ctx, 'e.organisation_id', 'e.family_id'));
  if (f.familyId) q = q.where('e.family_id', '=', f.familyId);
  if (f.memberId) q = q.where('e.member_id', '=', f.memberId);
  if (f.userId) q = q.where('e.user_id', '=', f.userId);
  if (f.organisationId) q = q.where('e.organisation_id', '=', f.organisationId);
  if (f.from) q = q.where('e.occurred_at', '>=', startOfDayInNetherlands(f.from));
  if (f.to) q = q.where('e.occurred_at', '<', startOfDayInNetherlands(nextDay(f.to)));
  if (f.outcome) q = q.where('e.outcome', '=', f.outcome);
  if (f.emergency !== undefined) q = q.where('e.check_emergency', '=', f.emergency);
  return q;
}

/** Searching the log is itself logged (on the system chain): who looked, for what. */
async function recordSearch(ctx: RequestContext, eventType: string, f: Filters, count: number): Promise<void> {
  await writeAuditAlone(ctx.db, [{
    action: 'R', eventType, outcome: 'success', actor: ctx.actor, familyId: null, resourceType: 'audit-log', resourceId: null,
    accessPoint: ctx.accessPoint, purpose: 'supervision',
    checks: { authorisation: true, careRelationship: false, consent: false, emergency: false },
    detail: { filters: f, count },
  }]);
}

export async function searchAudit(ctx: RequestContext, query: PrivacyAuditQuery) {
  const { cursor, limit, ...filters } = query;
  let q = search(ctx, filters);
  const after = decodeCursor(cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('e.occurred_at', 'e.id', after));
  const rows = await q.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(limit + 1).execute();
  const result = page(rows, limit, (last) => [new Date(last.occurred_at).toISOString(), last.id]);
  await recordSearch(ctx, 'privacy.audit-searched', filters, result.items.length);
  return { items: result.items.map(presentAuditRecord), nextCursor: result.nextCursor };
}

const CSV_COLUMNS = [
  'occurredAt', 'action', 'eventType', 'outcome', 'userId', 'userName', 'userRoles', 'organisationId', 'organisationName',
  'onBehalfOfUserId', 'familyId', 'memberId', 'resourceType', 'resourceId', 'ip', 'client', 'purpose', 'checks',
] as const;

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula (CSV injection). */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportAuditCsv(ctx: RequestContext, query: PrivacyAuditCsvQuery): Promise<string> {
  const { limit, ...filters } = query;
  const rows = await search(ctx, filters).orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
  await recordSearch(ctx, 'privacy.audit-exported', filters, rows.length);
  const lines = rows.map(presentAuditRecord).map((r) => [
    r.occurredAt, r.action, r.eventType, r.outcome, r.user.id, r.user.name, r.user.roles.join(' '), r.user.organisationId,
    r.user.organisationName, r.user.onBehalfOfUserId, r.object.familyId, r.object.memberId, r.object.resourceType,
    r.object.resourceId, r.accessPoint.ip, r.accessPoint.client, r.purpose, r.checks,
  ].map(cell).join(','));
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
