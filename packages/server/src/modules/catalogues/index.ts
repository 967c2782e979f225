export { cataloguesRoutes } from './catalogues.routes';
export { assertLifeDomain, assertLifeDomains } from './catalogues.service';
export { collaborationCatalogue, currentCollaborationCatalogue } from './collaboration-catalogue.service';
