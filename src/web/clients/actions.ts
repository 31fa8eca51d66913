// The staff's actions (src/server/actions/).
import type { Action, ActionState, ActionSummary } from '../../contract/actions.ts';
import type { Page } from '../../contract/list.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';

export const actionStates = allOf<ActionState>()(['open', 'in_progress', 'done', 'cancelled']);

const actions = (eventId: number) => `${eventPath(eventId)}/actions`;

export const actionsApi = {
  list: (eventId: number, query: Query = {}) =>
    request<Page<Action>>('GET', actions(eventId), undefined, query),
  summary: (eventId: number) => request<ActionSummary>('GET', `${actions(eventId)}/summary`),
  create: (eventId: number, body: Body) => request<Action>('POST', actions(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<Action>('PATCH', `${actions(eventId)}/${id}`, body),
};
