import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import http from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { type Config, defaultFilesMaxBytes } from './config.ts';
import type { Database } from './db/database.ts';
import type { SecretBox } from './secret-box.ts';
import { eventRoutes } from './events/routes.ts';
import { nextStepRoutes } from './next-steps/routes.ts';
import { alertRoutes } from './alerts/routes.ts';
import { closingRoutes } from './closing/routes.ts';
import { diversionRoutes } from './diversions/routes.ts';
import { figureRoutes } from './figures/routes.ts';
import { actionRoutes } from './actions/routes.ts';
import { communicationRoutes } from './communication/routes.ts';
import { decisionRoutes } from './decisions/routes.ts';
import { milestoneRoutes } from './milestones/routes.ts';
import { returnFormRoutes } from './return-forms/routes.ts';
import { logRoutes } from './log/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { riskRoutes } from './risks/routes.ts';
import { OidcClient, ssoSettingsFrom, type SsoConfig } from './sso/provider.ts';
import { mfaRoutes } from './mfa/routes.ts';
import { ssoRoutes } from './sso/routes.ts';
import { providerLogoutUrl } from './sso/service.ts';
import { errors } from './errors.ts';
import { handleError } from './http/error-handler.ts';
import { installGuard } from './http/guard.ts';
import { installSecurityHeaders, securityHeaders } from './http/security-headers.ts';
import { installResponseCache } from './http/response-cache.ts';
import { liveRoutes } from './live/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { healthRoutes } from './http/health.ts';
import { accessibilityRoutes } from './accessibility/routes.ts';
import { readinessRoutes } from './readiness/routes.ts';
import { scaleRoutes } from './scales/routes.ts';
import { situationRoutes } from './situations/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { eventUnitRoutes } from './event-units/routes.ts';
import { userRoutes } from './users/routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { setupRoutes } from './setups/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { publishedRoutes } from './reports/published-routes.ts';
import { ReadyPages } from './reports/ready-pages.ts';
import { distributionRoutes } from './distribution/routes.ts';
import { exchangeRoutes } from './exchange/routes.ts';
import { reviewRoutes } from './review/routes.ts';
import { feedRoutes } from './feeds/routes.ts';
import { webRoutes } from './http/web.ts';
import { metricsAccess, metricsRoutes } from './ops/metrics.ts';
import { openApiDocument } from '../contract/health.ts';

z.config(z.locales.sv());

export type AppConfig = Pick<
  Config,
  | 'LOG_LEVEL'
  | 'PUBLIC_URL'
  | 'SESSION_IDLE_MINUTES'
  | 'SESSION_ABSOLUTE_HOURS'
  | 'BODY_LIMIT_BYTES'
> &
  Partial<
    Pick<
      Config,
      | 'TRUSTED_PROXIES'
      | 'METRICS_PUBLIC'
      | 'METRICS_TOKEN_SHA256'
      | 'SMTP_URL'
      | 'MAIL_FROM'
      | 'publicUrlDerived'
      | 'ALERT_SMS_WEBHOOK_URL'
      | 'ACCESSIBILITY_CONTACT'
      | 'FILES_MAX_BYTES'
    >
  > &
  SsoConfig & {
    /** The installation's key (SECRET_KEY, SECRET_KEY_FILE or the SQLite default file). */
    secrets: SecretBox;
  };

declare module 'fastify' {
  interface FastifyInstance {
    /** Public published pages answered before routing (reports/ready-pages.ts). */
    readyPages: ReadyPages;
  }
}

