import { z } from 'zod';
import { ChangeReferralStatus, CreateReferral, Id, IdParams, listOf, PageQuery, Referral } from '@gezinsplan/domain';
import { defineFamilyRoute, defineRoute } from '../../platform/http/define-route';
import { withReferralAccess } from '../../platform/access/referral-gate';
import { changeReferralStatus, createReferral, getReferral, incomingReferrals, listFamilyReferrals } from './referrals.service';

const ReferralParams = z.object({ referralId: Id });

export const referralsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/referrals', tag: 'referrals',
    summary: "The family's referrals to other organisations, with their status and history",
    access: { family: 'plan:read', action: 'R', resource: 'referral', event: 'referral.family-listed' },
    params: IdParams,
    response: { status: 200, schema: listOf(Referral) },
    handler: async (scope) => ({ body: await listFamilyReferrals(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/referrals', tag: 'referrals',
    summary: 'Refer the family, for a goal, to another organisation; it shares only what the family consented to share with it',
    access: { family: 'plan:write', action: 'C', resource: 'referral', event: 'referral.created' },
    params: IdParams, body: CreateReferral,
    response: { status: 201, schema: Referral },
    handler: async (scope, { body }) => ({ status: 201, body: await createReferral(scope, body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/referrals', tag: 'referrals',
    summary: 'Referrals to my organisation (its inbox), newest first: only what each referral shares',
    access: { permission: 'families:list' },
    query: PageQuery,
    response: { status: 200, schema: listOf(Referral) },
    handler: async (ctx, { query }) => ({ body: await incomingReferrals(ctx, query) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/referrals/:referralId', tag: 'referrals',
    summary: 'One referral: for the receiving organisation what it shares, for the family’s team all of it',
    access: { permission: 'families:list' },
    params: ReferralParams,
    response: { status: 200, schema: Referral },
    handler: async (ctx, { params }) => ({
      body: await withReferralAccess(ctx.db, { actor: ctx.actor, referralId: params.referralId, action: 'R', event: 'referral.read', accessPoint: ctx.accessPoint }, getReferral),
    }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/referrals/:referralId/status', tag: 'referrals',
    summary: 'Move a referral on: send or withdraw it (referrer), accept, reject, start, complete or fail it (receiving organisation)',
    access: { permission: 'families:list' },
    params: ReferralParams, body: ChangeReferralStatus,
    response: { status: 200, schema: Referral },
    handler: async (ctx, { params, body }) => ({
      body: await withReferralAccess(ctx.db, { actor: ctx.actor, referralId: params.referralId, action: 'U', event: 'referral.status-changed', accessPoint: ctx.accessPoint },
        (scope) => changeReferralStatus(scope, body)),
    }),
  }),
];
