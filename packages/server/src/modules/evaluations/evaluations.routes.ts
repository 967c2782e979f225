import { CreateEvaluation, Evaluation, IdParams, listOf, MyEvaluation, MyEvaluationsQuery, PageQuery } from '@gezinsplan/domain';
import { defineFamilyRoute, defineRoute } from '../../platform/http/define-route';
import { listEvaluations, recordEvaluation } from './evaluations.service';
import { myEvaluations } from './my-evaluations.service';

export const evaluationsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/evaluations', tag: 'care process',
    summary: 'The joint evaluations, newest first: goal scores (GAS) with the T-score, the family’s experience, collaboration',
    access: { family: 'plan:read', action: 'R', resource: 'evaluation', event: 'evaluation.listed' },
    params: IdParams, query: PageQuery,
    response: { status: 200, schema: listOf(Evaluation) },
    handler: async (scope, { query }) => ({ body: await listEvaluations(scope, query) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/evaluations', tag: 'care process',
    summary: 'Record a joint evaluation (interim or closing) and plan the next one',
    access: { family: 'plan:write', action: 'C', resource: 'evaluation', event: 'evaluation.held' },
    params: IdParams, body: CreateEvaluation,
    response: { status: 201, schema: Evaluation },
    handler: async (scope, { body }) => ({ status: 201, body: await recordEvaluation(scope, body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/me/evaluations', tag: 'me',
    summary: 'My evaluations and aftercare checks that are overdue or due soon, soonest first',
    access: { permission: 'families:list' },
    query: PageQuery.extend(MyEvaluationsQuery.shape),
    response: { status: 200, schema: listOf(MyEvaluation) },
    handler: async (ctx, { query }) => ({ body: await myEvaluations(ctx, query) }),
  }),
];
