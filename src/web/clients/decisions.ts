// The staff's decisions (src/server/decisions/).
import type { Decision, DecisionWithActions } from '../../contract/decisions.ts';
import type { Page } from '../../contract/list.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';

const decisions = (eventId: number) => `${eventPath(eventId)}/decisions`;

export const decisionsApi = {
  list: (eventId: number, query: Query = {}) =>
    request<Page<Decision>>('GET', decisions(eventId), undefined, query),
  get: (eventId: number, id: number) =>
    request<DecisionWithActions>('GET', `${decisions(eventId)}/${id}`),
  create: (eventId: number, body: Body) => request<Decision>('POST', decisions(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<Decision>('PATCH', `${decisions(eventId)}/${id}`, body),
};
