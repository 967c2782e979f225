import { CreateDecision, CreateHelpOption, Decision, HelpOption, Id, IdParams, listOf } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { addOption, listOptions } from './options.service';
import { listDecisions, recordDecision } from './decisions.service';

const GoalParams = IdParams.extend({ goalId: Id });

export const decisionsRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/goals/:goalId/options', tag: 'shared decisions',
    summary: 'The help options put forward for a goal, with what each asks of the family and may bring',
    access: { family: 'plan:read', action: 'R', resource: 'help-option', event: 'option.listed' },
    params: GoalParams,
    response: { status: 200, schema: listOf(HelpOption) },
    handler: async (scope, { params }) => ({ body: await listOptions(scope, params.goalId) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/goals/:goalId/options', tag: 'shared decisions',
    summary: 'Put a help option forward for a goal (team members and the family)',
    access: { family: 'plan:write', action: 'C', resource: 'help-option', event: 'option.added' },
    params: GoalParams, body: CreateHelpOption,
    response: { status: 201, schema: HelpOption },
    handler: async (scope, { params, body }) => ({ status: 201, body: await addOption(scope, params.goalId, body) }),
  }),
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/goals/:goalId/decisions', tag: 'shared decisions',
    summary: 'The decisions taken together about the help for a goal, newest first; revisited ones stay visible',
    access: { family: 'plan:read', action: 'R', resource: 'decision', event: 'decision.listed' },
    params: GoalParams,
    response: { status: 200, schema: listOf(Decision) },
    handler: async (scope, { params }) => ({ body: await listDecisions(scope, params.goalId) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/goals/:goalId/decisions', tag: 'shared decisions',
    summary: "Record a decision about the help for a goal: the choice, the family's preference, who took part, who does what",
    access: { family: 'plan:write', action: 'C', resource: 'decision', event: 'decision.recorded' },
    params: GoalParams, body: CreateDecision,
    response: { status: 201, schema: Decision },
    handler: async (scope, { params, body }) => ({ status: 201, body: await recordDecision(scope, params.goalId, body) }),
  }),
];
