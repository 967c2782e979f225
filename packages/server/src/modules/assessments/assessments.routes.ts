import { Assessment, AssessmentComparison, AssessmentQuery, CreateAssessment, IdParams, listOf, PageQuery } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { compareViews, listAssessments, recordAssessment } from './assessments.service';

export const assessmentsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/assessments', tag: 'assessments',
    summary: 'Needs on the life domains, every view kept, newest first (memberId=… or household=true to narrow)',
    access: { family: 'plan:read', action: 'R', resource: 'assessment', event: 'assessment.listed' },
    params: IdParams, query: PageQuery.extend(AssessmentQuery.shape),
    response: { status: 200, schema: listOf(Assessment) },
    handler: async (scope, { query }) => ({ body: await listAssessments(scope, query) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/assessments', tag: 'assessments',
    summary: "Record the family's or a professional's view of the needs (ZRM level per life domain)",
    access: { family: 'plan:write', action: 'C', resource: 'assessment', event: 'assessment.recorded' },
    params: IdParams, body: CreateAssessment,
    response: { status: 201, schema: Assessment },
    handler: async (scope, { body }) => ({ status: 201, body: await recordAssessment(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/assessments/comparison', tag: 'assessments',
    summary: "The latest family view beside the latest professional view, per member and life domain",
    access: { family: 'plan:read', action: 'R', resource: 'assessment', event: 'assessment.compared' },
    params: IdParams,
    response: { status: 200, schema: listOf(AssessmentComparison) },
    handler: async (scope) => ({ body: await compareViews(scope) }),
  }),
];
