import { IdParams, PhaseState, PhaseTransitionRequest, RecordAftercareCheck } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { changePhase, getPhaseState } from './phases.service';
import { recordAftercareCheck } from './closure.service';

export const phasesRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/phase', tag: 'care process',
    summary: 'Where the file stands: its phase, what the next phases still need, its history and closures',
    access: { family: 'family:read', action: 'R', resource: 'phase', event: 'phase.read' },
    params: IdParams,
    response: { status: 200, schema: PhaseState },
    handler: async (scope) => ({ body: await getPhaseState(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/phase', tag: 'care process',
    summary: 'Move the file to its next phase (coordinator); adopting the plan and closing are guarded (409 names what is missing)',
    access: { family: 'family:update', action: 'U', resource: 'phase', event: 'family.phase-changed' },
    params: IdParams, body: PhaseTransitionRequest,
    response: { status: 200, schema: PhaseState },
    handler: async (scope, { body }) => ({ body: await changePhase(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/aftercare', tag: 'care process',
    summary: 'Record the aftercare check of a closed file: how the family is doing (coordinator)',
    access: { family: 'family:update', action: 'C', resource: 'aftercare', event: 'aftercare.checked' },
    params: IdParams, body: RecordAftercareCheck,
    response: { status: 200, schema: PhaseState },
    handler: async (scope, { body }) => {
      await recordAftercareCheck(scope, body);
      return { body: await getPhaseState(scope) };
    },
  }),
];
