import { v7 as uuidv7 } from 'uuid';
import { todayInNetherlands, type CareStep, type Continuity, type Datum, type Handover, type HandoverReason, type StepDown, type StepUp } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { appendTimeline } from '../timeline';
import { touchFamily } from '../families';
import { refreshSignalsForFamily } from '../signals';
import { handOverOpenWork } from './team.service';

/** Continuity records are the team's data, written by the organisation that recorded them. */
const teamDatum = (authorOrganisationId: string): Datum => ({ category: 'team', authorOrganisationId, memberIds: [] });

type Person = { userId: string; name: string; organisationName: string };

async function people(db: Db, userIds: string[]): Promise<Map<string, Person>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'o.name as organisation_name']).where('u.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { userId: r.id, name: r.name, organisationName: r.organisation_name }]));
}

async function currentCoordinator(db: Db, familyId: string): Promise<string> {
  const row = await db.selectFrom('team_members').select('user_id')
    .where('family_id', '=', familyId).where('role', '=', 'coordinator').where('ended_at', 'is', null).executeTakeFirstOrThrow();
  return row.user_id;
}

/**
 * The file's continuity: who coordinated when (the open period always, earlier ones as the team is shared), the steps
 * up and down with who stayed involved, and the handover notes. One's own steps and handovers are always one's own to read.
 */
export async function listContinuity(scope: FamilyScope): Promise<Continuity> {
  const [periods, steps, handovers] = await Promise.all([
    scope.db.selectFrom('coordination_periods as c').innerJoin('team_members as t', 't.id', 'c.team_member_id')
      .select(['c.user_id', 'c.started_at', 'c.ended_at', 't.author_organisation_id']).where('c.family_id', '=', scope.familyId)
      .orderBy('c.started_at').orderBy('c.id').execute(),
    scope.db.selectFrom('care_steps').selectAll().where('family_id', '=', scope.familyId).orderBy('stepped_up_at').orderBy('id').execute(),
    scope.db.selectFrom('handovers').selectAll().where('family_id', '=', scope.familyId).orderBy('created_at').orderBy('id').execute(),
  ]);
  const me = scope.actor.userId;
  const shownPeriods = periods.filter((p) => p.ended_at === null || p.user_id === me || scope.sight.sees(teamDatum(p.author_organisation_id)));
  const shownSteps = steps.filter((s) => s.specialist_user_id === me || scope.sight.sees(teamDatum(s.author_organisation_id)));
  const shownHandovers = handovers.filter((h) => h.from_user_id === me || h.to_user_id === me || scope.sight.sees(teamDatum(h.author_organisation_id)));
  const actionIds = shownHandovers.flatMap((h) => h.reassigned.map((r) => r.actionId));
  const titles = actionIds.length === 0 ? new Map<string, string>() : new Map((await scope.db.selectFrom('actions').select(['id', 'title'])
    .where('family_id', '=', scope.familyId).where('id', 'in', actionIds).execute()).map((a) => [a.id, a.title]));
  const who = await people(scope.db, [
    ...shownPeriods.map((p) => p.user_id),
    ...shownSteps.flatMap((s) => [s.specialist_user_id, s.coordinator_user_id, ...s.staying.map((x) => x.userId)]),
    ...shownHandovers.flatMap((h) => [h.from_user_id, ...(h.to_user_id ? [h.to_user_id] : []), ...h.reassigned.map((r) => r.toUserId)]),
  ]);
  const person = (id: string): Person => who.get(id) ?? { userId: id, name: '', organisationName: '' };
  const coordinator = periods.find((p) => p.ended_at === null)?.user_id;
  return {
    coordination: shownPeriods.map((p) => ({
      ...person(p.user_id), from: new Date(p.started_at).toISOString(), to: p.ended_at ? new Date(p.ended_at).toISOString() : null,
    })),
    steps: shownSteps.map((s): CareStep => ({
      id: s.id, referralId: s.referral_id, specialist: person(s.specialist_user_id), coordinator: person(s.coordinator_user_id),
      staying: s.staying.map((x) => ({ ...person(x.userId), involvement: x.involvement })), note: s.note,
      steppedUpAt: new Date(s.stepped_up_at).toISOString(), steppedDownAt: s.stepped_down_at ? new Date(s.stepped_down_at).toISOString() : null,
      handoverId: s.handover_id, mayStepDown: s.stepped_down_at === null && (s.specialist_user_id === me || coordinator === me), version: s.version,
    })),
    handovers: shownHandovers.map((h): Handover => ({
      id: h.id, reason: h.reason as HandoverReason, from: person(h.from_user_id), to: h.to_user_id ? person(h.to_user_id) : null,
      note: { whatWorks: h.what_works, whatToWatch: h.what_to_watch, familyTrusts: h.family_trusts, openActions: h.open_actions },
      reassigned: h.reassigned.map((r) => ({ actionId: r.actionId, title: titles.get(r.actionId) ?? '', toUserId: r.toUserId, toName: person(r.toUserId).name })),
      createdAt: new Date(h.created_at).toISOString(),
    })),
  };
}

