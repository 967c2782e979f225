import { z } from 'zod';
import { ConfirmCode, Id, Me, RecoveryCodes, SecondFactorAnswer, TwoFactorEnrolment, TwoFactorStatus } from '@gezinsplan/domain';
import { defineAccountRoute, defineRoute } from '../../platform/http/define-route';
import {
  answerSecondFactor, confirmEnrolment, disableTwoFactor, newRecoveryCodes, resetTwoFactor, startEnrolment, twoFactorStatus,
} from './two-factor.service';

/** Guessing six digits is slowed per address, on top of the lock after five wrong codes. */
const codeRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export const twoFactorRoutes = [
  defineAccountRoute({
    method: 'POST', url: '/api/v1/auth/second-factor', tag: 'auth', summary: 'The second step of signing in: a code from the app, or a recovery code',
    access: { account: 'completes their own sign-in' }, duringSignIn: true,
    body: SecondFactorAnswer,
    response: { status: 200, schema: Me },
    config: codeRateLimit,
    handler: async (ctx, { body }, http) => ({ body: await answerSecondFactor(ctx, body, http) }),
  }),
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me/two-factor', tag: 'me', summary: 'Whether my two-factor sign-in is on, required, and how many recovery codes are left',
    access: { account: 'reads their own sign-in settings' }, duringSignIn: true,
    response: { status: 200, schema: TwoFactorStatus },
    handler: async (ctx) => ({ body: await twoFactorStatus(ctx) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/two-factor/enrolment', tag: 'me', summary: 'Start setting up an authenticator app: the secret, its otpauth link and QR code',
    access: { account: 'sets up their own second factor' }, duringSignIn: true,
    response: { status: 200, schema: TwoFactorEnrolment },
    handler: async (ctx) => ({ body: await startEnrolment(ctx) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/two-factor/confirm', tag: 'me', summary: 'Confirm the set-up with a first code; answers the ten recovery codes, once',
    access: { account: 'sets up their own second factor' }, duringSignIn: true,
    body: ConfirmCode,
    response: { status: 200, schema: Me.extend(RecoveryCodes.shape) },
    config: codeRateLimit,
    handler: async (ctx, { body }, http) => ({ body: await confirmEnrolment(ctx, body.code, http) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/two-factor/recovery-codes', tag: 'me', summary: 'Replace my recovery codes by ten new ones (with a current code)',
    access: { account: 'renews their own recovery codes' },
    body: ConfirmCode,
    response: { status: 200, schema: RecoveryCodes },
    config: codeRateLimit,
    handler: async (ctx, { body }) => ({ body: await newRecoveryCodes(ctx, body.code) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/two-factor/disable', tag: 'me', summary: 'Turn two-factor sign-in off, where it is not required (with a current code)',
    access: { account: 'turns off their own second factor' },
    body: ConfirmCode,
    response: { status: 204, schema: z.null() },
    config: codeRateLimit,
    handler: async (ctx, { body }) => {
      await disableTwoFactor(ctx, body.code);
      return { status: 204, body: undefined };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users/:userId/two-factor/reset', tag: 'users',
    summary: "Clear someone's second factor when they lost their phone and recovery codes (admin; org-admin for their own people)",
    access: { permission: 'users:manage' },
    params: z.object({ userId: Id }),
    response: { status: 204, schema: z.null() },
    handler: async (ctx, { params }) => {
      await resetTwoFactor(ctx, params.userId);
      return { status: 204, body: undefined };
    },
  }),
];
