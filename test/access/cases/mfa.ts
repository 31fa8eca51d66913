import { generate } from 'otplib';
import { Client, adminEmail, demoPeople } from '../../support/app.ts';
import { SoftwareAuthenticator } from '../../support/software-authenticator.ts';
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

const relyingParty = { rpId: 'localhost', origin: 'http://localhost:3000' };

/** Registers a software security key for the client's user; answers the key and its id. */
async function registerKey(client: Client) {
  const key = new SoftwareAuthenticator();
  const { challenge } = (await client.post('/api/auth/second-factor/webauthn/options')).json();
  const registered = await client.post('/api/auth/second-factor/webauthn', {
    name: 'Nyckel',
    response: key.register({ ...relyingParty, challenge }),
  });
  return { key, keyId: registered.json().key.id as number };
}

/** Proves the key again in the client's session (a step-up). */
async function stepUpWithKey(client: Client, key: SoftwareAuthenticator) {
  const options = await client.post('/api/auth/second-factor/step-up/webauthn/options');
  await client.post('/api/auth/second-factor/step-up/webauthn', {
    response: key.assert({ ...relyingParty, challenge: options.json().challenge }),
  });
}

/** A password step of a user with a security key: the client carries its challenge cookie. */
async function keyLoginStep(context: AuditContext, local: string) {
  const { t } = context;
  const { key } = await registerKey(await freshUser(context, local));
  const passwordStep = await t.anonymous().post('/api/auth/login', {
    email: `${local}@lagesbild.local`,
    password,
  });
  const challenge = passwordStep.cookies.find((c) => c.name === 'lagesbild_second_factor')!;
  return { key, client: new Client(t.app, `${challenge.name}=${challenge.value}`, null) };
}

export const cases: RouteCases = {
  'POST /api/auth/login/second-factor/webauthn/options': {
    who: 'anyone',
    write: async (context) => ({
      client: (await keyLoginStep(context, 'mfa.key.options')).client,
      method: 'POST',
      url: '/api/auth/login/second-factor/webauthn/options',
    }),
  },
  'POST /api/auth/login/second-factor/webauthn': {
    who: 'anyone',
    write: async (context) => {
      const { key, client } = await keyLoginStep(context, 'mfa.key.login');
      const options = await client.post('/api/auth/login/second-factor/webauthn/options');
      return {
        client,
        method: 'POST',
        url: '/api/auth/login/second-factor/webauthn',
        body: { response: key.assert({ ...relyingParty, challenge: options.json().challenge }) },
      };
    },
  },
  'POST /api/auth/second-factor/webauthn/options': {
    who: 'signed_in',
    write: async ({ as }) => ({
      client: await as(demoPeople.reader),
      method: 'POST',
      url: '/api/auth/second-factor/webauthn/options',
    }),
  },
  'POST /api/auth/second-factor/webauthn': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.key.register');
      const { challenge } = (await client.post('/api/auth/second-factor/webauthn/options')).json();
      return {
        client,
        method: 'POST',
        url: '/api/auth/second-factor/webauthn',
        body: {
          name: 'Nyckel',
          response: new SoftwareAuthenticator().register({ ...relyingParty, challenge }),
        },
      };
    },
  },
  'DELETE /api/auth/second-factor/webauthn/:keyId': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.key.remove');
      const { key, keyId } = await registerKey(client);
      await stepUpWithKey(client, key);
      return { client, method: 'DELETE', url: `/api/auth/second-factor/webauthn/${keyId}` };
    },
  },
  'POST /api/auth/second-factor/step-up': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.step.up');
      const { recoveryCodes } = await enrol(client);
      return {
        client,
        method: 'POST',
        url: '/api/auth/second-factor/step-up',
        body: { code: recoveryCodes[0] },
      };
    },
  },
  'POST /api/auth/second-factor/step-up/webauthn/options': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.step.up.options');
      await registerKey(client);
      return { client, method: 'POST', url: '/api/auth/second-factor/step-up/webauthn/options' };
    },
  },
  'POST /api/auth/second-factor/step-up/webauthn': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.step.up.key');
      const { key } = await registerKey(client);
      const options = await client.post('/api/auth/second-factor/step-up/webauthn/options');
      return {
        client,
        method: 'POST',
        url: '/api/auth/second-factor/step-up/webauthn',
        body: { response: key.assert({ ...relyingParty, challenge: options.json().challenge }) },
      };
    },
  },
  'POST /api/auth/second-factor/recovery-codes': {
    who: 'signed_in',
    write: async (context) => {
      const client = await freshUser(context, 'mfa.recovery.codes');
      const { recoveryCodes } = await enrol(client);
      await client.post('/api/auth/second-factor/step-up', { code: recoveryCodes[0] });
      return { client, method: 'POST', url: '/api/auth/second-factor/recovery-codes' };
    },
  },
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
