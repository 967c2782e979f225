import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { presentAuditRecord } from '../audit';
import { careProcessExport } from './member-export-care';
import { continuityExport } from './member-export-continuity';
import { consultationsExport } from '../consultations';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Everything the file holds about one member (AVG art. 15): who they are, the family, the goals, actions, notes and
 * assessments about them or about the whole family, the care process (phases, agreements, help and decisions,
 * evaluations, closures), the handovers and steps to specialist care, their consents, who helped, and every access to the file. Null when the file no longer exists.
 */
export async function memberExport(db: Db, familyId: string, memberId: string, now: Date) {
  const family = await db.selectFrom('families').select(['id', 'name', 'phase', 'created_at', 'closed_at']).where('id', '=', familyId).executeTakeFirst();
  if (!family) return null;
  const member = await db.selectFrom('members').select(['id', 'given_name', 'family_name', 'birth_date', 'role', 'has_custody', 'bsn'])
    .where('family_id', '=', familyId).where('id', '=', memberId).executeTakeFirst();
  if (!member) return null;
  const aboutMember = sql<boolean>`(member_ids @> array[${memberId}]::uuid[] or cardinality(member_ids) = 0)`;
  const goals = await db.selectFrom('goals').select(['id', 'title', 'life_domain', 'focus', 'created_at']).where('family_id', '=', familyId).where(aboutMember).orderBy('priority').execute();
  const actions = goals.length === 0 ? [] : await db.selectFrom('actions').select(['id', 'goal_id', 'title', 'due_date', 'status'])
    .where('goal_id', 'in', goals.map((g) => g.id)).orderBy('id').execute();
  const notes = await db.selectFrom('timeline_entries').select(['id', 'body', 'life_domain', 'created_at'])
    .where('family_id', '=', familyId).where('kind', '=', 'note').where(aboutMember).orderBy('created_at').execute();
  const assessments = await db.selectFrom('assessments as a').innerJoin('users as u', 'u.id', 'a.author_user_id')
    .select(['a.id', 'a.member_id', 'a.view', 'a.assessed_on', 'u.name as author', 'a.created_at'])
    .where('a.family_id', '=', familyId).where((eb) => eb.or([eb('a.member_id', '=', memberId), eb('a.member_id', 'is', null)]))
    .orderBy('a.created_at').execute();
  const scores = assessments.length === 0 ? [] : await db.selectFrom('assessment_scores').selectAll()
    .where('assessment_id', 'in', assessments.map((a) => a.id)).orderBy('life_domain').execute();
  const consents = await db.selectFrom('consents as c').leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('members as rm', 'rm.id', 'c.recipient_member_id')
    .select(['c.id', 'o.name as organisation', 'rm.given_name as recipient_member', 'c.categories', 'c.purpose', 'c.valid_from', 'c.valid_until', 'c.status', 'c.given_by'])
    .where('c.family_id', '=', familyId).where('c.member_id', '=', memberId).orderBy('c.created_at').execute();
  const team = await db.selectFrom('team_members as t').innerJoin('users as u', 'u.id', 't.user_id').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.name', 'o.name as organisation', 't.role', 't.start_date', 't.end_date']).where('t.family_id', '=', familyId).orderBy('t.start_date').execute();
  const account = await db.selectFrom('users').select(['email', 'active', 'created_at', 'totp_enabled_at']).where('member_id', '=', memberId).executeTakeFirst();
  const careProcess = await careProcessExport(db, familyId, memberId, goals.map((g) => g.id));
  const continuity = await continuityExport(db, familyId);
  const consultations = await consultationsExport(db, familyId, memberId);
  const accesses = await db.selectFrom('audit_events').selectAll().where('family_id', '=', familyId)
    .where((eb) => eb.or([eb('member_id', '=', memberId), eb('member_id', 'is', null)])).orderBy('occurred_at').execute();
  return {
    exportedAt: now.toISOString(),
    subject: { id: member.id, givenName: member.given_name, familyName: member.family_name, birthDate: member.birth_date, role: member.role, hasCustody: member.has_custody, bsn: member.bsn },
    family: { id: family.id, name: family.name, phase: family.phase, createdAt: iso(family.created_at), closedAt: iso(family.closed_at) },
    goals: goals.map((g) => ({
      id: g.id, title: g.title, lifeDomain: g.life_domain, focus: g.focus, createdAt: iso(g.created_at),
      actions: actions.filter((a) => a.goal_id === g.id).map((a) => ({ id: a.id, title: a.title, dueDate: a.due_date, status: a.status })),
    })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, lifeDomain: n.life_domain, createdAt: iso(n.created_at) })),
    assessments: assessments.map((a) => ({
      id: a.id, about: a.member_id ? 'member' : 'household', view: a.view, assessedOn: a.assessed_on, author: a.author, createdAt: iso(a.created_at),
      scores: scores.filter((s) => s.assessment_id === a.id).map((s) => ({ lifeDomain: s.life_domain, level: s.level, strengths: s.strengths, concerns: s.concerns })),
    })),
    careProcess,
    continuity,
    consultations,
    account: account ? { email: account.email, active: account.active, createdAt: iso(account.created_at), twoFactorSince: iso(account.totp_enabled_at) } : null,
    consents: consents.map((c) => ({ id: c.id, organisation: c.organisation, recipientMember: c.recipient_member, categories: c.categories, purpose: c.purpose, validFrom: c.valid_from, validUntil: c.valid_until, status: c.status, givenBy: c.given_by })),
    team: team.map((t) => ({ name: t.name, organisation: t.organisation, role: t.role, startDate: t.start_date, endDate: t.end_date })),
    accessLog: accesses.map(presentAuditRecord),
  };
}
