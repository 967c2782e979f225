import { v7 as uuidv7 } from 'uuid';
import type { CancelConsultation, Consultation, ConsultationPeopleInput, CreateConsultation, UpdateConsultation } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { touchFamily } from '../families';
import { assertParticipants } from '../team';
import { appendTimeline } from '../timeline';
import { notify } from '../notifications';
import { consultationDatum, mayManage, presentConsultations, selectConsultations, type ConsultationRow } from './consultation.presenter';
import { proposeAgenda, resolveAgenda } from './consultation-agenda';

/** Invitees belong to the file: professionals on the care team, the family's members, its supporters. */
export async function assertPeople(scope: FamilyScope, people: ConsultationPeopleInput, pointer: string): Promise<void> {
  await assertParticipants(scope, { memberIds: people.memberIds, userIds: people.userIds }, pointer);
  if (people.supporterIds.length === 0) return;
  const known = new Set((await scope.db.selectFrom('supporters').select('id').where('family_id', '=', scope.familyId).where('id', 'in', people.supporterIds).execute()).map((s) => s.id));
  const strangers = people.supporterIds.flatMap((id, i) => (known.has(id) ? [] : [{ pointer: `${pointer}/supporterIds/${i}`, detail: 'not a supporter of this family' }]));
  if (strangers.length > 0) throw new AppError('UNPROCESSABLE', 'Supporters who are invited must be in the family’s network.', strangers);
}

/** One consultation of this family, locked for a change; 404 when missing or hidden. */
export async function consultationForChange(scope: FamilyScope, id: string, expectedVersion: number | null): Promise<ConsultationRow> {
  await scope.db.selectFrom('consultations').select('id').where('family_id', '=', scope.familyId).where('id', '=', id).forUpdate().execute();
  const row = assertVersion(await selectConsultations(scope.db).where('c.family_id', '=', scope.familyId).where('c.id', '=', id).executeTakeFirst(), expectedVersion);
  scope.audit.resourceId = id;
  scope.require(consultationDatum(scope, row));
  if (!mayManage(scope, row)) throw new AppError('FORBIDDEN', 'The organiser or the family’s coordinator changes this consultation.');
  if (row.status !== 'planned') throw new AppError('CONFLICT', `This consultation is ${row.status === 'held' ? 'recorded already' : 'cancelled'}; it no longer changes.`);
  return row;
}

/** Tells each newly invited professional (not the one who invites) of their invitation: ids only. */
async function notifyInvited(scope: FamilyScope, c: { id: string; startsAt: string }, userIds: readonly string[]): Promise<void> {
  for (const userId of new Set(userIds)) {
    if (userId === scope.actor.userId) continue;
    await notify(scope.db, { userId, familyId: scope.familyId, kind: 'consultation.invited', data: { consultationId: c.id, startsAt: c.startsAt } }, scope.now);
  }
}

