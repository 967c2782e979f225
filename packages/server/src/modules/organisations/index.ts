export { organisationsRoutes } from './organisations.routes';
export { insertOrganisation } from './organisations.service';
