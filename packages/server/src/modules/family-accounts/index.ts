export { familyAccountsRoutes } from './family-accounts.routes';
