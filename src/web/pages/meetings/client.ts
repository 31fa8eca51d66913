// Shapes and endpoints of the meetings and calendar screens (see src/server/meetings/).
import type {
  Calendar,
  CalendarAddress,
  CalendarSubscription,
  Forum as ForumItem,
  Meeting as MeetingItem,
  MeetingDetail,
} from '../../../contract/meetings.ts';
import { type Page, request } from '../../api.ts';

const ev = (eventId: number) => `/api/events/${eventId}`;

export type {
  CalendarEntry,
  Forum as ForumItem,
  Meeting as MeetingItem,
  MeetingDetail,
  Schedule,
} from '../../../contract/meetings.ts';

export type ForumBody = Omit<ForumItem, 'id' | 'eventId' | 'provenance' | 'version'>;
export type MeetingBody = Omit<MeetingItem, 'id' | 'eventId' | 'provenance' | 'version'>;

export const meetingsApi = {
  forums: (eventId: number) => request<{ items: ForumItem[] }>('GET', `${ev(eventId)}/forums`),
  createForum: (eventId: number, body: ForumBody) =>
    request<ForumItem>('POST', `${ev(eventId)}/forums`, body),
  updateForum: (eventId: number, id: number, body: Partial<ForumBody> & { version: number }) =>
    request<ForumItem>('PATCH', `${ev(eventId)}/forums/${id}`, body),
  removeForum: (eventId: number, id: number) =>
    request<void>('DELETE', `${ev(eventId)}/forums/${id}`),
  meetings: (eventId: number, query: { limit?: number; offset?: number; order?: string } = {}) =>
    request<Page<MeetingItem>>('GET', `${ev(eventId)}/meetings`, undefined, query),
  meeting: (eventId: number, id: number) =>
    request<MeetingDetail>('GET', `${ev(eventId)}/meetings/${id}`),
  createMeeting: (eventId: number, body: MeetingBody) =>
    request<MeetingItem>('POST', `${ev(eventId)}/meetings`, body),
  updateMeeting: (eventId: number, id: number, body: Partial<MeetingBody> & { version: number }) =>
    request<MeetingItem>('PATCH', `${ev(eventId)}/meetings/${id}`, body),
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