export async function buildApp(config: AppConfig, database: Database): Promise<FastifyInstance> {
  const readyPages = new ReadyPages(securityHeaders);
  const app = Fastify({
    // Fastify's own server (its defaults: keep-alive 72 s, no request timeout), with the ready
    // public pages answered first.
    serverFactory: (handler) => {
      const server = http.createServer((request, response) => {
        if (!readyPages.answer(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = 72_000;
      server.requestTimeout = 0;
      return server;
    },
    logger: { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // The client address (login throttling, the audit trail) comes from X-Forwarded-For only when
    // the connection is from a configured proxy; otherwise anyone could write any address there.
    trustProxy: config.TRUSTED_PROXIES?.length ? config.TRUSTED_PROXIES : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // While stopping, a request on a kept-alive connection is served (with Connection: close).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('readyPages', readyPages);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'Sidan eller resursen finns inte.' }),
  );

  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Lägesbild API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lagesbild_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  const policy = {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
  installGuard(app, database.db, policy);
  installResponseCache(app);
  // PostgreSQL cannot store U+0000 and both engines silently turn a lone surrogate into U+FFFD:
  // refuse such text in any part of a request with a 400 rather than a 500 or a changed text.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      if (hasUnstorableText(value)) {
        throw errors.badRequest('Texten innehåller ett tecken som inte kan sparas (NUL).', {
          field: part,
        });
      }
    }
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const db = database.db;
  await app.register(healthRoutes, { db });
  await app.register(metricsRoutes, { database, access: metricsAccess(config) });
  const secureCookies = config.PUBLIC_URL.startsWith('https:');
  const ssoSettings = ssoSettingsFrom(config);
  const ssoClient = ssoSettings ? new OidcClient(ssoSettings) : null;
  await app.register(authRoutes, {
    db,
    policy,
    secureCookies,
    localLogin: ssoSettings?.localLogin ?? true,
    providerLogoutUrl: (sessionIdHash) => providerLogoutUrl(db, ssoClient, sessionIdHash),
  });
  await app.register(mfaRoutes, {
    db,
    policy,
    secureCookies,
    publicUrl: config.PUBLIC_URL,
    publicUrlDerived: config.publicUrlDerived ?? false,
    secrets: config.secrets,
  });
  await app.register(ssoRoutes, { db, policy, secureCookies, client: ssoClient });
  await app.register(userRoutes, { db });
  await app.register(eventRoutes, { db });
  await app.register(nextStepRoutes, { db });
  await app.register(alertRoutes, { db, smsAvailable: !!config.ALERT_SMS_WEBHOOK_URL });
  await app.register(setupRoutes, { db });
  await app.register(closingRoutes, { db });
  await app.register(unitRoutes, { db });
  await app.register(eventUnitRoutes, { db });
  await app.register(accessRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(decisionRoutes, { db });
  await app.register(milestoneRoutes, { db });
  await app.register(returnFormRoutes, { db });
  await app.register(actionRoutes, { db });
  await app.register(riskRoutes, { db });
  await app.register(logRoutes, { db });
  await app.register(fileRoutes, { db, maxBytes: config.FILES_MAX_BYTES ?? defaultFilesMaxBytes });
  await app.register(communicationRoutes, { db });
  await app.register(readinessRoutes, { db });
  await app.register(situationRoutes, {
    db,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
  });
  await app.register(scaleRoutes, { db });
  await app.register(searchRoutes, { database });
  await app.register(liveRoutes, { database, policy });
  await app.register(figureRoutes, { db });
  await app.register(diversionRoutes, { db });
  await app.register(templateRoutes, { db });
  await app.register(reportRoutes, { db });
  await app.register(publishedRoutes, { db, publicUrl: config.PUBLIC_URL, readyPages });
  await app.register(distributionRoutes, { db, mailConfigured: Boolean(config.SMTP_URL) });
  await app.register(exchangeRoutes, { db, publicUrl: config.PUBLIC_URL });
  await app.register(reviewRoutes, { db });
  await app.register(meetingRoutes, { db, publicUrl: config.PUBLIC_URL });
  await app.register(feedRoutes, { db });
  await app.register(accessibilityRoutes, { contact: config.ACCESSIBILITY_CONTACT ?? null });
  await app.register(webRoutes);
  app.get(
    '/api/openapi.json',
    {
      config: { access: { kind: 'public' } },
      // Described in itself (the contract test finds every declared /api/ answer in it).
      schema: { tags: ['documentation'], response: { 200: openApiDocument } },
    },
    async () => ({ ...app.swagger() }),
  );
  return app;
}

// eslint-disable-next-line no-control-regex -- NUL is the character being looked for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string (or key) in a parsed request part holds NUL or a lone surrogate. */
function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return unstorable.test(value);
  // An uploaded file's bytes are not text.
  if (ArrayBuffer.isView(value)) return false;
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => hasUnstorableText(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => unstorable.test(key) || hasUnstorableText(item, depth + 1),
  );
}
