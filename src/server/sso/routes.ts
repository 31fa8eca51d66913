import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setSessionCookieOn } from '../auth/routes.ts';
import type { SessionPolicy } from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { AppError, errors } from '../errors.ts';
import { sendErrorPage } from '../http/error-page.ts';
import type { OidcClient } from './provider.ts';
import { noContent } from '../../contract/common.ts';
import {
  createMappingBody,
  groupMapping,
  groupMappingList,
  identityIdParams,
  linkIdentityBody,
  linkedIdentityList,
  loginOptions,
  loginQuery,
  mappingIdParams,
  redirect,
  storedIdentity,
} from '../../contract/sso.ts';
import { actorOf } from '../http/actor.ts';
import {
  allIdentities,
  allMappings,
  completeLogin,
  createMapping,
  linkIdentity,
  removeMapping,
  safeReturnPath,
  startLogin,
  unlinkIdentity,
} from './service.ts';

export interface SsoRouteOptions {
  db: Db;
  policy: SessionPolicy;
  secureCookies: boolean;
  client: OidcClient | null;
}

const flowCookie = 'lagesbild_oidc_flow';
const flowCookiePath = '/auth/oidc';

export const ssoRoutes: FastifyPluginAsyncZod<SsoRouteOptions> = async (
  app,
  { db, policy, secureCookies, client },
) => {
  const tags = ['sso'];
  const settings = client?.settings ?? null;
  const requireClient = () => {
    if (!client) throw errors.notFound('Inloggning med regionens konto');
    return client;
  };
  const admin = { access: { kind: 'system_admin' } } as const;

  app.get(
    '/api/auth/options',
    { config: { access: { kind: 'public' } }, schema: { tags, response: { 200: loginOptions } } },
    async () => ({ sso: client !== null, localLogin: settings?.localLogin ?? true }),
  );

  app.get(
    '/auth/oidc/login',
    {
      config: { access: { kind: 'public' } },
      schema: { tags, querystring: loginQuery, response: { 302: redirect } },
    },
    async (request, reply) => {
      try {
        const flow = await startLogin(db, requireClient(), safeReturnPath(request.query.next));
        reply.setCookie(flowCookie, flow.flowId, {
          path: flowCookiePath,
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies,
          maxAge: flow.maxAgeSeconds,
        });
        return reply.redirect(flow.redirectTo.toString(), 302);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        request.log.warn({ code: error.code, cause: error.cause }, 'sign-on could not start');
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    { config: { access: { kind: 'public' } }, schema: { tags, response: { 302: redirect } } },
    async (request, reply) => {
      reply.clearCookie(flowCookie, { path: flowCookiePath });
      try {
        const result = await completeLogin(
          db,
          requireClient(),
          {
            flowId: request.cookies[flowCookie],
            query: new URL(request.url, 'http://callback').search,
            address: request.ip,
            requestId: request.id,
          },
          policy,
        );
        setSessionCookieOn(reply, result.sessionId, { policy, secureCookies });
        return reply.redirect(result.returnTo, 302);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        request.log.warn(
          { security: 'sso_login_failed', reason: error.code, address: request.ip },
          `Sign-on refused (${error.code})`,
        );
        request.log.info({ code: error.code, cause: error.cause }, 'sign-on refused');
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/api/sso/mappings',
    { config: admin, schema: { tags, response: { 200: groupMappingList } } },
    async () => allMappings(db),
  );

  app.post(
    '/api/sso/mappings',
    { config: admin, schema: { tags, body: createMappingBody, response: { 201: groupMapping } } },
    async (request, reply) =>
      reply.code(201).send(await createMapping(db, actorOf(request), request.body)),
  );

  app.delete(
    '/api/sso/mappings/:mappingId',
    { config: admin, schema: { tags, params: mappingIdParams, response: { 204: noContent } } },
    async (request, reply) => {
      await removeMapping(db, actorOf(request), request.params.mappingId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/sso/identities',
    { config: admin, schema: { tags, response: { 200: linkedIdentityList } } },
    async () => allIdentities(db),
  );

  app.post(
    '/api/sso/identities',
    { config: admin, schema: { tags, body: linkIdentityBody, response: { 201: storedIdentity } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await linkIdentity(db, actorOf(request), request.body, settings?.issuer ?? null)),
  );

  app.delete(
    '/api/sso/identities/:identityId',
    { config: admin, schema: { tags, params: identityIdParams, response: { 204: noContent } } },
    async (request, reply) => {
      await unlinkIdentity(db, actorOf(request), request.params.identityId);
      return reply.code(204).send(null);
    },
  );
};

/** The browser arrived from the provider, so the refusal is a page a person can read. */
function sendRefusal(reply: FastifyReply, error: AppError) {
  return sendErrorPage(reply, error, {
    title: 'Inloggningen misslyckades',
    link: { href: '/login', text: 'Tillbaka till inloggningen' },
  });
}
