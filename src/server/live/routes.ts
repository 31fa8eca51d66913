import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { eventIdParams } from '../../contract/events.ts';
import { type LiveChange, eventStream } from '../../contract/live.ts';
import { type EventGrant, isAllowed } from '../../core/access.ts';
import type { SessionPolicy } from '../auth/service.ts';
import { currentEventGrants, isCommittedWrite, sessionCookie } from '../http/guard.ts';
import { type SituationViewer, viewerOf } from '../situations/service.ts';
import { type Change, ChangeFeed } from './feed.ts';
import { mayReceive } from './visibility.ts';

const heartbeatMs = 25_000;

/** Longest a stream goes on the caller's word without asking the database again. */
const recheckMs = 5_000;

const plugin: FastifyPluginAsyncZod<{ database: Database; policy: SessionPolicy }> = async (
  app,
  { database, policy },
) => {
  const feed = new ChangeFeed(database);
  const checks = new AccessChecks(feed);
  // A write answered by this node has committed: its subscribers need not wait for the next poll.
  app.addHook('onResponse', async (request, reply) => {
    if (isCommittedWrite(request, reply)) feed.poke();
  });
  const openStreams = new Map<ServerResponse, () => void>();
  // Streams never end on their own; closing them first lets the server shut down promptly.
  app.addHook('preClose', async () => {
    feed.stop();
    for (const [response, cleanUp] of openStreams) {
      cleanUp();
      response.end();
    }
  });

  app.get(
    '/api/events/:eventId/stream',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: { tags: ['live'], params: eventIdParams, response: { 200: eventStream } },
    },
    async (request, reply) => {
      const eventId = request.params.eventId;
      const lastEventId = Number(request.headers['last-event-id']);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write('retry: 2000\n\n');
      const access = new StreamAccess(feed, request.eventGrants, () =>
        checks.grantsNow(request, () => currentEventGrants(request, database.db, policy)),
      );
      let unsubscribe: (() => void) | null = null;
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const cleanUp = () => {
        clearInterval(heartbeat);
        openStreams.delete(response);
        unsubscribe?.();
      };
      const deliver = (change: Change, viewer: SituationViewer | null) => {
        if (response.writableEnded) return;
        if (!viewer) {
          cleanUp();
          response.end();
        } else if (mayReceive(change, viewer)) {
          sendChange(response, change);
        }
      };
      // While the caller's access is known to hold, a change is written at once; otherwise it
      // waits for the check, and so does every change after it, to keep their order.
      let waiting = 0;
      let checked = Promise.resolve();
      const send = (change: Change) => {
        const viewer = waiting === 0 ? access.viewerIfFresh() : undefined;
        if (viewer !== undefined) {
          deliver(change, viewer);
          return;
        }
        waiting += 1;
        checked = checked.then(async () => {
          try {
            deliver(change, await access.viewer());
          } finally {
            waiting -= 1;
          }
        });
      };
      unsubscribe = await feed.subscribe(eventId, send);
      if (Number.isInteger(lastEventId) && lastEventId > 0) {
        const missed = await feed.changesSince(eventId, lastEventId);
        if (missed === null) response.write('event: reload\ndata: {}\n\n');
        else for (const change of missed) send(change);
      }
      openStreams.set(response, cleanUp);
      request.raw.on('close', cleanUp);
    },
  );
};

/**
 * What an open stream's caller may read, checked again through their session or API token
 * before a change is sent when records that may change access (a sign-out, a disabled user, a
 * withdrawn grant…) were seen since the last check, or when that is older than `recheckMs`.
 */
class StreamAccess {
  private current: SituationViewer | null;
  private checkedAt = Date.now();
  private checkedAtCount: number;

  constructor(
    private readonly feed: ChangeFeed,
    grants: EventGrant[],
    private readonly grantsNow: () => Answer,
  ) {
    this.current = viewerOf(grants);
    this.checkedAtCount = feed.accessChangeCount;
  }

  /** The caller's viewer while the last check still holds, without asking; else undefined. */
  viewerIfFresh(): SituationViewer | undefined {
    const unchanged = this.feed.accessChangeCount === this.checkedAtCount;
    const recent = Date.now() - this.checkedAt < recheckMs;
    return this.current && unchanged && recent ? this.current : undefined;
  }

  /** Null once the caller may no longer read the event's picture. */
  async viewer(): Promise<SituationViewer | null> {
    const fresh = this.viewerIfFresh();
    if (fresh) return fresh;
    const count = this.feed.accessChangeCount;
    const answer = this.grantsNow();
    const grants = await answer.grants.catch(() => null);
    this.current = grants && isAllowed(grants, 'picture.read') ? viewerOf(grants) : null;
    // The answer may have been read for another stream of the caller's: it is as old as that.
    this.checkedAt = answer.at;
    this.checkedAtCount = count;
    return this.current;
  }
}

/**
 * The database's answer to "what may this caller read now", shared by the streams of one
 * caller (the same session or API token) on one event while it is fresh: younger than
 * `recheckMs` and with no access change seen since. A change then reaches many streams of one
 * caller with one query instead of one per stream; each answer is as fresh as a stream's own.
 */
class AccessChecks {
  private readonly answers = new Map<string, Answer & { count: number }>();

  constructor(private readonly feed: ChangeFeed) {}

  grantsNow(request: FastifyRequest, ask: () => Grants): Answer {
    const key = callerKey(request);
    const count = this.feed.accessChangeCount;
    const known = this.answers.get(key);
    if (known && known.count === count && Date.now() - known.at < recheckMs) return known;
    const answer = { at: Date.now(), count, grants: ask() };
    this.answers.set(key, answer);
    const forget = () => {
      if (this.answers.get(key) === answer) this.answers.delete(key);
    };
    // A failed read is not shared: the next stream asks the database again.
    answer.grants.catch(forget);
    setTimeout(forget, recheckMs).unref();
    return answer;
  }
}

type Grants = Promise<EventGrant[] | null>;

/** The grants as read from the database at `at`. */
interface Answer {
  at: number;
  grants: Grants;
}

/** The caller's credentials and event, hashed: the key keeps no session secret in memory. */
function callerKey(request: FastifyRequest): string {
  const credentials = [
    request.headers.authorization ?? '',
    request.cookies[sessionCookie] ?? '',
    (request.params as { eventId?: unknown }).eventId,
  ].join('\n');
  return createHash('sha256').update(credentials).digest('base64url');
}

/** The live stream; registered without encapsulation so that every write route pokes the feed. */
export const liveRoutes = fastifyPlugin(plugin, { name: 'lagesbild-live' });

const formatted = new WeakMap<Change, Buffer>();

/**
 * Every subscriber receives the same change object, so its message is serialised and encoded
 * once, and the same bytes are written to every stream.
 */
function sendChange(response: ServerResponse, change: Change): void {
  let message = formatted.get(change);
  if (message === undefined) {
    const { sequence, kind, id, action, version, at } = change;
    const data: LiveChange = { kind, id, action, version, at };
    message = Buffer.from(`id: ${sequence}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
    formatted.set(change, message);
  }
  response.write(message);
}
