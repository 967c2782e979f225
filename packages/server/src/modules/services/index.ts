export { servicesRoutes } from './services.routes';
export { getService } from './services.service';
