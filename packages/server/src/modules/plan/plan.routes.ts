import { Action, CreateAction, CreateGoal, Goal, Id, IdParams, Plan, UpdateAction, UpdateGoal } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { createAction, createGoal, getPlan, updateAction, updateGoal } from './plan.service';

const GoalParams = IdParams.extend({ goalId: Id });
const ActionParams = IdParams.extend({ actionId: Id });

export const planRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/plan', tag: 'plan', summary: 'The family plan: goals in priority order with their actions',
    access: { family: 'plan:read', action: 'R', resource: 'plan', event: 'plan.read' },
    params: IdParams,
    response: { status: 200, schema: Plan },
    handler: async (scope) => ({ body: await getPlan(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/goals', tag: 'plan', summary: "Add a goal in the family's own words",
    access: { family: 'plan:write', action: 'C', resource: 'goal', event: 'goal.created' },
    params: IdParams, body: CreateGoal,
    response: { status: 201, schema: Goal },
    handler: async (scope, { body }) => ({ status: 201, body: await createGoal(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: '/api/v1/families/:familyId/goals/:goalId', tag: 'plan', summary: 'Change a goal, its focus or its priority rank',
    access: { family: 'plan:write', action: 'U', resource: 'goal', event: 'goal.updated' },
    params: GoalParams, body: UpdateGoal, ifMatch: 'required',
    response: { status: 200, schema: Goal },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await updateGoal(scope, params.goalId, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/goals/:goalId/actions', tag: 'plan', summary: 'Add an action: who does what, by when',
    access: { family: 'plan:write', action: 'C', resource: 'action', event: 'action.created' },
    params: GoalParams, body: CreateAction,
    response: { status: 201, schema: Action },
    handler: async (scope, { params, body }) => ({ status: 201, body: await createAction(scope, params.goalId, body) }),
  }),
  defineFamilyRoute({
    method: 'PATCH', url: '/api/v1/families/:familyId/actions/:actionId', tag: 'plan', summary: 'Change an action or mark it done',
    access: { family: 'plan:write', action: 'U', resource: 'action', event: 'action.updated' },
    params: ActionParams, body: UpdateAction, ifMatch: 'required',
    response: { status: 200, schema: Action },
    handler: async (scope, { params, body, ifMatch }) => ({ body: await updateAction(scope, params.actionId, ifMatch, body) }),
  }),
];
