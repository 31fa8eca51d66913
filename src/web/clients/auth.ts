// Signing in and out, the session, the user's own password (src/server/auth/).
import type { Session } from '../../contract/auth.ts';
import { request } from '../api.ts';
import type { PasswordStep } from './mfa.ts';

export const authApi = {
  login: (email: string, password: string) =>
    request<PasswordStep>('POST', '/api/auth/login', { email, password }),
  me: () => request<Session>('GET', '/api/auth/me'),
  /** After a sign-on session, `redirectTo` ends the session at the region's provider too. */
  logout: () => request<{ redirectTo: string } | undefined>('POST', '/api/auth/logout', {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<Session>('POST', '/api/auth/password', { currentPassword, newPassword }),
};
