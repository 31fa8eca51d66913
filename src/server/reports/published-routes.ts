import type { FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { REPORT_CSS } from '../../render/html-css.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { sendErrorPage } from '../http/error-page.ts';
import { canReadInternal, isCommittedWrite } from '../http/guard.ts';
import {
  PAGE_WRAPPER_REVISION,
  type PublishedFormat as Format,
  type PublishedSnapshot as SnapshotMeta,
  publishedSnapshot,
  renderedSnapshot,
} from './published.ts';
import { archive, archiveQuery, numberParams } from '../../contract/reports.ts';
import { fileResponse, noContent } from '../../contract/common.ts';
import { reportArchive, reportFeed } from './service.ts';
import { decimalId } from '../../contract/numbers.ts';
import {
  type PageAnswer,
  type PageVariants,
  type ReadyPages,
  encodedEtag,
  pageVariants,
  preferredEncoding,
  renderingCache,
} from './ready-pages.ts';

const contentTypes: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

/** A rendering of a snapshot, or 304 when the reader has it already. */
const fileAnswer = { 200: fileResponse, 304: noContent };

const revisionQuery = z.object({ version: decimalId.optional() }).strict();
const downloadParams = numberParams.extend({
  file: z.enum(['rapport.pdf', 'rapport.docx', 'rapport.md']),
});

/**
 * Which snapshot a page address means. An address with `?version=` always means the same one; an
 * address without it means the newest revision, which a correction published on another node
 * replaces: such answers are kept briefly (a correction published here clears them at once).
 */
const newestRevisionTtlMs = 2_000;

const plugin: FastifyPluginAsyncZod<{ db: Db; publicUrl: string; readyPages: ReadyPages }> = async (
  app,
  { db, publicUrl, readyPages },
) => {
  /** A snapshot never changes once frozen; only pages are compressed (PDF and Word are already). */
  const renderings = renderingCache();
  const snapshots = new LRUCache<string, SnapshotMeta>({ max: 10_000 });
  app.addHook('onResponse', async (request, reply) => {
    if (!isCommittedWrite(request, reply)) return;
    snapshots.clear();
    readyPages.forgetAll();
  });
  const tags = ['published'];
  const open = { kind: 'public' } as const;
  const internal = { kind: 'event', permission: 'internal.read' } as const;

  /** Rendered, checked against its hash and compressed when it enters the cache; not per request. */
  const rendering = async (row: SnapshotMeta, format: Format) => {
    const key = `${row.id}:${format}`;
    let body = renderings.get(key);
    if (!body) {
      const rendered = await renderedSnapshot(db, row.id, format);
      body = format === 'html' ? await pageVariants(rendered) : rendered;
      renderings.set(key, body);
    }
    return body;
  };

  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: SnapshotMeta,
    format: Format,
    ready?: { ttlMs?: number },
  ) => {
    const wrapper = format === 'html' ? `.${PAGE_WRAPPER_REVISION}` : '';
    const headers = {
      etag: `"${row.content_hash.slice(0, 32)}-${format}${wrapper}"`,
      'last-modified': new Date(row.published_at).toUTCString(),
      'cache-control': row.audience === 'public' ? 'public, max-age=300' : 'private, no-store',
    };
    // A download's 304 needs no rendering; a page's ETag depends on the encoding chosen below.
    if (format !== 'html' && request.headers['if-none-match'] === headers.etag) {
      return reply.headers(headers).code(304).send();
    }
    let body: PageVariants | Buffer;
    try {
      body = await rendering(row, format);
    } catch (error) {
      if (format !== 'html' || !(error instanceof AppError)) throw error;
      request.log.error({ err: error, snapshotId: row.id }, 'published snapshot does not match');
      return sendErrorPage(reply, error, { title: 'Rapporten kan inte visas' });
    }
    let bytes: Buffer;
    let etag = headers.etag;
    if (Buffer.isBuffer(body)) {
      bytes = body;
      reply.header('content-disposition', `attachment; filename="${fileName(row, format)}"`);
    } else {
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      bytes = body[encoding];
      etag = encodedEtag(headers.etag, encoding);
      reply.header('vary', 'Accept-Encoding');
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      if (ready) {
        const answer: PageAnswer = { headers, contentType: contentTypes[format], variants: body };
        readyPages.remember(request.url, request.routeOptions.url!, answer, ready.ttlMs);
      }
    }
    reply.headers({ ...headers, etag });
    if (request.headers['if-none-match'] === etag) {
      reply.removeHeader('content-encoding');
      return reply.code(304).send();
    }
    return reply.type(contentTypes[format]).send(bytes);
  };

  const load = async (
    eventId: number,
    number: number,
    audience: 'public' | 'internal',
    version?: number,
  ) => {
    const key = `${eventId}:${number}:${audience}:${version ?? 'newest'}`;
    const known = snapshots.get(key);
    if (known) return known;
    const row = await publishedSnapshot(db, eventId, number, audience, version);
    snapshots.set(key, row, version === undefined ? { ttl: newestRevisionTtlMs } : {});
    return row;
  };

  app.get(
    '/assets/report.css',
    { config: { access: open }, schema: { hide: true, response: { 200: fileResponse } } },
    async (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(REPORT_CSS),
  );

  app.get(
    '/r/:eventId/:number',
    {
      config: { access: open },
      schema: { tags, params: numberParams, querystring: revisionQuery, response: fileAnswer },
    },
    async (request, reply) => {
      const { eventId, number } = request.params;
      const { version } = request.query;
      const row = await load(eventId, number, 'public', version);
      return send(request, reply, row, 'html', {
        ...(version === undefined && { ttlMs: newestRevisionTtlMs }),
      });
    },
  );

  app.get(
    '/r/:eventId/:number/:file',
    {
      config: { access: open },
      schema: { tags, params: downloadParams, querystring: revisionQuery, response: fileAnswer },
    },
    async (request, reply) => {
      const { eventId, number, file } = request.params;
      const row = await load(eventId, number, 'public', request.query.version);
      return send(request, reply, row, formatOf(file));
    },
  );

  app.get(
    '/r/:eventId/:number/intern',
    {
      config: { access: internal },
      schema: { tags, params: numberParams, querystring: revisionQuery, response: fileAnswer },
    },
    async (request, reply) => {
      const { eventId, number } = request.params;
      return send(
        request,
        reply,
        await load(eventId, number, 'internal', request.query.version),
        'html',
      );
    },
  );

  app.get(
    '/r/:eventId/:number/intern/:file',
    {
      config: { access: internal },
      schema: { tags, params: downloadParams, querystring: revisionQuery, response: fileAnswer },
    },
    async (request, reply) => {
      const { eventId, number, file } = request.params;
      const row = await load(eventId, number, 'internal', request.query.version);
      return send(request, reply, row, formatOf(file));
    },
  );

  app.get(
    '/r/:eventId/feed.atom',
    {
      config: { access: open },
      schema: { tags, params: eventIdParams, response: { 200: fileResponse } },
    },
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .send(await reportFeed(db, request.params.eventId, publicUrl)),
  );

  app.get(
    '/api/events/:eventId/archive',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: {
        tags,
        params: eventIdParams,
        querystring: archiveQuery,
        response: { 200: archive },
      },
    },
    async (request) =>
      reportArchive(
        db,
        request.params.eventId,
        canReadInternal(request) ? 'internal' : 'public',
        request.query.q,
      ),
  );
};

/** Registered without encapsulation, so that a write through any route can clear the lookups. */
export const publishedRoutes = fastifyPlugin(plugin, { name: 'lagesbild-published' });

function formatOf(file: 'rapport.pdf' | 'rapport.docx' | 'rapport.md'): Format {
  return file.slice('rapport.'.length) as Format;
}

function fileName(row: SnapshotMeta, format: Format): string {
  const version = row.revision > 1 ? `-v${row.revision}` : '';
  const audience = row.audience === 'internal' ? '-intern' : '';
  return `regional-rapport-${row.number}${version}${audience}.${format}`;
}
