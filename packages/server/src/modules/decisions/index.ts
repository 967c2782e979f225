export { decisionsRoutes } from './decisions.routes';
export { recordDecision } from './decisions.service';
