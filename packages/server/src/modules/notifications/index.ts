export { notificationsRoutes } from './notifications.routes';
export { notify } from './notifications.service';
