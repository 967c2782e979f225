export { planRoutes } from './plan.routes';
export { selectActions } from './plan.queries';
export { presentAction } from './plan.presenter';
export { actionDatum, goalView } from './plan.visibility';
