import {
  AcceptInvitation, CreateInvitation, Id, IdParams, Invitation, InvitationPreview, InvitationPreviewRequest, IssuedInvitation, listOf, Me,
} from '@gezinsplan/domain';
import { defineFamilyRoute, definePublicRoute } from '../../platform/http/define-route';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.service';
import { acceptInvitation, previewInvitation } from './accept-invitation.service';

/** Guessing a code is slowed per address, like guessing a password. */
const codeRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export const familyAccountsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/invitations', tag: 'family-accounts',
    summary: 'Invitations of family members to their own file, and whether they were accepted (coordinator)',
    access: { family: 'invitation:manage', action: 'R', resource: 'invitation', event: 'invitations.listed' },
    params: IdParams,
    response: { status: 200, schema: listOf(Invitation) },
    handler: async (scope) => ({ body: await listInvitations(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/invitations', tag: 'family-accounts',
    summary: 'Invite a parent or a youth of 12 or older; the one-time code is in this answer only (coordinator)',
    access: { family: 'invitation:manage', action: 'C', resource: 'invitation', event: 'invitation.created' },
    params: IdParams, body: CreateInvitation,
    response: { status: 201, schema: IssuedInvitation },
    handler: async (scope, { body }) => ({ status: 201, body: await createInvitation(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/invitations/:invitationId/revoke', tag: 'family-accounts',
    summary: "Withdraw an invitation; if it was accepted, end that member's account (coordinator)",
    access: { family: 'invitation:manage', action: 'U', resource: 'invitation', event: 'invitation.revoked' },
    params: IdParams.extend({ invitationId: Id }), ifMatch: 'optional',
    response: { status: 200, schema: Invitation },
    handler: async (scope, { params, ifMatch }) => ({ body: await revokeInvitation(scope, params.invitationId, ifMatch) }),
  }),
  definePublicRoute({
    method: 'POST', url: '/api/v1/auth/invitation', tag: 'auth', summary: 'Check an invitation code: whom it is for and until when',
    access: { public: 'the code itself is the secret; the answer names only the given name' },
    body: InvitationPreviewRequest,
    response: { status: 200, schema: InvitationPreview },
    config: codeRateLimit,
    handler: async (ctx, { body }) => ({ body: await previewInvitation(ctx, body.code) }),
  }),
  definePublicRoute({
    method: 'POST', url: '/api/v1/auth/accept-invitation', tag: 'auth',
    summary: 'Accept an invitation: choose email address and password, and be signed in to your family’s file',
    access: { public: 'the one-time code is the proof of being invited' },
    body: AcceptInvitation,
    response: { status: 201, schema: Me },
    config: codeRateLimit,
    handler: async (ctx, { body }, http) => {
      const { session, user } = await acceptInvitation(ctx, body);
      http.setCookie(SESSION_COOKIE, session.token, {});
      return { status: 201, body: { user, csrfToken: session.csrfToken, secondFactor: 'not-needed' as const } };
    },
  }),
];
