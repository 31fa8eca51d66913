// Shapes and endpoints of the after-action review (see src/server/review/routes.ts).
import type { Lesson, LessonState, TimelineEntry, TimelineKind } from '../../contract/review.ts';
import type { Page } from '../../contract/list.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, request } from '../api.ts';

export const timelineKinds = allOf<TimelineKind>()([
  'log',
  'decision',
  'diversion',
  'readiness',
  'report',
  'risk',
  'milestone',
  'meeting',
]);

export const lessonStates = allOf<LessonState>()(['open', 'in_progress', 'done']);

export interface TimelineFilter {
  kinds: TimelineKind[];
  from: string;
  to: string;
  q: string;
}

const base = (eventId: number) => `/api/events/${eventId}/review`;

/** The filter as query parameters; all kinds checked means no kind filter. */
export function filterQuery(filter: TimelineFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.kinds.length < timelineKinds.length) query.kinds = filter.kinds.join(',');
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.q.trim()) query.q = filter.q.trim();
  return query;
}

export function exportUrl(eventId: number, format: 'docx' | 'pdf', filter: TimelineFilter) {
  const query = new URLSearchParams(filterQuery(filter)).toString();
  return `${base(eventId)}/export/${format}${query ? `?${query}` : ''}`;
}

export const reviewApi = {
  timeline: (eventId: number, filter: TimelineFilter, page: { limit: number; offset: number }) =>
    request<Page<TimelineEntry>>('GET', `${base(eventId)}/timeline`, undefined, {
      ...filterQuery(filter),
      ...page,
    }),
  lessons: (eventId: number) => request<{ items: Lesson[] }>('GET', `${base(eventId)}/lessons`),
  createLesson: (eventId: number, body: Body) =>
    request<Lesson>('POST', `${base(eventId)}/lessons`, body),
  updateLesson: (eventId: number, id: number, body: Body) =>
    request<Lesson>('PATCH', `${base(eventId)}/lessons/${id}`, body),
  deleteLesson: (eventId: number, id: number, version: number) =>
    request<void>('DELETE', `${base(eventId)}/lessons/${id}`, undefined, { version }),
};
