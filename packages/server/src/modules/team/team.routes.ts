import { AddTeamMember, EndTeamMember, Id, IdParams, listOf, TeamMember, TeamQuery, UpdateTeamMember } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { addTeamMember, endTeamMember, listTeam, updateTeamMember } from './team.service';

const TeamMemberParams = IdParams.extend({ teamMemberId: Id });

export const teamRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/team', tag: 'team', summary: 'The care team (include=all shows ended memberships too)',
    access: { family: 'team:read', action: 'R', resource: 'team', event: 'team.read' },
    params: IdParams, query: TeamQuery,
    response: { status: 200, schema: listOf(TeamMember) },
    handler: async (scope, { query }) => ({ body: await listTeam(scope, query.include) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/team', tag: 'team',
    summary: 'Add a professional to the care team (coordinator); role coordinator hands over coordination',
    access: { family: 'team:manage', action: 'C', resource: 'team-member', event: 'team.member-added' },
    params: IdParams, body: AddTeamMember,
    response: { status: 201, schema: TeamMember },
    handler: async (scope, { body }) => ({ status: 201, body: await addTeamMember(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: '/api/v1/families/:familyId/team/:teamMemberId', tag: 'team',
    summary: 'Change role, life domains or responsibility (coordinator)',
    access: { family: 'team:manage', action: 'U', resource: 'team-member', event: 'team.member-updated' },
    params: TeamMemberParams, body: UpdateTeamMember, ifMatch: 'required',
    response: { status: 200, schema: TeamMember },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await updateTeamMember(scope, params.teamMemberId, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'DELETE', url: '/api/v1/families/:familyId/team/:teamMemberId', tag: 'team',
    summary: 'End a membership (kept in the history); the coordinator cannot be ended before a handover',
    access: { family: 'team:manage', action: 'U', resource: 'team-member', event: 'team.member-ended' },
    params: TeamMemberParams, body: EndTeamMember.optional(), ifMatch: 'optional',
    response: { status: 200, schema: TeamMember },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await endTeamMember(scope, params.teamMemberId, ifMatch, body?.reason) }),
  }),
];
