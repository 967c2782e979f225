export { teamRoutes } from './team.routes';
export { isOnActiveTeam } from './team.service';
export { assertParticipants, loadParticipantNames, type ParticipantNames } from './participants';
