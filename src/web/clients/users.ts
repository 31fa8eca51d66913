// User accounts (src/server/users/).
import type { User, UserWithPassword } from '../../contract/users.ts';
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
