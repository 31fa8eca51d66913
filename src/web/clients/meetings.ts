// Shapes and endpoints of the meetings and calendar screens (see src/server/meetings/).
import type {
  Calendar,
  CalendarAddress,
  CalendarSubscription,
  Forum,
  Meeting,
  MeetingDetail,
} from '../../contract/meetings.ts';
import type { Page } from '../../contract/list.ts';
import { eventPath as ev, request } from '../api.ts';

export type ForumBody = Omit<Forum, 'id' | 'eventId' | 'provenance' | 'version'>;
export type MeetingBody = Omit<Meeting, 'id' | 'eventId' | 'provenance' | 'version'>;

export const meetingsApi = {
  forums: (eventId: number) => request<{ items: Forum[] }>('GET', `${ev(eventId)}/forums`),
  createForum: (eventId: number, body: ForumBody) =>
    request<Forum>('POST', `${ev(eventId)}/forums`, body),
  updateForum: (eventId: number, id: number, body: Partial<ForumBody> & { version: number }) =>
    request<Forum>('PATCH', `${ev(eventId)}/forums/${id}`, body),
  removeForum: (eventId: number, id: number) =>
    request<void>('DELETE', `${ev(eventId)}/forums/${id}`),
  meetings: (eventId: number, query: { limit?: number; offset?: number; order?: string } = {}) =>
    request<Page<Meeting>>('GET', `${ev(eventId)}/meetings`, undefined, query),
  meeting: (eventId: number, id: number) =>
    request<MeetingDetail>('GET', `${ev(eventId)}/meetings/${id}`),
  createMeeting: (eventId: number, body: MeetingBody) =>
    request<Meeting>('POST', `${ev(eventId)}/meetings`, body),
  updateMeeting: (eventId: number, id: number, body: Partial<MeetingBody> & { version: number }) =>
    request<Meeting>('PATCH', `${ev(eventId)}/meetings/${id}`, body),
  removeMeeting: (eventId: number, id: number) =>
    request<void>('DELETE', `${ev(eventId)}/meetings/${id}`),
  calendar: (eventId: number, from: string, to: string) =>
    request<Calendar>('GET', `${ev(eventId)}/calendar`, undefined, { from, to }),
  subscription: (eventId: number) =>
    request<CalendarSubscription>('GET', `${ev(eventId)}/calendar/subscription`),
  subscribe: (eventId: number) =>
    request<CalendarAddress>('POST', `${ev(eventId)}/calendar/subscription`),
  unsubscribe: (eventId: number) => request<void>('DELETE', `${ev(eventId)}/calendar/subscription`),
};
