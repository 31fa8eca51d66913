// Risks and their assessments (src/server/risks/).
import type { Page } from '../../contract/list.ts';
import type { Risk, RiskWithAssessments } from '../../contract/risks.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';

const risks = (eventId: number) => `${eventPath(eventId)}/risks`;

export const risksApi = {
  list: (eventId: number, query: Query = {}) =>
    request<Page<Risk>>('GET', risks(eventId), undefined, query),
  get: (eventId: number, id: number) =>
    request<RiskWithAssessments>('GET', `${risks(eventId)}/${id}`),
  create: (eventId: number, body: Body) => request<Risk>('POST', risks(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<Risk>('PATCH', `${risks(eventId)}/${id}`, body),
  assess: (eventId: number, id: number, body: Body) =>
    request<RiskWithAssessments>('POST', `${risks(eventId)}/${id}/assessments`, body),
};
