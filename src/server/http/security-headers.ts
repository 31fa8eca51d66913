import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

const options: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
};

/**
 * Helmet's headers, worked out once at start-up: they do not depend on the request, and the
 * Fastify plugin rebuilt the whole middleware for every request (a tenth of a light read's cost).
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = `${value}`),
    removeHeader: () => undefined,
  };
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

/** Browser features the app never uses, switched off for its pages and anything they embed. */
const permissionsPolicy =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** Every answer's security headers, the same whichever path answers (see reports/ready-pages.ts). */
export const securityHeaders: Readonly<Record<string, string>> = {
  ...helmetHeaders(),
  'permissions-policy': permissionsPolicy,
};

/**
 * Set on the raw response, as helmet does, so that hijacked answers (live streams) carry them.
 * Every API answer, and every answer of a route that is not public, is `no-store` unless the
 * route says otherwise: what a signed-in user read must not stay in a shared or browser cache.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = Object.entries(securityHeaders);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control') && mayHoldPrivateData(request)) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

function mayHoldPrivateData(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.routeOptions.config.access?.kind !== 'public';
}
