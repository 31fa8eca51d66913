import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { session } from '../../contract/auth.ts';
import { noContent } from '../../contract/common.ts';
import {
  disableTotpBody,
  recoveryCodes,
  stepUp,
  secondFactorLoginBody,
  secondFactorPolicy,
  secondFactorPolicyBody,
  secondFactorStatus,
  securityKeyLoginBody,
  securityKeyParams,
  securityKeyRegistered,
  securityKeyRegistrationBody,
  totpCodeBody,
  totpEnrolment,
  webauthnOptions,
} from '../../contract/mfa.ts';
import { userIdParams } from '../../contract/users.ts';
import { type SessionPolicy, presentSession } from '../auth/service.ts';
import {
  challengeCookie,
  challengePath,
  deviceCookie,
  setDeviceCookie,
  setSessionCookieOn,
} from '../auth/routes.ts';
import type { Db } from '../db/schema.ts';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../http/actor.ts';
import type { SecretBox } from '../secret-box.ts';
import {
  changeSecondFactorPolicy,
  confirmTotpEnrolment,
  disableOwnSecondFactor,
  loginWithSecondFactor,
  renewRecoveryCodes,
  resetSecondFactor,
  secondFactorPolicy as currentPolicy,
  secondFactorStatus as statusOf,
  startTotpEnrolment,
  stepUpWithCode,
} from './service.ts';
import type { StepUpRequest } from './step-up.ts';
import { relyingPartyOf } from './webauthn.ts';
import {
  loginWithKey,
  registerKey,
  removeKey,
  startKeyLogin,
  startKeyRegistration,
  startKeyStepUp,
  stepUpWithKey,
} from './webauthn-service.ts';

export interface MfaRouteOptions {
  db: Db;
  policy: SessionPolicy;
  secureCookies: boolean;
  /** The relying party of WebAuthn: its origin, and its host name as the rpID. */
  publicUrl: string;
  /** PUBLIC_URL was not set but made from HOST and PORT: no relying party then. */
  publicUrlDerived: boolean;
  /** Seals the TOTP secrets. */
  secrets: SecretBox;
}

function stepUpRequestOf(request: FastifyRequest): StepUpRequest {
  return {
    actor: actorOf(request),
    sessionIdHash: request.session?.idHash ?? null,
    address: request.ip,
    log: request.log,
  };
}

const whileEnrolling = { kind: 'signed_in', duringEnrolment: true } as const;

