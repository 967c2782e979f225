import { z } from 'zod';
import { AuditRecord, DataSubjectRequest, Id, listOf, PageQuery, RecordDataSubjectRequest } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { exportForRequest, getRequest, listRequests, recordRequest } from './data-subject-requests.service';

const RequestParams = z.object({ requestId: Id });
/** The copy of a member's data; its parts are described in member-export.ts. */
const MemberExport = z.object({
  exportedAt: z.string(),
  subject: z.looseObject({ id: Id }),
  family: z.looseObject({ id: Id }),
  goals: z.array(z.looseObject({ id: Id })),
  notes: z.array(z.looseObject({ id: Id })),
  /** Assessments of the member, and of the household they belong to, with every domain's score. */
  assessments: z.array(z.looseObject({ id: Id })),
  /** The member's own sign-in account, if they have one. */
  account: z.object({ email: z.string(), active: z.boolean(), createdAt: z.string().nullable(), twoFactorSince: z.string().nullable() }).nullable(),
  consents: z.array(z.looseObject({ id: Id })),
  team: z.array(z.looseObject({})),
  accessLog: z.array(AuditRecord),
});

export const dataSubjectRequestRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/privacy/requests', tag: 'privacy', summary: 'Data-subject requests, newest first (privacy officer)',
    access: { permission: 'privacy:requests' },
    query: PageQuery,
    response: { status: 200, schema: listOf(DataSubjectRequest) },
    handler: async (ctx, { query }) => ({ body: await listRequests(ctx, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/privacy/requests', tag: 'privacy',
    summary: 'Record a request for a copy or for erasure; erasure of a closed file is scheduled for the end of its retention (privacy officer)',
    access: { permission: 'privacy:requests' },
    body: RecordDataSubjectRequest,
    response: { status: 201, schema: DataSubjectRequest },
    handler: async (ctx, { body }) => ({ status: 201, body: await recordRequest(ctx, body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/privacy/requests/:requestId', tag: 'privacy', summary: 'One data-subject request (privacy officer)',
    access: { permission: 'privacy:requests' },
    params: RequestParams,
    response: { status: 200, schema: DataSubjectRequest },
    handler: async (ctx, { params }) => ({ body: await getRequest(ctx, params.requestId) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/privacy/requests/:requestId/export', tag: 'privacy',
    summary: 'The copy for an export request: everything the file holds about the member, as JSON (privacy officer)',
    access: { permission: 'privacy:requests' },
    params: RequestParams,
    response: { status: 200, schema: MemberExport },
    handler: async (ctx, { params }) => ({ body: await exportForRequest(ctx, params.requestId) }),
  }),
];
