import { setTimeout as sleep } from 'node:timers/promises';
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

/** Bytes the shared answers may hold; the least recently used leave first. */
export const ANSWERS_CAPACITY_BYTES = 16 * 1024 * 1024;

/**
 * The shared answers by key. An answer counts two bytes a character: V8 keeps a string with any
 * character beyond Latin-1 (Swedish text often has one) at two bytes each.
 */
export function answerStore(capacityBytes = ANSWERS_CAPACITY_BYTES): LRUCache<string, string> {
  return new LRUCache<string, string>({
    maxSize: capacityBytes,
    sizeCalculation: (answer) => Math.max(1, answer.length * 2),
    ttl: answerTtlMs,
  });
}

/**
 * Every viewer of a live dashboard asks the same questions again after each change. A route that
 * declares `sharedAnswer` has its serialised answer kept under the event's change count, which
 * every audited write counts up in its own transaction (see the audit migration
 * `20261123T1800_event_change_count`): a change committed through any node makes the next request
 * read afresh, and between changes the answer is worked out once.
 */
export function installResponseCache(app: FastifyInstance): void {
  const answers = answerStore();
  const inFlight = new Map<string, Promise<string | undefined>>();
  const leaders = new WeakMap<FastifyRequest, (answer: string | undefined) => void>();

  const lead = (request: FastifyRequest, key: string) => {
    let settle!: (answer: string | undefined) => void;
    inFlight.set(key, new Promise((resolve) => (settle = resolve)));
    leaders.set(request, (answer) => {
      leaders.delete(request);
      inFlight.delete(key);
      if (answer !== undefined) answers.set(key, answer);
      settle(answer);
    });
  };

  app.addHook('preHandler', async (request, reply) => {
    const key = answerKey(request);
    if (key === null) return;
    // Requests that arrive while the answer is being worked out wait for it rather than each
    // working it out again (after every change, and every time an answer expires).
    const pending = inFlight.get(key);
    const answer = answers.get(key) ?? (pending && (await withinWaitLimit(pending)));
    if (answer !== undefined) return reply.type('application/json; charset=utf-8').send(answer);
    if (!inFlight.has(key)) lead(request, key);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const ok = reply.statusCode === 200 && typeof payload === 'string';
    leaders.get(request)?.(ok ? payload : undefined);
    return payload;
  });
  app.addHook('onResponse', async (request) => leaders.get(request)?.(undefined));
  app.addHook('onRequestAbort', async (request) => leaders.get(request)?.(undefined));
}

const waitLimitMs = 5_000;

/** A waiter that has waited this long works the answer out itself. */
function withinWaitLimit(pending: Promise<string | undefined>): Promise<string | undefined> {
  const stop = new AbortController();
  const limit = sleep(waitLimitMs, undefined, { signal: stop.signal, ref: false }).catch(
    () => undefined,
  );
  return Promise.race([pending, limit]).finally(() => stop.abort());
}

function answerKey(request: FastifyRequest): string | null {
  if (!request.routeOptions.config.sharedAnswer || request.method !== 'GET') return null;
  if (request.eventChangeCount === null) return null;
  const audience = canReadInternal(request) ? 'internal' : 'public';
  return `${audience} ${request.eventChangeCount} ${request.url}`;
}
