// Sign-on through the region's identity provider: the login page's options, the group
// mappings and the linked identities (src/server/sso/).
import type {
  GroupMapping,
  LinkedIdentity,
  LoginOptions,
  StoredIdentity,
} from '../../contract/sso.ts';
import { type Body, request } from '../api.ts';

export const ssoApi = {
  loginOptions: () => request<LoginOptions>('GET', '/api/auth/options'),
  mappings: () => request<{ items: GroupMapping[] }>('GET', '/api/sso/mappings'),
  addMapping: (body: Body) => request<GroupMapping>('POST', '/api/sso/mappings', body),
  removeMapping: (id: number) => request<void>('DELETE', `/api/sso/mappings/${id}`),
  identities: () => request<{ items: LinkedIdentity[] }>('GET', '/api/sso/identities'),
  link: (body: Body) => request<StoredIdentity>('POST', '/api/sso/identities', body),
  unlink: (id: number) => request<void>('DELETE', `/api/sso/identities/${id}`),
};
