export { phasesRoutes } from './phases.routes';
