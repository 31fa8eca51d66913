// The units' situation returns (src/server/situations/).
import type {
  AreaKey,
  ChangeDeadlineInput,
  Completeness,
  CreateInputRequestInput,
  InputRequest,
  ReminderResult,
  ReminderStatus,
  Situation,
  SituationInput,
  SituationWithVersions,
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
  createRequest: (eventId: number, input: CreateInputRequestInput) =>
    request<InputRequest>('POST', `${eventPath(eventId)}/input-requests`, input),
  changeDeadline: (eventId: number, requestId: number, input: ChangeDeadlineInput) =>
    request<InputRequest>('PATCH', `${eventPath(eventId)}/input-requests/${requestId}`, input),
  remind: (eventId: number, requestId: number) =>
    request<ReminderResult>('POST', `${eventPath(eventId)}/input-requests/${requestId}/reminders`),
  reminderStatus: (eventId: number) =>
    request<ReminderStatus>('GET', `${eventPath(eventId)}/reminder-status`),
  get: (eventId: number, situationId: number) =>
    request<SituationWithVersions>('GET', `${eventPath(eventId)}/situations/${situationId}`),
  accept: (eventId: number, situationId: number, version: number) =>
    request<Situation>('POST', `${eventPath(eventId)}/situations/${situationId}/accept`, {
      version,
    }),
  sendBack: (eventId: number, situationId: number, version: number, comment: string) =>
    request<Situation>('POST', `${eventPath(eventId)}/situations/${situationId}/return`, {
      version,
      comment,
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
