// User accounts (src/server/users/).
import type { ApiToken, CreatedApiToken, User, UserWithPassword } from '../../contract/users.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, request } from '../api.ts';

/** An account in the administrators' list; a new or reset one carries its one-time password. */
export type AdminUser = User & Partial<Pick<UserWithPassword, 'oneTimePassword'>>;

export const usersApi = {
  list: () => request<{ items: User[] }>('GET', '/api/users'),
  create: (body: Body) => request<UserWithPassword>('POST', '/api/users', body),
  update: (id: number, body: Body) => request<User>('PATCH', `/api/users/${id}`, body),
  resetPassword: (id: number) =>
    request<UserWithPassword>('POST', `/api/users/${id}/password-reset`, {}),
};

/** The scopes a token may have, the narrow ones first; `*` is everything the user may do. */
export const tokenScopes = allOf<ApiToken['scopes'][number]>()([
  'picture:read',
  'reports:read',
  'figures:push',
  'calendar:subscribe',
  '*',
]);

/** The signed-in user's own API tokens (/api-tokens). */
export const tokensApi = {
  list: () => request<{ items: ApiToken[] }>('GET', '/api/tokens'),
  create: (body: Body) => request<CreatedApiToken>('POST', '/api/tokens', body),
  revoke: (id: number) => request<void>('DELETE', `/api/tokens/${id}`),
};
