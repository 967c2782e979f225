export { planRoutes } from './plan.routes';
export { selectActions } from './plan.queries';
export { presentAction } from './plan.presenter';
export { actionDatum, goalView } from './plan.visibility';
export { goalDatum } from './plan.visibility';
export { createAction } from './plan.service';
export { adoptPlan, endPlanCycle, goalsNowIds, planCycle, setNextEvaluation, startPlanCycle } from './plan-cycle';
export { currentAgreementId } from './agreements.service';
