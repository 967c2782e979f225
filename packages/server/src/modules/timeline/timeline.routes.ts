import { CreateNote, IdParams, listOf, PageQuery, TimelineEntry } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { addNote, listTimeline } from './timeline.service';

export const timelineRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/timeline', tag: 'timeline', summary: "What happened in the family's file, newest first",
    access: { family: 'timeline:read', action: 'R', resource: 'timeline', event: 'timeline.read' },
    params: IdParams, query: PageQuery,
    response: { status: 200, schema: listOf(TimelineEntry) },
    handler: async (scope, { query }) => ({ body: await listTimeline(scope, query) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/timeline', tag: 'timeline', summary: 'Add a note to the timeline',
    access: { family: 'timeline:write', action: 'C', resource: 'timeline-entry', event: 'timeline.note-added' },
    params: IdParams, body: CreateNote,
    response: { status: 201, schema: TimelineEntry },
    handler: async (scope, { body }) => ({ status: 201, body: await addNote(scope, body) }),
  }),
];
