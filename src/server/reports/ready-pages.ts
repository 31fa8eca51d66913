import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';

export type PageEncoding = 'br' | 'gzip' | 'identity';

/** A published page's bytes as sent, once per encoding. */
export type PageVariants = Record<PageEncoding, Buffer>;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compressed once when a rendering enters the cache, at the highest levels (the work is done
 * once per snapshot, on the thread pool), never per request.
 */
export async function pageVariants(identity: Buffer): Promise<PageVariants> {
  const [br, gzipped] = await Promise.all([
    brotli(identity, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
    gzip(identity, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  return { identity, gzip: gzipped, br };
}

export function variantsSize(variants: PageVariants): number {
  return variants.identity.length + variants.gzip.length + variants.br.length;
}

/** Brotli, then gzip, when the client accepts them (a q of 0 refuses); otherwise the plain bytes. */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): PageEncoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  for (const part of [acceptEncoding].flat().join(',').split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/** The ETag of one encoding of a page: the encodings are different bytes, so different tags. */
export function encodedEtag(etag: string, encoding: PageEncoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}.${encoding}"`;
}

interface ReadyAnswer {
  etag: string;
  ok: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
  body: Buffer;
}

interface ReadyPage {
  /** The route pattern that answered it first, for the metrics of the answers sent from here. */
  route: string;
  answers: Record<PageEncoding, ReadyAnswer>;
}

/** One answer sent from memory, for /metrics (they never reach Fastify's hooks). */
export interface ReadyAnswered {
  route: string;
  statusCode: number;
  seconds: number;
}

export interface PageAnswer {
  /** The headers the route sets (ETag of the plain bytes, Last-Modified, Cache-Control). */
  headers: { etag: string; 'last-modified': string; 'cache-control': string };
  contentType: string;
  variants: PageVariants;
}

/**
 * Bytes of page bodies (all three encodings) the ready answers may hold; the least recently
 * sent address leaves first. The bodies are the renderings' own buffers, so with the renderings'
 * limit this bounds what published pages keep in memory whatever the number of published versions.
 */
export const READY_PAGES_CAPACITY_BYTES = 16 * 1024 * 1024;

/** Bytes of renderings (a page in its three encodings, a PDF, a Word file, a Markdown file). */
export const RENDERINGS_CAPACITY_BYTES = 24 * 1024 * 1024;

/**
 * Renderings of snapshots by snapshot id and format, checked and compressed when they enter;
 * the least recently used leave first once their bytes pass the capacity.
 */
export function renderingCache(
  capacityBytes = RENDERINGS_CAPACITY_BYTES,
): LRUCache<string, PageVariants | Buffer> {
  return new LRUCache<string, PageVariants | Buffer>({
    maxSize: capacityBytes,
    sizeCalculation: (body) =>
      Math.max(1, Buffer.isBuffer(body) ? body.length : variantsSize(body)),
  });
}

/**
 * Public published pages as complete answers (status, headers, bytes per encoding), keyed by the
 * exact address a reader asked for. The HTTP server answers a GET of a known address from here
 * before Fastify routes it: no hooks, no session lookup, no logging, no serialisation. The route
 * fills it each time it answers an address, so what is sent here is what the route sent, with
 * the same security headers. A `?version=` address means one frozen snapshot and stays; the
 * newest revision's address is kept as briefly as the route keeps it, and any write answered
 * by this node forgets it at once.
 */
export class ReadyPages {
  private readonly pages: LRUCache<string, ReadyPage>;
  private closing = false;
  private observer: ((answered: ReadyAnswered) => void) | null = null;

  constructor(
    private readonly securityHeaders: Readonly<Record<string, string>>,
    capacityBytes = READY_PAGES_CAPACITY_BYTES,
  ) {
    this.pages = new LRUCache<string, ReadyPage>({
      maxSize: capacityBytes,
      sizeCalculation: (page) => Math.max(1, variantsSize(variantsOf(page))),
    });
  }

  remember(address: string, route: string, answer: PageAnswer, ttlMs?: number): void {
    const answers = {} as ReadyPage['answers'];
    for (const encoding of ['identity', 'gzip', 'br'] as const) {
      answers[encoding] = this.readyAnswer(answer, encoding);
    }
    this.pages.set(address, { route, answers }, ttlMs === undefined ? {} : { ttl: ttlMs });
  }

  /** Told of every answer sent from memory. */
  observe(observer: (answered: ReadyAnswered) => void): void {
    this.observer = observer;
  }

  /** A write committed here may have published a correction: every address is read again. */
  forgetAll(): void {
    this.pages.clear();
  }

  /** A stopping server answers through Fastify, which tells each client to close. */
  stopServing(): void {
    this.closing = true;
  }

  /** Answers the request when its address is known; false hands it on to Fastify. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.closing || request.method !== 'GET' || request.headers.authorization) return false;
    const page = this.pages.get(request.url ?? '');
    if (!page) return false;
    const startedAt = this.observer && process.hrtime.bigint();
    const ready = page.answers[preferredEncoding(request.headers['accept-encoding'])];
    const statusCode = request.headers['if-none-match'] === ready.etag ? 304 : 200;
    if (statusCode === 304) {
      response.writeHead(304, ready.notModified).end();
    } else {
      response.writeHead(200, ready.ok).end(ready.body);
    }
    if (startedAt) {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      this.observer?.({ route: page.route, statusCode, seconds });
    }
    return true;
  }

  private readyAnswer(answer: PageAnswer, encoding: PageEncoding): ReadyAnswer {
    const etag = encodedEtag(answer.headers.etag, encoding);
    const common = {
      ...this.securityHeaders,
      ...answer.headers,
      etag,
      vary: 'Accept-Encoding',
    };
    const body = answer.variants[encoding];
    return {
      etag,
      notModified: common,
      ok: {
        ...common,
        'content-type': answer.contentType,
        ...(encoding !== 'identity' && { 'content-encoding': encoding }),
        'content-length': String(body.length),
      },
      body,
    };
  }
}

function variantsOf({ answers }: ReadyPage): PageVariants {
  return { identity: answers.identity.body, gzip: answers.gzip.body, br: answers.br.body };
}
