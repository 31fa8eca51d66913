import type { ServerResponse } from 'node:http';
import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { eventIdParams } from '../../contract/events.ts';
import { type LiveChange, eventStream } from '../../contract/live.ts';
import { type EventGrant, isAllowed } from '../../core/access.ts';
import type { SessionPolicy } from '../auth/service.ts';
import { currentEventGrants, isCommittedWrite } from '../http/guard.ts';
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
        currentEventGrants(request, database.db, policy),
      );
      let unsubscribe: (() => void) | null = null;
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const cleanUp = () => {
        clearInterval(heartbeat);
        openStreams.delete(response);
        unsubscribe?.();
      };
      let delivered = Promise.resolve();
      const send = (change: Change) => {
        delivered = delivered.then(async () => {
          if (response.writableEnded) return;
          const viewer = await access.viewer();
          if (!viewer) {
            cleanUp();
            response.end();
          } else if (mayReceive(change, viewer)) {
            sendChange(response, change);
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
    private readonly grantsNow: () => Promise<EventGrant[] | null>,
  ) {
    this.current = viewerOf(grants);
    this.checkedAtCount = feed.accessChangeCount;
  }

  /** Null once the caller may no longer read the event's picture. */
  async viewer(): Promise<SituationViewer | null> {
    const count = this.feed.accessChangeCount;
    if (this.current && count === this.checkedAtCount && Date.now() - this.checkedAt < recheckMs) {
      return this.current;
    }
    const grants = await this.grantsNow().catch(() => null);
    this.current = grants && isAllowed(grants, 'picture.read') ? viewerOf(grants) : null;
    this.checkedAt = Date.now();
    this.checkedAtCount = count;
    return this.current;
  }
}

/** The live stream; registered without encapsulation so that every write route pokes the feed. */
export const liveRoutes = fastifyPlugin(plugin, { name: 'lagesbild-live' });

const formatted = new WeakMap<Change, string>();

/** Every subscriber receives the same change object, so its text is built once for all of them. */
function sendChange(response: ServerResponse, change: Change): void {
  let text = formatted.get(change);
  if (text === undefined) {
    const { sequence, kind, id, action, version, at } = change;
    const data: LiveChange = { kind, id, action, version, at };
    text = `id: ${sequence}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`;
    formatted.set(change, text);
  }
  response.write(text);
}
