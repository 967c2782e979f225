import { z } from 'zod';
import { Login, Me } from '@gezinsplan/domain';
import { defineAccountRoute, definePublicRoute } from '../../platform/http/define-route';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { AppError } from '../../platform/http/app-error';
import { findSignedInUser } from '../users';
import { login, logout } from './auth.service';


export const authRoutes = [
  definePublicRoute({
    method: 'POST', url: '/api/v1/auth/login', tag: 'auth', summary: 'Sign in with email and password',
    access: { public: 'signing in is how one stops being anonymous' },
    body: Login,
    response: { status: 200, schema: Me },
    // Per address and account: slows guessing without letting one office lock out its colleagues.
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (ctx, { body }, http) => {
      const { session, user, secondFactor } = await login(ctx, body.email, body.password);
      http.setCookie(SESSION_COOKIE, session.token, {});
      return { body: { user, csrfToken: session.csrfToken, secondFactor } };
    },
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/auth/logout', tag: 'auth', summary: 'Sign out; the session ends on the server',
    access: { account: 'ends their own session' }, duringSignIn: true,
    response: { status: 204, schema: z.null() },
    handler: async (ctx, _input, http) => {
      await logout(ctx);
      http.setCookie(SESSION_COOKIE, '', { clear: true });
      return { status: 204, body: undefined };
    },
  }),
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me', tag: 'auth', summary: 'The signed-in user (a professional or a family member) and the current CSRF token',
    access: { account: 'reads who they are' }, duringSignIn: true,
    response: { status: 200, schema: Me },
    handler: async (ctx) => {
      const user = await findSignedInUser(ctx.db, ctx.actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
      return { body: { user, csrfToken: ctx.actor.csrfToken, secondFactor: ctx.actor.secondFactor } };
    },
  }),
];
