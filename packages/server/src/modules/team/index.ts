export { teamRoutes } from './team.routes';
export { isOnActiveTeam, joinByReferral } from './team.service';
export { assertParticipants, loadParticipantNames, type ParticipantNames } from './participants';
export { startCoordination } from './coordination';
