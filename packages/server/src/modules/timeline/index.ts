export { timelineRoutes } from './timeline.routes';
export { appendSystemTimeline, appendTimeline, countChangesSince, CHANGES_COUNTED_UP_TO } from './timeline.service';
