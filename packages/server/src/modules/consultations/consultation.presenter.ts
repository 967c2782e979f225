import type { AgendaItem, AgendaItemKind, Consultation, ConsultationStatus, Datum } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { memberDatum } from '../families';
import { goalView } from '../plan';
import { familyGoals, visibleAgenda } from './consultation-agenda';

export function selectConsultations(db: Db) {
  return db.selectFrom('consultations as c')
    .innerJoin('users as ou', 'ou.id', 'c.organiser_user_id')
    .innerJoin('organisations as oo', 'oo.id', 'c.author_organisation_id')
    .selectAll('c').select(['ou.name as organiser_name', 'ou.email as organiser_email', 'oo.name as organiser_organisation_name']);
}
export type ConsultationRow = Awaited<ReturnType<ReturnType<typeof selectConsultations>['execute']>>[number];

/** Invited: the viewer's own user (a professional) or member (a family member). */
export function isInvited(scope: Pick<FamilyScope, 'actor'>, c: Pick<ConsultationRow, 'invited_user_ids' | 'invited_member_ids'>): boolean {
  return c.invited_user_ids.includes(scope.actor.userId) || (scope.actor.kind === 'family' && c.invited_member_ids.includes(scope.actor.memberId));
}

/**
 * A consultation (when, where, who, its agenda's free items, notes and decisions without a goal) is the plan's
 * overview, written by the organiser's organisation; whoever is invited sees that they are.
 */
export const consultationDatum = (scope: Pick<FamilyScope, 'actor'>, c: ConsultationRow): Datum => ({
  category: 'plan-overview', authorOrganisationId: c.author_organisation_id, memberIds: [], addressedToViewer: isInvited(scope, c),
});

/** The organiser and the family's coordinator may change, record and cancel a planned consultation. */
export function mayManage(scope: FamilyScope, c: Pick<ConsultationRow, 'organiser_user_id'>): boolean {
  return scope.can('plan:write') && scope.actor.kind === 'professional' && (c.organiser_user_id === scope.actor.userId || scope.can('family:update'));
}

const iso = (d: Date | string) => new Date(d).toISOString();
const attended = (ids: string[] | null, id: string) => (ids === null ? null : ids.includes(id));

/** The consultations as the reader may see them: hidden ones left out, and within each only what the reader sees. */
export async function presentConsultations(scope: FamilyScope, rows: readonly ConsultationRow[]): Promise<Consultation[]> {
  const shown = rows.filter((c) => scope.sight.sees(consultationDatum(scope, c)));
  if (shown.length === 0) return [];
  const userIds = [...new Set(shown.flatMap((c) => c.invited_user_ids))];
  const memberIds = [...new Set(shown.flatMap((c) => c.invited_member_ids))];
  const supporterIds = [...new Set(shown.flatMap((c) => c.invited_supporter_ids))];
  const [users, members, supporters] = await Promise.all([
    userIds.length ? scope.db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.name', 'o.name as organisation_name']).where('u.id', 'in', userIds).execute() : [],
    memberIds.length ? scope.db.selectFrom('members').select(['id', 'given_name', 'family_name', 'author_organisation_id']).where('family_id', '=', scope.familyId).where('id', 'in', memberIds).execute() : [],
    supporterIds.length ? scope.db.selectFrom('supporters').select(['id', 'name', 'author_organisation_id']).where('family_id', '=', scope.familyId).where('id', 'in', supporterIds).execute() : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const memberById = new Map(members.filter((m) => scope.sight.sees(memberDatum(m))).map((m) => [m.id, `${m.given_name} ${m.family_name}`]));
  const supporterById = new Map(supporters.filter((s) => scope.sight.sees({ category: 'identity', authorOrganisationId: s.author_organisation_id, memberIds: [] })).map((s) => [s.id, s.name]));
  const goalIds = shown.flatMap((c) => [...c.agenda.map((a) => a.goalId), ...c.decisions.map((d) => d.goalId), ...c.actions.map((a) => a.goalId)]).filter((id): id is string => id !== null);
  const goals = new Map((await familyGoals(scope, goalIds)).map((g) => [g.id, g]));
  const fullGoal = (id: string | null) => id === null || (goals.has(id) && goalView(scope.sight, goals.get(id)!) === 'full');
  return shown.map((c) => {
    const manage = c.status === 'planned' && mayManage(scope, c);
    return {
      id: c.id, familyId: c.family_id, status: c.status as ConsultationStatus,
      startsAt: iso(c.starts_at), endsAt: iso(c.ends_at), location: c.location, videoUrl: c.video_url,
      organiser: { userId: c.organiser_user_id, name: c.organiser_name, organisationName: c.organiser_organisation_name },
      invitees: {
        professionals: c.invited_user_ids.flatMap((id) => {
          const u = userById.get(id);
          return u ? [{ userId: id, name: u.name, organisationName: u.organisation_name, attended: attended(c.attended_user_ids, id) }] : [];
        }),
        members: c.invited_member_ids.flatMap((id) => (memberById.has(id) ? [{ id, name: memberById.get(id)!, attended: attended(c.attended_member_ids, id) }] : [])),
        supporters: c.invited_supporter_ids.flatMap((id) => (supporterById.has(id) ? [{ id, name: supporterById.get(id)!, attended: attended(c.attended_supporter_ids, id) }] : [])),
      },
      agenda: visibleAgenda(scope, c.agenda.map((a) => ({ ...a, kind: a.kind as AgendaItemKind })) as AgendaItem[], goals),
      record: c.recorded_at ? {
        recordedAt: iso(c.recorded_at), notes: c.notes,
        decisions: c.decisions.filter((d) => fullGoal(d.goalId)),
        actions: c.actions.filter((a) => fullGoal(a.goalId)),
      } : null,
      cancelledAt: c.cancelled_at ? iso(c.cancelled_at) : null, cancelReason: c.cancel_reason,
      sequence: c.sequence,
      allowedActions: manage ? ['update' as const, 'record' as const, 'cancel' as const] : [],
      version: c.version, createdAt: iso(c.created_at), updatedAt: iso(c.updated_at),
    };
  });
}
