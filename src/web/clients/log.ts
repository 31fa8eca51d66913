// The event log (src/server/log/).
import type { Page } from '../../contract/list.ts';
import type { LogEntry } from '../../contract/log.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';

const log = (eventId: number) => `${eventPath(eventId)}/log`;

export const logApi = {
  list: (eventId: number, query: Query = {}) =>
    request<Page<LogEntry>>('GET', log(eventId), undefined, query),
  create: (eventId: number, body: Body) => request<LogEntry>('POST', log(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<LogEntry>('PATCH', `${log(eventId)}/${id}`, body),
  strike: (eventId: number, id: number, version: number, reason: string) =>
    request<LogEntry>('POST', `${log(eventId)}/${id}/strike`, { version, reason }),
};
