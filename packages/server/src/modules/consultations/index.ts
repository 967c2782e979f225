export { consultationsRoutes } from './consultations.routes';
export { consultationsExport } from './consultations.export';
