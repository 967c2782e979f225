export { privacyRoutes } from './privacy.routes';
export { dataSubjectRequestRoutes } from './data-subject-requests.routes';
