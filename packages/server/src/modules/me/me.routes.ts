import { CaseloadItem, listOf, MyAction, PageQuery } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { myCaseload, myOpenActions } from './me.service';

export const meRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/me/families', tag: 'me', summary: 'My caseload: the families whose care team I am on',
    access: { permission: 'families:list' },
    query: PageQuery,
    response: { status: 200, schema: listOf(CaseloadItem) },
    handler: async (ctx, { query }) => ({ body: await myCaseload(ctx, query) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/me/actions', tag: 'me', summary: 'My open actions across families, by due date',
    access: { permission: 'families:list' },
    query: PageQuery,
    response: { status: 200, schema: listOf(MyAction) },
    handler: async (ctx, { query }) => ({ body: await myOpenActions(ctx, query) }),
  }),
];
