export { decisionsRoutes } from './decisions.routes';
