export { assessmentsRoutes } from './assessments.routes';