async function stepById(scope: FamilyScope, stepId: string): Promise<CareStep> {
  const step = (await listContinuity(scope)).steps.find((s) => s.id === stepId);
  if (!step) throw notFound();
  return step;
}

/**
 * Stepping up: a specialist on the team (usually joined by accepting a referral) takes on part of the work; the
 * coordinator records who stays involved and how. Coordination stays where it is: handing it over is its own step.
 */
export async function stepUp(scope: FamilyScope, input: StepUp): Promise<CareStep> {
  const author = professionalIn(scope);
  const coordinator = await currentCoordinator(scope.db, scope.familyId);
  const active = await scope.db.selectFrom('team_members').select(['user_id', 'role'])
    .where('family_id', '=', scope.familyId).where('ended_at', 'is', null).execute();
  const onTeam = new Set(active.map((m) => m.user_id));
  if (!onTeam.has(input.specialistUserId) || input.specialistUserId === coordinator) {
    throw new AppError('UNPROCESSABLE', 'The specialist must be on the care team (accept the referral first) and not be the coordinator.',
      [{ pointer: '/body/specialistUserId', detail: 'not a team member other than the coordinator' }]);
  }
  input.staying.forEach((s, i) => {
    if (!onTeam.has(s.userId) || s.userId === input.specialistUserId) {
      throw new AppError('UNPROCESSABLE', 'Who stays involved must be on the care team.', [{ pointer: `/body/staying/${i}/userId`, detail: 'not a team member who stays on' }]);
    }
  });
  if (input.referralId) {
    const referral = await scope.db.selectFrom('referrals').select(['status', 'accepted_by'])
      .where('family_id', '=', scope.familyId).where('id', '=', input.referralId).executeTakeFirst();
    if (!referral || !['accepted', 'in-progress'].includes(referral.status) || referral.accepted_by !== input.specialistUserId) {
      throw new AppError('UNPROCESSABLE', 'Link a referral of this family that the specialist accepted.', [{ pointer: '/body/referralId', detail: 'not a referral this specialist accepted' }]);
    }
  }
  const open = await scope.db.selectFrom('care_steps').select('id')
    .where('family_id', '=', scope.familyId).where('specialist_user_id', '=', input.specialistUserId).where('stepped_down_at', 'is', null).executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'This specialist has already stepped in; step down first.', [{ pointer: '/body/specialistUserId', detail: 'already stepped up' }]);
  const id = uuidv7();
  await scope.db.insertInto('care_steps').values({
    id, family_id: scope.familyId, referral_id: input.referralId ?? null, specialist_user_id: input.specialistUserId, coordinator_user_id: coordinator,
    staying: JSON.stringify(input.staying), note: input.note, stepped_up_at: scope.now, author_user_id: author.userId, author_organisation_id: author.organisationId,
  }).execute();
  await appendTimeline(scope, { kind: 'team', event: 'team.stepped-up', data: { careStepId: id, specialistUserId: input.specialistUserId, coordinatorUserId: coordinator } });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return stepById(scope, id);
}

/**
 * Stepping down: the specialist's part ends with a handover back to the coordinator. The specialist themself or the
 * coordinator writes it; the specialist's open actions move to who stays, and their membership ends unless kept.
 */
export async function stepDown(scope: FamilyScope, stepId: string, expectedVersion: number | null, input: StepDown): Promise<CareStep> {
  scope.audit.resourceId = stepId;
  const step = assertVersion(
    await scope.db.selectFrom('care_steps').selectAll().where('family_id', '=', scope.familyId).where('id', '=', stepId).forUpdate().executeTakeFirst(),
    expectedVersion,
  );
  if (step.specialist_user_id !== scope.actor.userId) scope.require(teamDatum(step.author_organisation_id));
  if (step.stepped_down_at) throw new AppError('CONFLICT', 'This step has already been stepped down.');
  const coordinator = await currentCoordinator(scope.db, scope.familyId);
  if (scope.actor.userId !== step.specialist_user_id && scope.actor.userId !== coordinator) {
    throw new AppError('FORBIDDEN', 'Only the specialist or the coordinator steps down.');
  }
  const handoverId = await handOverOpenWork(scope, step.specialist_user_id, { handover: input.handover, reassign: input.reassign }, 'step-down');
  await scope.db.updateTable('care_steps').set({ stepped_down_at: scope.now, handover_id: handoverId, version: step.version + 1 }).where('id', '=', stepId).execute();
  if (input.endMembership) {
    await scope.db.updateTable('team_members').set((eb) => ({ end_date: todayInNetherlands(scope.now), ended_at: scope.now, version: eb('version', '+', 1) }))
      .where('family_id', '=', scope.familyId).where('user_id', '=', step.specialist_user_id).where('ended_at', 'is', null).execute();
    await refreshSignalsForFamily(scope.db, scope.familyId, scope.now);
  }
  await appendTimeline(scope, { kind: 'team', event: 'team.stepped-down', data: { careStepId: stepId, handoverId, specialistUserId: step.specialist_user_id, endedMembership: input.endMembership } });
  await touchFamily(scope);
  return stepById(scope, stepId);
}
