import {
  Action, CreateAction, CreateGoal, CreatePlanAgreement, Goal, Id, IdParams, listOf, Plan, PlanAgreement, UpdateAction, UpdateGoal, UpdatePlanSchedule,
} from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { createAction, createGoal, getPlan, updateAction, updateGoal, updatePlanSchedule } from './plan.service';
import { listAgreements, recordAgreement } from './agreements.service';

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
    method: 'PATCH', url: '/api/v1/families/:familyId/plan', tag: 'plan', summary: 'Set how often the plan is evaluated together, and the next evaluation (coordinator)',
    access: { family: 'family:update', action: 'U', resource: 'plan', event: 'plan.schedule-changed' },
    params: IdParams, body: UpdatePlanSchedule, ifMatch: 'required',
    response: { status: 200, schema: Plan },
    handler: async (scope, { body, ifMatch }) => ({ body: await updatePlanSchedule(scope, ifMatch, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/plan/agreements', tag: 'plan', summary: "The family's agreements with the plan, newest first",
    access: { family: 'plan:read', action: 'R', resource: 'plan-agreement', event: 'plan.agreements-listed' },
    params: IdParams,
    response: { status: 200, schema: listOf(PlanAgreement) },
    handler: async (scope) => ({ body: await listAgreements(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/plan/agreements', tag: 'plan',
    summary: 'Record that the family agrees with the plan: the goals in focus now, who agreed and when',
    access: { family: 'plan:write', action: 'C', resource: 'plan-agreement', event: 'plan.agreed' },
    params: IdParams, body: CreatePlanAgreement,
    response: { status: 201, schema: PlanAgreement },
    handler: async (scope, { body }) => ({ status: 201, body: await recordAgreement(scope, body) }),
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
