export { timelineRoutes } from './timeline.routes';
export { appendTimeline, insertTimelineEntry, type TimelineAppend } from './timeline.service';
