import type { ServerResponse } from 'node:http';
import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { eventIdParams } from '../events/schemas.ts';
import { isCommittedWrite } from '../http/guard.ts';
import { type Change, ChangeFeed } from './feed.ts';

const heartbeatMs = 25_000;

const plugin: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
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
      schema: { tags: ['live'], params: eventIdParams },
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
      const unsubscribe = await feed.subscribe(eventId, (change) => sendChange(response, change));
      if (Number.isInteger(lastEventId) && lastEventId > 0) {
        const missed = await feed.changesSince(eventId, lastEventId);
        if (missed === null) response.write('event: reload\ndata: {}\n\n');
        else for (const change of missed) sendChange(response, change);
      }
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const cleanUp = () => {
        clearInterval(heartbeat);
        openStreams.delete(response);
        unsubscribe();
      };
      openStreams.set(response, cleanUp);
      request.raw.on('close', cleanUp);
    },
  );
};

/** The live stream; registered without encapsulation so that every write route pokes the feed. */
export const liveRoutes = fastifyPlugin(plugin, { name: 'lagesbild-live' });

const formatted = new WeakMap<Change, string>();

/** Every subscriber receives the same change object, so its text is built once for all of them. */
function sendChange(response: ServerResponse, change: Change): void {
  let text = formatted.get(change);
  if (text === undefined) {
    const { sequence, kind, id, action, version, at } = change;
    text = `id: ${sequence}\nevent: change\ndata: ${JSON.stringify({ kind, id, action, version, at })}\n\n`;
    formatted.set(change, text);
  }
  response.write(text);
}
