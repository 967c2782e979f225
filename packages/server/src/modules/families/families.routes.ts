
import {
  CreateFamily, CreateMember, CreateSupporter, Family, FamilyQuery, Id, IdParams, listOf, MemberDetail, MemberSummary,
  PageQuery, Supporter, UpdateFamily, UpdateMember,
} from '@gezinsplan/domain';
import { defineFamilyRoute, defineRoute } from '../../platform/http/define-route';
import { getFamily, listFamilies, registerFamily, updateFamily } from './families.service';
import { addMember, getMember, listMembers, updateMember } from './members.service';
import { addSupporter, listSupporters } from './supporters.service';

const MemberParams = IdParams.extend({ memberId: Id });

export const familiesRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/families', tag: 'families', summary: 'Families I may see (my care teams), searchable',
    access: { permission: 'families:list' },
    query: PageQuery.extend(FamilyQuery.shape),
    response: { status: 200, schema: listOf(Family) },
    handler: async (ctx, { query }) => ({ body: await listFamilies(ctx, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/families', tag: 'families',
    summary: 'Register a family (aanmelding); you become its coordinator',
    access: { permission: 'families:create' },
    body: CreateFamily,
    response: { status: 201, schema: Family },
    handler: async (ctx, { body }) => ({ status: 201, body: await registerFamily(ctx, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId', tag: 'families', summary: 'One family: name, phase, coordinator',
    access: { family: 'family:read', action: 'R', resource: 'family', event: 'family.read' },
    params: IdParams,
    response: { status: 200, schema: Family },
    handler: async (scope) => ({ body: await getFamily(scope) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: '/api/v1/families/:familyId', tag: 'families', summary: "Rename the family (coordinator); the phase moves through POST …/phase",
    access: { family: 'family:update', action: 'U', resource: 'family', event: 'family.updated' },
    params: IdParams, body: UpdateFamily, ifMatch: 'required',
    response: { status: 200, schema: Family },
    handler: async (scope, { body, ifMatch }) => ({ body: await updateFamily(scope, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/members', tag: 'members', summary: 'The members of the family (no BSN in lists)',
    access: { family: 'member:read', action: 'R', resource: 'member', event: 'member.listed' },
    params: IdParams,
    response: { status: 200, schema: listOf(MemberSummary) },
    handler: async (scope) => ({ body: await listMembers(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/members', tag: 'members', summary: 'Add a member (coordinator)',
    access: { family: 'member:write', action: 'C', resource: 'member', event: 'member.added' },
    params: IdParams, body: CreateMember,
    response: { status: 201, schema: MemberSummary },
    handler: async (scope, { body }) => ({ status: 201, body: await addMember(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/members/:memberId', tag: 'members', summary: 'One member, with BSN',
    access: { family: 'member:read', action: 'R', resource: 'member', event: 'member.read' },
    params: MemberParams,
    response: { status: 200, schema: MemberDetail },
    handler: async (scope, { params }) => ({ body: await getMember(scope, params.memberId) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: '/api/v1/families/:familyId/members/:memberId', tag: 'members', summary: 'Change a member (coordinator)',
    access: { family: 'member:write', action: 'U', resource: 'member', event: 'member.updated' },
    params: MemberParams, body: UpdateMember, ifMatch: 'required',
    response: { status: 200, schema: MemberSummary },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await updateMember(scope, params.memberId, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/supporters', tag: 'members', summary: 'The informal network (grandparents, neighbours, friends)',
    access: { family: 'member:read', action: 'R', resource: 'supporter', event: 'supporter.listed' },
    params: IdParams,
    response: { status: 200, schema: listOf(Supporter) },
    handler: async (scope) => ({ body: await listSupporters(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/supporters', tag: 'members', summary: 'Add someone from the informal network (coordinator)',
    access: { family: 'member:write', action: 'C', resource: 'supporter', event: 'supporter.added' },
    params: IdParams, body: CreateSupporter,
    response: { status: 201, schema: Supporter },
    handler: async (scope, { body }) => ({ status: 201, body: await addSupporter(scope, body) }),
  }),
];

