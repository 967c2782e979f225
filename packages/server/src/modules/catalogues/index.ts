export { cataloguesRoutes } from './catalogues.routes';
export { assertLifeDomain, assertLifeDomains } from './catalogues.service';
