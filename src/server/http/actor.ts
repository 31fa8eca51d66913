import type { EventGrant, TokenScope } from '../../core/access.ts';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.ts';

/** Who is making a request: the user behind a session or an API token, or the system itself. */
export interface Actor {
  userId: number | null;
  label: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  /** A session that may only enrol a second factor (the policy requires one and it has none). */
  mustEnrolSecondFactor?: boolean;
  requestId: string | null;
}

export const systemActor: Actor = {
  userId: null,
  label: 'system',
  isAdmin: true,
  mustChangePassword: false,
  requestId: null,
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { idHash: string; csrfToken: string } | null;
    eventGrants: EventGrant[];
    /** The scopes of the API token behind the request; null for a session. */
    tokenScopes: TokenScope[] | null;
    /** The id of that API token; null for a session. */
    apiTokenId: number | null;
    /** The event's change count as the guard read it; null outside an event's routes. */
    eventChangeCount: number | null;
  }
}

/**
 * The actor of a request that passed the guard. Every route but the public ones has one; asking
 * for it on a public route is a programming error that answers 401 rather than crashing.
 */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
