// The events (src/server/events/).
import type {
  Event,
  PeriodDataAsOf,
  PeriodDeadline,
  SetDataAsOfInput,
} from '../../contract/events.ts';
import type { EventOrigin } from '../../contract/events.ts';
import { type Body, eventPath, request } from '../api.ts';
import { allOf } from '../exhaustive.ts';

/** The period settings, language and time zone an admin changes (events/:id/admin/settings). */
export interface EventSettingsInput {
  version: number;
  periodGranularity: Event['periodGranularity'];
  deadline: PeriodDeadline;
  reportCovers: Event['reportCovers'];
  language: Event['language'];
  timeZone: string;
}

export const eventsApi = {
  list: () => request<{ items: Event[] }>('GET', '/api/events'),
  get: (eventId: number) => request<Event>('GET', eventPath(eventId)),
  create: (input: {
    name: string;
    description: string;
    isExercise: boolean;
    origin: EventOrigin;
  }) => request<Event>('POST', '/api/events', input),
  changeSettings: (eventId: number, input: EventSettingsInput) =>
    request<Event>('PATCH', eventPath(eventId), input),
  /** Name, description, start, exercise flag and four-eyes rule (events/:id/admin/event). */
  change: (eventId: number, body: Body) => request<Event>('PATCH', eventPath(eventId), body),
  dataAsOf: (eventId: number) =>
    request<{ items: PeriodDataAsOf[] }>('GET', `${eventPath(eventId)}/data-as-of`),
  setDataAsOf: (eventId: number, period: string, input: SetDataAsOfInput) =>
    request<PeriodDataAsOf>(
      'PUT',
      `${eventPath(eventId)}/data-as-of/${encodeURIComponent(period)}`,
      input,
    ),
};

export const periodGranularities = allOf<Event['periodGranularity']>()(['week', 'day']);
export const reportCoverings = allOf<Event['reportCovers']>()(['current', 'previous']);
export const eventLanguages = allOf<Event['language']>()(['sv', 'en']);