export async function getConsultation(scope: FamilyScope, id: string): Promise<Consultation> {
  scope.audit.resourceId = id;
  const row = await selectConsultations(scope.db).where('c.family_id', '=', scope.familyId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  scope.require(consultationDatum(scope, row));
  return (await presentConsultations(scope, [row]))[0]!;
}

/** The family's consultations, the latest start first (upcoming ones on top, then those held or cancelled). */
export async function listConsultations(scope: FamilyScope) {
  const rows = await selectConsultations(scope.db).where('c.family_id', '=', scope.familyId).orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc').limit(200).execute();
  return { items: await presentConsultations(scope, rows), nextCursor: null };
}

export async function agendaProposal(scope: FamilyScope) {
  return { items: await proposeAgenda(scope) };
}

/**
 * Plans a joint consultation: when, where, who (the organiser always), and an agenda from the plan unless one is
 * given. Every invited professional is told, once.
 */
export async function planConsultation(scope: FamilyScope, input: CreateConsultation): Promise<Consultation> {
  const organiser = professionalIn(scope);
  await assertPeople(scope, input.invitees, '/body/invitees');
  const agenda = await resolveAgenda(scope, input.agenda);
  const id = uuidv7();
  const userIds = [organiser.userId, ...input.invitees.userIds.filter((u) => u !== organiser.userId)];
  await scope.db.insertInto('consultations').values({
    id, family_id: scope.familyId, status: 'planned', starts_at: input.startsAt, ends_at: input.endsAt, location: input.location,
    video_url: input.videoUrl ?? null, organiser_user_id: organiser.userId, author_organisation_id: organiser.organisationId,
    invited_user_ids: userIds, invited_member_ids: input.invitees.memberIds, invited_supporter_ids: input.invitees.supporterIds,
    agenda: JSON.stringify(agenda), decisions: '[]', actions: '[]', created_at: scope.now, updated_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'consultation.planned', data: { consultationId: id, startsAt: new Date(input.startsAt).toISOString() } });
  await touchFamily(scope);
  await notifyInvited(scope, { id, startsAt: new Date(input.startsAt).toISOString() }, userIds);
  return getConsultation(scope, id);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Reschedules or changes a planned consultation. A new time, place or set of invitees is a new version of the
 * invitation (SEQUENCE + 1); newly invited professionals are told.
 */
export async function updateConsultation(scope: FamilyScope, id: string, expectedVersion: number | null, input: UpdateConsultation): Promise<Consultation> {
  const current = await consultationForChange(scope, id, expectedVersion);
  const startsAt = input.startsAt ? new Date(input.startsAt) : new Date(current.starts_at);
  const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(current.ends_at);
  if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > 12 * 3_600_000) {
    throw new AppError('UNPROCESSABLE', 'The consultation ends after it starts, within 12 hours.', [{ pointer: input.endsAt ? '/body/endsAt' : '/body/startsAt', detail: 'times out of order' }]);
  }
  const location = input.location ?? current.location;
  const videoUrl = input.videoUrl === undefined ? current.video_url : input.videoUrl;
  if (location === '' && !videoUrl) throw new AppError('UNPROCESSABLE', 'Give a place or a video link.', [{ pointer: '/body/location', detail: 'no place and no video link' }]);
  let invitedUsers = current.invited_user_ids;
  if (input.invitees) {
    await assertPeople(scope, input.invitees, '/body/invitees');
    invitedUsers = [current.organiser_user_id, ...input.invitees.userIds.filter((u) => u !== current.organiser_user_id)];
  }
  const agenda = input.agenda ? await resolveAgenda(scope, input.agenda) : null;
  const rescheduled = startsAt.getTime() !== new Date(current.starts_at).getTime() || endsAt.getTime() !== new Date(current.ends_at).getTime();
  const changedForCalendar = rescheduled || location !== current.location || videoUrl !== current.video_url || !sameSet(invitedUsers, current.invited_user_ids);
  await scope.db.updateTable('consultations').set({
    starts_at: startsAt, ends_at: endsAt, location, video_url: videoUrl, invited_user_ids: invitedUsers,
    ...(input.invitees ? { invited_member_ids: input.invitees.memberIds, invited_supporter_ids: input.invitees.supporterIds } : {}),
    ...(agenda ? { agenda: JSON.stringify(agenda) } : {}),
    sequence: current.sequence + (changedForCalendar ? 1 : 0), version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, {
    kind: 'plan', event: rescheduled ? 'consultation.rescheduled' : 'consultation.updated',
    data: { consultationId: id, startsAt: startsAt.toISOString(), fields: Object.keys(input) },
  });
  await touchFamily(scope);
  await notifyInvited(scope, { id, startsAt: startsAt.toISOString() }, invitedUsers.filter((u) => !current.invited_user_ids.includes(u)));
  scope.audit.detail.fields = Object.keys(input);
  return getConsultation(scope, id);
}

/** Cancels a planned consultation: the invitation becomes a cancellation (METHOD:CANCEL), invited professionals are told. */
export async function cancelConsultation(scope: FamilyScope, id: string, input: CancelConsultation): Promise<Consultation> {
  const current = await consultationForChange(scope, id, null);
  await scope.db.updateTable('consultations').set({
    status: 'cancelled', cancelled_at: scope.now, cancel_reason: input.reason, sequence: current.sequence + 1, version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'consultation.cancelled', data: { consultationId: id }, body: input.reason || null });
  await touchFamily(scope);
  for (const userId of current.invited_user_ids) {
    if (userId !== scope.actor.userId) await notify(scope.db, { userId, familyId: scope.familyId, kind: 'consultation.cancelled', data: { consultationId: id } }, scope.now);
  }
  return getConsultation(scope, id);
}
