import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { fileResponse } from '../../contract/common.ts';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * Serves the built single-page app from dist/web: hashed assets with long caching, and
 * index.html for every other GET that is not under /api, so that client-side routes load.
 */
export const webRoutes: FastifyPluginAsync<{ root?: string }> = async (app, options) => {
  const root = options.root ?? defaultRoot;
  const access = { kind: 'public' } as const;
  // The app's pages and files; 503 (as text) while the app is not built.
  const schema = { hide: true, response: { 200: fileResponse, 503: fileResponse } };
  // Only the sendFile decoration: the routes are ours, so that each declares its access rule.
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply) => {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Webbgränssnittet är inte byggt. Kör "npm run build:web".');
    }
    return reply
      .header('cache-control', 'no-cache')
      .sendFile('index.html', root, { cacheControl: false });
  };

  app.get('/', { config: { access }, schema }, (_request, reply) => sendIndex(reply));

  app.get('/*', { config: { access }, schema }, (request, reply) => {
    const wanted = (request.params as { '*': string })['*'];
    if (wanted === 'api' || wanted.startsWith('api/')) return reply.callNotFound();
    if (wanted.startsWith('assets/')) {
      return reply.sendFile(wanted, root, { immutable: true, maxAge: '365d' });
    }
    if (/\.[a-z0-9]+$/i.test(wanted)) {
      const file = path.resolve(root, wanted);
      if (file.startsWith(root + path.sep) && fs.existsSync(file)) {
        return reply.sendFile(wanted, root, { maxAge: '1h' });
      }
      return reply.callNotFound();
    }
    return sendIndex(reply);
  });
};
