import type { Participants, ParticipantsInput } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import { AppError } from '../../platform/http/app-error';
import { assertMembersOfFamily, memberDatum } from '../families';

/**
 * Who took part in a joint moment must belong to it: the family's own members, and professionals on the care team
 * at the time (a colleague who left the team did not take part in today's meeting).
 */
export async function assertParticipants(scope: FamilyScope, input: ParticipantsInput, pointer: string): Promise<void> {
  await assertMembersOfFamily(scope.db, scope.familyId, input.memberIds, `${pointer}/memberIds`);
  if (input.userIds.length === 0) return;
  const onTeam = await scope.db.selectFrom('team_members').select('user_id')
    .where('family_id', '=', scope.familyId).where('user_id', 'in', input.userIds).where('ended_at', 'is', null).execute();
  const known = new Set(onTeam.map((r) => r.user_id));
  const strangers = input.userIds.flatMap((id, i) => (known.has(id) ? [] : [{ pointer: `${pointer}/userIds/${i}`, detail: 'not on the care team' }]));
  if (strangers.length > 0) throw new AppError('UNPROCESSABLE', 'Professionals who take part must be on the care team.', strangers);
}

/** Puts names to the people who took part, for one item or a whole list (two queries, however many items). */
export interface ParticipantNames {
  present(memberIds: readonly string[], userIds: readonly string[]): Participants;
}

/**
 * Reads the names of everyone named in `groups` at once. A family member's name is shown only where the reader may
 * see that member's identity (a hidden member is left out, not counted); professionals come with their organisation.
 */
export async function loadParticipantNames(scope: FamilyScope, groups: readonly { memberIds: readonly string[]; userIds: readonly string[] }[]): Promise<ParticipantNames> {
  const memberIds = [...new Set(groups.flatMap((g) => g.memberIds))];
  const userIds = [...new Set(groups.flatMap((g) => g.userIds))];
  const members = memberIds.length === 0 ? [] : await scope.db.selectFrom('members').select(['id', 'given_name', 'family_name', 'author_organisation_id'])
    .where('family_id', '=', scope.familyId).where('id', 'in', memberIds).execute();
  const professionals = userIds.length === 0 ? [] : await scope.db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'o.name as organisation_name']).where('u.id', 'in', userIds).execute();
  const memberById = new Map(members.filter((m) => scope.sight.sees(memberDatum(m))).map((m) => [m.id, `${m.given_name} ${m.family_name}`]));
  const professionalById = new Map(professionals.map((p) => [p.id, p]));
  return {
    present: (mIds, uIds) => ({
      members: mIds.flatMap((id) => (memberById.has(id) ? [{ id, name: memberById.get(id)! }] : [])),
      professionals: uIds.flatMap((id) => {
        const p = professionalById.get(id);
        return p ? [{ userId: p.id, name: p.name, organisationName: p.organisation_name }] : [];
      }),
    }),
  };
}
