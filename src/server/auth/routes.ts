import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/schema.ts';
import { sessionCookie } from '../http/guard.ts';
import { presentUser } from '../users/service.ts';
import { findUserById } from '../users/repository.ts';
import {
  type SessionPolicy,
  changeOwnPassword,
  login,
  loginDeviceDays,
  logout,
} from './service.ts';

const deviceCookie = 'lagesbild_device';
const loginPath = '/api/auth/login';

const loginBody = z
  .object({
    email: z.string().trim().min(1, 'Ange din e-postadress.').max(254),
    password: z.string().min(1, 'Ange ditt lösenord.').max(200),
  })
  .strict();

const passwordBody = z
  .object({
    currentPassword: z.string().min(1, 'Ange ditt nuvarande lösenord.').max(200),
    newPassword: z.string().max(200),
  })
  .strict();

export interface AuthRouteOptions {
  db: Db;
  policy: SessionPolicy;
  secureCookies: boolean;
  /** Off when the region signs in through its identity provider (break-glass accounts excepted). */
  localLogin: boolean;
  /** For a session opened by sign-on: where to end the provider's session too (or null). */
  providerLogoutUrl: (sessionIdHash: string) => Promise<string | null>;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (
  app,
  { db, policy, secureCookies, localLogin, providerLogoutUrl },
) => {
  const tags = ['auth'];

  const setSessionCookie = (reply: FastifyReply, sessionId: string) =>
    setSessionCookieOn(reply, sessionId, { policy, secureCookies });

  app.post(
    loginPath,
    { config: { access: { kind: 'public' }, csrf: false }, schema: { tags, body: loginBody } },
    async (request, reply) => {
      const result = await login(
        db,
        {
          ...request.body,
          address: request.ip,
          requestId: request.id,
          deviceToken: request.cookies[deviceCookie],
          log: request.log,
        },
        policy,
        localLogin,
      );
      if (result.deviceToken) {
        reply.setCookie(deviceCookie, result.deviceToken, {
          path: loginPath,
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies,
          maxAge: loginDeviceDays * 86_400,
        });
      }
      setSessionCookie(reply, result.sessionId);
      return { user: presentUser(result.user), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: { kind: 'signed_in', duringPasswordChange: true } }, schema: { tags } },
    async (request, reply) => {
      let redirectTo: string | null = null;
      if (request.session) {
        redirectTo = await providerLogoutUrl(request.session.idHash);
        await logout(db, request.actor!, request.session.idHash);
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return redirectTo ? { redirectTo } : reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: { kind: 'signed_in', duringPasswordChange: true } }, schema: { tags } },
    async (request) => {
      const user = await findUserById(db, request.actor!.userId!);
      return { user: presentUser(user!), csrfToken: request.session?.csrfToken ?? null };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { kind: 'signed_in', duringPasswordChange: true } },
      schema: { tags, body: passwordBody },
    },
    async (request, reply) => {
      const result = await changeOwnPassword(db, request.actor!, request.body, policy);
      setSessionCookie(reply, result.sessionId);
      return { user: presentUser(result.user), csrfToken: result.csrfToken };
    },
  );
};

/** The session cookie, the same for a password login and a sign-on. */
export function setSessionCookieOn(
  reply: FastifyReply,
  sessionId: string,
  options: { policy: SessionPolicy; secureCookies: boolean },
) {
  return reply.setCookie(sessionCookie, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    maxAge: options.policy.absoluteHours * 3600,
  });
}
