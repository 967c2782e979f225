export { breakGlassRoutes } from './break-glass.routes';
export { presentGrant, selectGrants } from './break-glass.queries';
