import { z } from 'zod';
import {
  AgendaProposal, CalendarFeedQuery, CalendarFeedStatus, CalendarFeedToken, CancelConsultation, Consultation, CreateConsultation, Id, IdParams,
  listOf, MyConsultation, PageQuery, RecordConsultation, UpdateConsultation,
} from '@gezinsplan/domain';
import { defineAccountRoute, defineFamilyRoute, definePublicRoute } from '../../platform/http/define-route';
import { agendaProposal, cancelConsultation, getConsultation, listConsultations, planConsultation, updateConsultation } from './consultations.service';
import { recordConsultation } from './consultation-record';
import { calendarFeed, feedTokenStatus, invitationIcs, myConsultations, revokeFeedToken, rotateFeedToken } from './calendar.service';

const ConsultationParams = IdParams.extend({ consultationId: Id });
const base = '/api/v1/families/:familyId/consultations';
const read = (event: string) => ({ family: 'plan:read' as const, action: 'R' as const, resource: 'consultation', event });
const write = (action: 'C' | 'U', event: string) => ({ family: 'plan:write' as const, action, resource: 'consultation', event });
const calendar = { status: 200, schema: z.string(), mediaType: 'text/calendar' };

export const consultationsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: base, tag: 'consultations',
    summary: 'The joint consultations (MDO) of the family, latest first: planned, held and cancelled',
    access: read('consultation.listed'), params: IdParams,
    response: { status: 200, schema: listOf(Consultation) },
    handler: async (scope) => ({ body: await listConsultations(scope) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: `${base}/agenda-proposal`, tag: 'consultations',
    summary: 'The agenda the plan suggests for a consultation: goals in focus now, overdue actions, decisions still open',
    access: read('consultation.agenda-proposed'), params: IdParams,
    response: { status: 200, schema: AgendaProposal },
    handler: async (scope) => ({ body: await agendaProposal(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: base, tag: 'consultations',
    summary: 'Plan a joint consultation: time, place or video link, invitees, and an agenda (from the plan unless given); invited professionals are told',
    access: write('C', 'consultation.planned'), params: IdParams, body: CreateConsultation,
    response: { status: 201, schema: Consultation },
    handler: async (scope, { body }) => ({ status: 201, body: await planConsultation(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: `${base}/:consultationId`, tag: 'consultations',
    summary: 'One consultation: when, where, who, its agenda and, once held, what was decided',
    access: read('consultation.read'), params: ConsultationParams,
    response: { status: 200, schema: Consultation },
    handler: async (scope, { params }) => ({ body: await getConsultation(scope, params.consultationId) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: `${base}/:consultationId`, tag: 'consultations',
    summary: 'Reschedule or change a planned consultation (If-Match); a new time, place or invitees raises the invitation’s SEQUENCE',
    access: write('U', 'consultation.updated'), params: ConsultationParams, body: UpdateConsultation, ifMatch: 'required',
    response: { status: 200, schema: Consultation },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await updateConsultation(scope, params.consultationId, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: `${base}/:consultationId/record`, tag: 'consultations',
    summary: 'Record the consultation afterwards: who attended, the decisions, and new actions, which go into the plan',
    access: write('U', 'consultation.recorded'), params: ConsultationParams, body: RecordConsultation,
    response: { status: 200, schema: Consultation },
    handler: async (scope, { params, body }) => ({ body: await recordConsultation(scope, params.consultationId, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: `${base}/:consultationId/cancel`, tag: 'consultations',
    summary: 'Cancel a planned consultation; the invitation becomes a cancellation and invited professionals are told',
    access: write('U', 'consultation.cancelled'), params: ConsultationParams, body: CancelConsultation,
    response: { status: 200, schema: Consultation },
    handler: async (scope, { params, body }) => ({ body: await cancelConsultation(scope, params.consultationId, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: `${base}/:consultationId/invitation.ics`, tag: 'consultations',
    summary: 'The invitation as iCalendar (RFC 5545): METHOD:REQUEST, or METHOD:CANCEL once cancelled. It names no family and no agenda, only a link',
    access: read('consultation.invitation-read'), params: ConsultationParams,
    response: calendar,
    handler: async (scope, { params }) => ({
      body: await invitationIcs(scope, params.consultationId),
      download: { mediaType: 'text/calendar', fileName: `consult-${params.consultationId}.ics` },
    }),
  }),
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me/consultations', tag: 'me',
    summary: 'The planned consultations I am invited to that have not ended, soonest first',
    access: { account: 'lists the consultations they are invited to, in families they may see' },
    query: PageQuery,
    response: { status: 200, schema: listOf(MyConsultation) },
    handler: async (ctx, { query }) => ({ body: await myConsultations(ctx, query) }),
  }),
  definePublicRoute({
    method: 'GET', url: '/api/v1/me/calendar.ics', tag: 'me',
    summary: 'My calendar feed (iCalendar) of the consultations I am invited to. Open it with my session, or subscribe a calendar app to it with '
      + '`?token=…`, my personal feed token from POST /api/v1/me/calendar-token. The token is a secret, like a password: whoever has the link sees '
      + 'when and where my consultations are (never which family). Make a new one if it may have leaked; the old one then stops working.',
    access: { public: 'answers only with a valid personal feed token or a session, and then only about that person’s own invitations, which name no family' },
    query: CalendarFeedQuery,
    response: calendar,
    handler: async (ctx, { query }) => ({ body: await calendarFeed(ctx, query.token), download: { mediaType: 'text/calendar', fileName: 'gezinsplan.ics' } }),
  }),
  defineAccountRoute({
    method: 'GET', url: '/api/v1/me/calendar-token', tag: 'me',
    summary: 'Whether I have a calendar feed link, and since when (the link itself is shown only when it is made)',
    access: { account: 'reads whether their own feed token exists' },
    response: { status: 200, schema: CalendarFeedStatus },
    handler: async (ctx) => ({ body: await feedTokenStatus(ctx) }),
  }),
  defineAccountRoute({
    method: 'POST', url: '/api/v1/me/calendar-token', tag: 'me',
    summary: 'Make my personal calendar feed link (a secret); a previous one stops working. The token is shown this once',
    access: { account: 'makes their own feed token' },
    response: { status: 201, schema: CalendarFeedToken },
    handler: async (ctx) => ({ status: 201, body: await rotateFeedToken(ctx) }),
  }),
  defineAccountRoute({
    method: 'DELETE', url: '/api/v1/me/calendar-token', tag: 'me',
    summary: 'Stop my calendar feed link working',
    access: { account: 'removes their own feed token' },
    handler: async (ctx) => {
      await revokeFeedToken(ctx);
      return { status: 204, body: undefined };
    },
  }),
];
