import { z } from 'zod';
import { DeclineSignal, Id, listOf, PageQuery, Signal } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import type { RequestContext } from '../../platform/http/request-context';
import { withSignalAccess, type SignalScope } from '../../platform/access/signal-gate';
import { acceptTeam, declineSignal, getSignal, mySignals, proposeTeam } from './signals.service';

const SignalParams = z.object({ signalId: Id });

/** One signal through its gate: the coordinator of either file, anyone else 404. */
const onSignal = <T>(ctx: RequestContext, signalId: string, action: 'R' | 'U', event: string, work: (scope: SignalScope) => Promise<T>) =>
  withSignalAccess(ctx.db, { actor: ctx.actor, signalId, action, event, accessPoint: ctx.accessPoint }, work);

export const signalsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/me/signals', tag: 'signals',
    summary: 'My open signals: another organisation’s file holds a child of a family I coordinate (a Gezinsplan signal, not the Verwijsindex); only how to reach its coordinator',
    access: { permission: 'families:list' },
    query: PageQuery,
    response: { status: 200, schema: listOf(Signal) },
    handler: async (ctx, { query }) => ({ body: await mySignals(ctx, query) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/signals/:signalId', tag: 'signals',
    summary: 'One signal, for the coordinator of either file: the other side’s contact details and what was done, nothing of the other file',
    access: { permission: 'families:list' },
    params: SignalParams,
    response: { status: 200, schema: Signal },
    handler: async (ctx, { params }) => ({ body: await onSignal(ctx, params.signalId, 'R', 'signal.read', getSignal) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/signals/:signalId/propose-team', tag: 'signals',
    summary: 'Propose one care team: mine, which the other side’s coordinator joins on accepting',
    access: { permission: 'families:list' },
    params: SignalParams,
    response: { status: 200, schema: Signal },
    handler: async (ctx, { params }) => ({ body: await onSignal(ctx, params.signalId, 'U', 'signal.team-proposed', proposeTeam) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/signals/:signalId/accept-team', tag: 'signals',
    summary: 'Accept the other side’s proposal: join its care team, so the two files are on one team',
    access: { permission: 'families:list' },
    params: SignalParams,
    response: { status: 200, schema: Signal },
    handler: async (ctx, { params }) => ({ body: await onSignal(ctx, params.signalId, 'U', 'signal.team-joined', acceptTeam) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/signals/:signalId/decline', tag: 'signals',
    summary: 'Record why one care team is not needed (a reason is required); the signal is resolved',
    access: { permission: 'families:list' },
    params: SignalParams, body: DeclineSignal,
    response: { status: 200, schema: Signal },
    handler: async (ctx, { params, body }) => ({ body: await onSignal(ctx, params.signalId, 'U', 'signal.declined', (scope) => declineSignal(scope, body)) }),
  }),
];
