// Diversions and the board of who diverts where (src/server/diversions/).
import type { Diversion, DiversionBoard, DiversionCategory } from '../../contract/diversions.ts';
import type { Page } from '../../contract/list.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';

export const diversionCategories = allOf<DiversionCategory>()([
  'walk_in',
  'ambulance',
  'secondary_transport',
]);

const diversions = (eventId: number) => `${eventPath(eventId)}/diversions`;

export const diversionsApi = {
  list: (eventId: number, query: Query = {}) =>
    request<Page<Diversion>>('GET', diversions(eventId), undefined, query),
  board: (eventId: number) => request<DiversionBoard>('GET', `${diversions(eventId)}/board`),
  create: (eventId: number, body: Body) => request<Diversion>('POST', diversions(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<Diversion>('PATCH', `${diversions(eventId)}/${id}`, body),
  end: (eventId: number, id: number, body: Body) =>
    request<Diversion>('POST', `${diversions(eventId)}/${id}/end`, body),
};
