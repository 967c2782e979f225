export { timelineRoutes } from './timeline.routes';
export { appendTimeline } from './timeline.service';
