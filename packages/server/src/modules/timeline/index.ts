export { timelineRoutes } from './timeline.routes';
export { appendTimeline, countChangesSince, CHANGES_COUNTED_UP_TO } from './timeline.service';
