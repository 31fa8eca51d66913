// Communication activities, the media picture and spokespersons (src/server/communication/).
import type {
  Activity,
  Audience,
  Channel,
  MediaPicture,
  Spokesperson,
  Tone,
} from '../../contract/communication.ts';
import type { Page } from '../../contract/list.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';

export const channels = allOf<Channel>()([
  'intranet',
  '1177',
  'press_release',
  'press_conference',
  'social_media',
  'newsletter',
  'other',
]);
export const audiences = allOf<Audience>()(['internal', 'external', 'both']);
export const tones = allOf<Tone>()(['positive', 'neutral', 'negative', 'mixed']);

/** List, create and update of one kind of communication record. */
function records<T>(kind: string) {
  const path = (eventId: number) => `${eventPath(eventId)}/communication/${kind}`;
  return {
    list: (eventId: number, query: Query = {}) =>
      request<Page<T>>('GET', path(eventId), undefined, query),
    create: (eventId: number, body: Body) => request<T>('POST', path(eventId), body),
    update: (eventId: number, id: number, body: Body) =>
      request<T>('PATCH', `${path(eventId)}/${id}`, body),
  };
}

export const communicationApi = {
  activities: records<Activity>('activities'),
  media: records<MediaPicture>('media'),
  spokespersons: records<Spokesperson>('spokespersons'),
};
