export { teamRoutes } from './team.routes';
export { isOnActiveTeam } from './team.service';
