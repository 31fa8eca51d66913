// The units' situation returns (src/server/situations/).
import type {
  AreaKey,
  Completeness,
  InputRequest,
  Situation,
  SituationInput,
} from '../../contract/situations.ts';
import type { Page } from '../../contract/list.ts';
import { allOf } from '../exhaustive.ts';
import { type Query, eventPath, request } from '../api.ts';

export const areaKeys = allOf<AreaKey>()([
  'accessToCare',
  'patientSafety',
  'staff',
  'itProgramme',
  'communication',
]);

const unitPeriod = (eventId: number, unitId: number, period: string) =>
  `${eventPath(eventId)}/units/${unitId}/situations/${period}`;

export const situationsApi = {
  completeness: (eventId: number, period?: string) =>
    request<Completeness>('GET', `${eventPath(eventId)}/completeness`, undefined, { period }),
  inputRequests: (eventId: number) =>
    request<Page<InputRequest>>('GET', `${eventPath(eventId)}/input-requests`, undefined, {
      limit: 20,
    }),
  list: (eventId: number, query: Query = {}) =>
    request<Page<Situation>>('GET', `${eventPath(eventId)}/situations`, undefined, {
      limit: 200,
      ...query,
    }),
  latest: (eventId: number, period?: string) =>
    request<{ items: Situation[] }>('GET', `${eventPath(eventId)}/situations/latest`, undefined, {
      period,
    }),
  prefill: (eventId: number, unitId: number, period: string) =>
    request<{ situation: Situation | null }>(
      'GET',
      `${unitPeriod(eventId, unitId, period)}/prefill`,
    ),
  save: (eventId: number, unitId: number, period: string, input: SituationInput) =>
    request<Situation>('PUT', unitPeriod(eventId, unitId, period), input),
  submit: (eventId: number, unitId: number, period: string, version: number) =>
    request<Situation>('POST', `${unitPeriod(eventId, unitId, period)}/submit`, { version }),
};
