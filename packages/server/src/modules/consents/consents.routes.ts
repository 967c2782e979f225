import { z } from 'zod';
import { ChangeConsent, Consent, GiveConsent, Id, IdParams, listOf } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { changeConsent, giveConsent, listConsents, withdrawConsent } from './consents.service';

const ConsentParams = IdParams.extend({ consentId: Id });

export const consentsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/consents', tag: 'consents',
    summary: "The family's consents, each with today's verdict under the age rules and a plain-Dutch description",
    access: { family: 'consent:read', action: 'R', resource: 'consent', event: 'consent.listed' },
    params: IdParams, query: z.object({ memberId: Id.optional() }),
    response: { status: 200, schema: listOf(Consent) },
    handler: async (scope, { query }) => ({ body: await listConsents(scope, query.memberId) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/consents', tag: 'consents',
    summary: 'Record a consent: this member permits this organisation to see these categories, for this purpose, until this date',
    access: { family: 'consent:write', action: 'C', resource: 'consent', event: 'consent.given' },
    params: IdParams, body: GiveConsent,
    response: { status: 201, schema: Consent },
    handler: async (scope, { body }) => ({ status: 201, body: await giveConsent(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: '/api/v1/families/:familyId/consents/:consentId', tag: 'consents',
    summary: 'Narrow a consent, or add the agreement of another family member',
    access: { family: 'consent:write', action: 'U', resource: 'consent', event: 'consent.changed' },
    params: ConsentParams, body: ChangeConsent, ifMatch: 'required',
    response: { status: 200, schema: Consent },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await changeConsent(scope, params.consentId, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/consents/:consentId/withdraw', tag: 'consents', summary: 'Withdraw a consent, at once',
    access: { family: 'consent:write', action: 'U', resource: 'consent', event: 'consent.withdrawn' },
    params: ConsentParams, ifMatch: 'optional',
    response: { status: 200, schema: Consent },
    handler: async (scope, { params, ifMatch }) => ({ body: await withdrawConsent(scope, params.consentId, ifMatch) }),
  }),
];
