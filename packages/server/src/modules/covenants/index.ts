export { covenantsRoutes } from './covenants.routes';
