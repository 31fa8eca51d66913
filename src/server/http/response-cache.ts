import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { canReadInternal } from './guard.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer depends only on the event's data, the address and whether the caller may read
     * internal items (not on who asks, nor on their units): it can be shared between callers.
     */
    sharedAnswer?: boolean;
  }
}

/**
 * Longest an answer is reused while the event is unchanged: some answers also depend on the
 * clock (overdue actions, diversions in force, late reports).
 */
const answerTtlMs = 2_000;
const answersCapacityChars = 32 * 1024 * 1024;

/**
 * Every viewer of a live dashboard asks the same questions again after each change. A route that
 * declares `sharedAnswer` has its serialised answer kept under the event's change count, which
 * every audited write counts up in its own transaction (see the audit migration
 * `20261123T1800_event_change_count`): a change committed through any node makes the next request
 * read afresh, and between changes the answer is worked out once.
 */
export function installResponseCache(app: FastifyInstance): void {
  const answers = new LRUCache<string, string>({
    maxSize: answersCapacityChars,
    sizeCalculation: (answer) => Math.max(1, answer.length),
    ttl: answerTtlMs,
  });
  app.addHook('preHandler', async (request, reply) => {
    const key = answerKey(request);
    const answer = key === null ? undefined : answers.get(key);
    if (answer === undefined) return;
    return reply.type('application/json; charset=utf-8').send(answer);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const key = answerKey(request);
    if (key !== null && reply.statusCode === 200 && typeof payload === 'string') {
      if (!answers.has(key)) answers.set(key, payload);
    }
    return payload;
  });
}

function answerKey(request: FastifyRequest): string | null {
  if (!request.routeOptions.config.sharedAnswer || request.method !== 'GET') return null;
  if (request.eventChangeCount === null) return null;
  const audience = canReadInternal(request) ? 'internal' : 'public';
  return `${audience} ${request.eventChangeCount} ${request.url}`;
}
