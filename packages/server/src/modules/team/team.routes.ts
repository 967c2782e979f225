import { AddTeamMember, CareStep, Continuity, EndTeamMember, Id, IdParams, listOf, StepDown, StepUp, TeamMember, TeamQuery, UpdateTeamMember } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { addTeamMember, endTeamMember, listTeam, updateTeamMember } from './team.service';
import { listContinuity, stepDown, stepUp } from './continuity.service';

const TeamMemberParams = IdParams.extend({ teamMemberId: Id });
const CareStepParams = IdParams.extend({ careStepId: Id });

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
    summary: 'End a membership (kept in the history); with open actions it needs a handover note and every action reassigned; the coordinator cannot be ended before a handover',
    access: { family: 'team:manage', action: 'U', resource: 'team-member', event: 'team.member-ended' },
    params: TeamMemberParams, body: EndTeamMember.optional(), ifMatch: 'optional',
    response: { status: 200, schema: TeamMember },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await endTeamMember(scope, params.teamMemberId, ifMatch, body ?? {}) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/continuity', tag: 'team',
    summary: 'Continuity of care: who coordinated when (no gap, never two), the steps up and down, and the handover notes',
    access: { family: 'team:read', action: 'R', resource: 'continuity', event: 'team.continuity-read' },
    params: IdParams,
    response: { status: 200, schema: Continuity },
    handler: async (scope) => ({ body: await listContinuity(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/care-steps', tag: 'team',
    summary: 'Step up to specialist care (coordinator): the specialist on the team, and who stays involved in which role',
    access: { family: 'team:manage', action: 'C', resource: 'care-step', event: 'team.stepped-up' },
    params: IdParams, body: StepUp,
    response: { status: 201, schema: CareStep },
    handler: async (scope, { body }) => ({ status: 201, body: await stepUp(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/care-steps/:careStepId/step-down', tag: 'team',
    summary: 'Step back down (the specialist or the coordinator): a handover note back, open actions reassigned, membership ended',
    access: { family: 'plan:write', action: 'U', resource: 'care-step', event: 'team.stepped-down' },
    params: CareStepParams, body: StepDown, ifMatch: 'optional',
    response: { status: 200, schema: CareStep },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await stepDown(scope, params.careStepId, ifMatch, body) }),
  }),
];
