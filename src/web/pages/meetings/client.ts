// Shapes and endpoints of the meetings and calendar screens (see src/server/meetings/).
import { type Page, type Provenance, request } from '../../api.ts';
import type { ActionItem, DecisionItem } from '../picture/client.ts';

const ev = (eventId: number) => `/api/events/${eventId}`;

export interface Schedule {
  days: number[];
  time: string;
  durationMinutes: number;
}

export interface ForumItem {
  id: number;
  name: string;
  mandate: string;
  chairRole: string;
  schedule: Schedule | null;
  provenance: Provenance;
  version: number;
}

export interface MeetingItem {
  id: number;
  forumId: number | null;
  title: string;
  startsAt: string;
  endsAt: string;
  agenda: string;
  attendees: string[];
  minutes: string;
  internal: boolean;
  provenance: Provenance;
  version: number;
}

export interface MeetingDetail extends MeetingItem {
  decisions: DecisionItem[];
  actions: ActionItem[];
}

export interface CalendarEntry {
  key: string;
  kind: 'meeting' | 'forum' | 'input_deadline' | 'report' | 'press';
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  internal: boolean;
  link: string;
}

export type ForumBody = Omit<ForumItem, 'id' | 'provenance' | 'version'>;
export type MeetingBody = Omit<MeetingItem, 'id' | 'provenance' | 'version'>;

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
    request<{ items: CalendarEntry[] }>('GET', `${ev(eventId)}/calendar`, undefined, { from, to }),
  subscription: (eventId: number) =>
    request<{ active: boolean; createdAt: string | null }>(
      'GET',
      `${ev(eventId)}/calendar/subscription`,
    ),
  subscribe: (eventId: number) =>
    request<{ url: string; createdAt: string }>('POST', `${ev(eventId)}/calendar/subscription`),
  unsubscribe: (eventId: number) => request<void>('DELETE', `${ev(eventId)}/calendar/subscription`),
};
