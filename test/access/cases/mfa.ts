import { generate } from 'otplib';
import { Client, adminEmail, demoPeople } from '../../support/app.ts';
import type { AuditContext, RouteCases } from '../types.ts';

const password = 'Tvastegs-provkonto-2026';

/** A new account of its own, so that switching its second factor on changes no other case. */
async function freshUser({ t, as }: AuditContext, local: string): Promise<Client> {
  const email = `${local}@lagesbild.local`;
  await (await as(adminEmail)).post('/api/users', { email, name: 'Prov Konto', password });
  return t.login(email, password);
}

/** Switches TOTP on for the client's user; answers the secret and the recovery codes. */
async function enrol(client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = (await client.post('/api/auth/second-factor/totp')).json();
  const code = await generate({ secret });
  const confirmed = await client.post('/api/auth/second-factor/totp/confirm', { code });
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

export const cases: RouteCases = {
  'POST /api/auth/login/second-factor': {
    who: 'anyone',
    write: async (context) => {
      const { t } = context;
      const { recoveryCodes } = await enrol(await freshUser(context, 'mfa.login'));
      const passwordStep = await t.anonymous().post('/api/auth/login', {
        email: 'mfa.login@lagesbild.local',
        password,
      });
      const challenge = passwordStep.cookies.find((c) => c.name === 'lagesbild_second_factor')!;
      return {
        client: new Client(t.app, `${challenge.name}=${challenge.value}`, null),
        method: 'POST',
        url: '/api/auth/login/second-factor',
        body: { code: recoveryCodes[0] },
      };
    },
  },
  'GET /api/auth/second-factor': { who: 'signed_in' },
  'POST /api/auth/second-factor/totp': {
    who: 'signed_in',
    write: async ({ as }) => ({
      client: await as(demoPeople.reader),
      method: 'POST',
      url: '/api/auth/second-factor/totp',
    }),
  },
  'POST /api/auth/second-factor/totp/confirm': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.confirm');
      const { secret } = (await client.post('/api/auth/second-factor/totp')).json();
      return {
        client,
        method: 'POST',
        url: '/api/auth/second-factor/totp/confirm',
        body: { code: await generate({ secret }) },
      };
    },
  },
  'POST /api/auth/second-factor/disable': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.disable');
      const { recoveryCodes } = await enrol(client);
      return {
        client,
        method: 'POST',
        url: '/api/auth/second-factor/disable',
        body: { code: recoveryCodes[0] },
      };
    },
  },
  'DELETE /api/users/:userId/second-factor': {
    who: 'system_admin',
    write: async ({ as, userId }) => ({
      client: await as(adminEmail),
      method: 'DELETE',
      url: `/api/users/${await userId(demoPeople.reader)}/second-factor`,
    }),
  },
  'GET /api/admin/second-factor-policy': { who: 'system_admin' },
  'PUT /api/admin/second-factor-policy': {
    who: 'system_admin',
    write: async ({ as }) => ({
      client: await as(adminEmail),
      method: 'PUT',
      url: '/api/admin/second-factor-policy',
      body: { requiredForStaff: false },
    }),
  },
};
