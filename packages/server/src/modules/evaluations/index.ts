export { evaluationsRoutes } from './evaluations.routes';
export { closingEvaluationHeld } from './evaluations.service';
