import { z } from 'zod';
import {
  AuditRecord, BreakGlassGrant, BreakGlassReviewQuery, Id, listOf, PageQuery, PrivacyAuditCsvQuery, PrivacyAuditQuery, ReviewBreakGlass,
  todayInNetherlands,
} from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { exportAuditCsv, searchAudit } from './audit-search.service';
import { listBreakGlassReviews, reviewBreakGlass } from './break-glass-reviews.service';

export const privacyRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/privacy/audit', tag: 'privacy',
    summary: 'Search the audit log by person, family, professional, organisation, period and outcome (privacy officer)',
    access: { permission: 'privacy:audit' },
    query: PrivacyAuditQuery,
    response: { status: 200, schema: listOf(AuditRecord) },
    handler: async (ctx, { query }) => ({ body: await searchAudit(ctx, query) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/privacy/audit.csv', tag: 'privacy', summary: 'The same search as a CSV file (privacy officer)',
    access: { permission: 'privacy:audit' },
    query: PrivacyAuditCsvQuery,
    response: { status: 200, schema: z.string(), mediaType: 'text/csv' },
    handler: async (ctx, { query }) => ({
      body: await exportAuditCsv(ctx, query),
      download: { mediaType: 'text/csv', fileName: `audit-${todayInNetherlands(ctx.now)}.csv` },
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/privacy/break-glass-reviews', tag: 'privacy',
    summary: 'The review queue: break-the-glass grants to judge, oldest first (privacy officer)',
    access: { permission: 'privacy:review' },
    query: PageQuery.extend(BreakGlassReviewQuery.shape),
    response: { status: 200, schema: listOf(BreakGlassGrant) },
    handler: async (ctx, { query }) => ({ body: await listBreakGlassReviews(ctx, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/privacy/break-glass-reviews/:grantId', tag: 'privacy',
    summary: 'Judge a break-the-glass: justified, or flagged with a note (privacy officer)',
    access: { permission: 'privacy:review' },
    params: z.object({ grantId: Id }), body: ReviewBreakGlass, ifMatch: 'optional',
    response: { status: 200, schema: BreakGlassGrant },
    handler: async (ctx, { params, body, ifMatch }) => ({ body: await reviewBreakGlass(ctx, params.grantId, ifMatch, body) }),
  }),
];
