// Who may do what in an event (src/server/access/).
import type { Grant, MyGrants, Role, StoredGrant } from '../../contract/access.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, eventPath, request } from '../api.ts';

export const roles = allOf<Role>()([
  'admin',
  'staff',
  'unit_reporter',
  'communicator',
  'approver',
  'reader',
  'designer',
]);

export const accessApi = {
  mine: (eventId: number) => request<MyGrants>('GET', `${eventPath(eventId)}/grants/me`),
  grants: (eventId: number) => request<{ items: Grant[] }>('GET', `${eventPath(eventId)}/grants`),
  grant: (eventId: number, body: Body) =>
    request<StoredGrant>('POST', `${eventPath(eventId)}/grants`, body),
  revoke: (eventId: number, id: number) =>
    request<void>('DELETE', `${eventPath(eventId)}/grants/${id}`),
};