export const mfaRoutes: FastifyPluginAsyncZod<MfaRouteOptions> = async (
  app,
  { db, policy, secureCookies, publicUrl, publicUrlDerived, secrets },
) => {
  const tags = ['auth'];
  const rp = relyingPartyOf(publicUrl, publicUrlDerived);
  if (!rp) {
    app.log.warn(
      `PUBLIC_URL (${publicUrlDerived ? 'not set' : publicUrl}) names no host: security keys ` +
        'cannot be enrolled (browsers refuse WebAuthn on an IP address); TOTP works. ' +
        'Set PUBLIC_URL to the address users open, e.g. https://lagesbild.region.se',
    );
  }

  app.post(
    challengePath,
    {
      // The challenge cookie is SameSite=Strict and only sent to this path.
      config: { access: { kind: 'public' }, csrf: false },
      schema: { tags, body: secondFactorLoginBody, response: { 200: session } },
    },
    async (request, reply) => {
      const result = await loginWithSecondFactor(
        db,
        secrets,
        {
          challengeToken: request.cookies[challengeCookie],
          code: request.body.code,
          address: request.ip,
          requestId: request.id,
          deviceToken: request.cookies[deviceCookie],
          log: request.log,
        },
        policy,
      );
      reply.clearCookie(challengeCookie, { path: challengePath });
      if (result.deviceToken) setDeviceCookie(reply, result.deviceToken, secureCookies);
      setSessionCookieOn(reply, result.sessionId, { policy, secureCookies });
      return presentSession(result.user, result.csrfToken);
    },
  );

  app.post(
    `${challengePath}/webauthn/options`,
    {
      config: { access: { kind: 'public' }, csrf: false },
      schema: { tags, response: { 200: webauthnOptions } },
    },
    async (request) =>
      startKeyLogin(db, rp, {
        challengeToken: request.cookies[challengeCookie],
        requestId: request.id,
      }),
  );

  app.post(
    `${challengePath}/webauthn`,
    {
      config: { access: { kind: 'public' }, csrf: false },
      schema: { tags, body: securityKeyLoginBody, response: { 200: session } },
    },
    async (request, reply) => {
      const result = await loginWithKey(
        db,
        rp,
        {
          challengeToken: request.cookies[challengeCookie],
          response: request.body.response as unknown as AuthenticationResponseJSON,
          address: request.ip,
          requestId: request.id,
          deviceToken: request.cookies[deviceCookie],
          log: request.log,
        },
        policy,
      );
      reply.clearCookie(challengeCookie, { path: challengePath });
      if (result.deviceToken) setDeviceCookie(reply, result.deviceToken, secureCookies);
      setSessionCookieOn(reply, result.sessionId, { policy, secureCookies });
      return presentSession(result.user, result.csrfToken);
    },
  );

  app.get(
    '/api/auth/second-factor',
    {
      config: { access: whileEnrolling },
      schema: { tags, response: { 200: secondFactorStatus } },
    },
    async (request) => statusOf(db, actorOf(request), rp !== null),
  );

  app.post(
    '/api/auth/second-factor/totp',
    {
      config: { access: whileEnrolling },
      schema: { tags, response: { 200: totpEnrolment } },
    },
    async (request) => startTotpEnrolment(db, secrets, actorOf(request)),
  );

  app.post(
    '/api/auth/second-factor/totp/confirm',
    {
      config: { access: whileEnrolling },
      schema: { tags, body: totpCodeBody, response: { 200: recoveryCodes } },
    },
    async (request) => confirmTotpEnrolment(db, secrets, actorOf(request), request.body.code),
  );

  app.post(
    '/api/auth/second-factor/webauthn/options',
    {
      config: { access: whileEnrolling },
      schema: { tags, response: { 200: webauthnOptions } },
    },
    async (request) => startKeyRegistration(db, rp, actorOf(request)),
  );

  app.post(
    '/api/auth/second-factor/webauthn',
    {
      config: { access: whileEnrolling },
      schema: { tags, body: securityKeyRegistrationBody, response: { 200: securityKeyRegistered } },
    },
    async (request) =>
      registerKey(db, rp, actorOf(request), {
        name: request.body.name,
        response: request.body.response as unknown as RegistrationResponseJSON,
      }),
  );

  app.delete(
    '/api/auth/second-factor/webauthn/:keyId',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, params: securityKeyParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removeKey(db, stepUpRequestOf(request), request.params.keyId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/second-factor/disable',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, body: disableTotpBody, response: { 204: noContent } },
    },
    async (request, reply) => {
      await disableOwnSecondFactor(db, secrets, stepUpRequestOf(request), request.body.code);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/second-factor/step-up',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, body: totpCodeBody, response: { 200: stepUp } },
    },
    async (request) => stepUpWithCode(db, secrets, stepUpRequestOf(request), request.body.code),
  );

  app.post(
    '/api/auth/second-factor/step-up/webauthn/options',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, response: { 200: webauthnOptions } },
    },
    async (request) => startKeyStepUp(db, rp, actorOf(request)),
  );

  app.post(
    '/api/auth/second-factor/step-up/webauthn',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, body: securityKeyLoginBody, response: { 200: stepUp } },
    },
    async (request) =>
      stepUpWithKey(
        db,
        rp,
        stepUpRequestOf(request),
        request.body.response as unknown as AuthenticationResponseJSON,
      ),
  );

  app.post(
    '/api/auth/second-factor/recovery-codes',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, response: { 200: recoveryCodes } },
    },
    async (request) => renewRecoveryCodes(db, stepUpRequestOf(request)),
  );

  app.delete(
    '/api/users/:userId/second-factor',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, params: userIdParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await resetSecondFactor(db, actorOf(request), request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/second-factor-policy',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, response: { 200: secondFactorPolicy } },
    },
    async () => currentPolicy(db),
  );

  app.put(
    '/api/admin/second-factor-policy',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, body: secondFactorPolicyBody, response: { 200: secondFactorPolicy } },
    },
    async (request) => changeSecondFactorPolicy(db, actorOf(request), request.body),
  );
};
