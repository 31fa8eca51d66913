import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loggedOut, loginBody, passwordBody, session } from '../../contract/auth.ts';
import { noContent } from '../../contract/common.ts';
import { secondFactorChallenge } from '../../contract/mfa.ts';
import { challengeMinutes } from '../mfa/gate.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sessionCookie } from '../http/guard.ts';
import {
  type SessionPolicy,
  changeOwnPassword,
  currentSession,
  login,
  loginDeviceDays,
  logout,
  presentSession,
} from './service.ts';

export const deviceCookie = 'lagesbild_device';
const loginPath = '/api/auth/login';
/** Holds the password step of a login until its second factor is given. */
export const challengeCookie = 'lagesbild_second_factor';
export const challengePath = '/api/auth/login/second-factor';

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
    {
      config: { access: { kind: 'public' }, csrf: false },
      schema: {
        tags,
        body: loginBody,
        response: { 200: z.union([session, secondFactorChallenge]) },
      },
    },
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
      if (result.kind === 'second_factor') {
        reply.setCookie(challengeCookie, result.challengeToken, {
          path: challengePath,
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies,
          maxAge: challengeMinutes * 60,
        });
        return { secondFactor: result.methods };
      }
      if (result.deviceToken) setDeviceCookie(reply, result.deviceToken, secureCookies);
      setSessionCookie(reply, result.sessionId);
      return presentSession(result.user, result.csrfToken, result.mustEnrolSecondFactor);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: {
        access: { kind: 'signed_in', duringPasswordChange: true, duringEnrolment: true },
      },
      schema: { tags, response: { 200: loggedOut, 204: noContent } },
    },
    async (request, reply) => {
      let redirectTo: string | null = null;
      if (request.session) {
        redirectTo = await providerLogoutUrl(request.session.idHash);
        await logout(db, actorOf(request), request.session.idHash);
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return redirectTo ? { redirectTo } : reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: {
        access: { kind: 'signed_in', duringPasswordChange: true, duringEnrolment: true },
      },
      schema: { tags, response: { 200: session } },
    },
    async (request) => currentSession(db, actorOf(request), request.session?.csrfToken ?? null),
  );

  app.post(
    '/api/auth/password',
    {
      config: {
        access: { kind: 'signed_in', duringPasswordChange: true, duringEnrolment: true },
      },
      schema: { tags, body: passwordBody, response: { 200: session } },
    },
    async (request, reply) => {
      const result = await changeOwnPassword(db, actorOf(request), request.body, policy);
      setSessionCookie(reply, result.sessionId);
      return presentSession(
        result.user,
        result.csrfToken,
        actorOf(request).mustEnrolSecondFactor === true,
      );
    },
  );
};

/** Remembers the browser for the account: it escapes the account-wide login limit. */
export function setDeviceCookie(reply: FastifyReply, deviceToken: string, secure: boolean) {
  return reply.setCookie(deviceCookie, deviceToken, {
    path: loginPath,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: loginDeviceDays * 86_400,
  });
}

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
