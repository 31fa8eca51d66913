import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type EventGrant,
  type Permission,
  type TokenScope,
  isAllowed,
  scopesCover,
} from '../../core/access.ts';
import { findEventWithGrants } from '../access/repository.ts';
import {
  type SessionPolicy,
  actorFromUser,
  resolveApiToken,
  resolveSession,
} from '../auth/service.ts';
import type { EventAccess } from '../auth/repository.ts';
import type { Actor } from './actor.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { UserRow } from '../users/repository.ts';

/** What a route demands of the caller. Every route declares one; a route without one cannot start. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed_in'; duringPasswordChange?: boolean; duringEnrolment?: boolean }
  | { kind: 'system_admin' }
  /**
   * A scraper: the bearer token whose SHA-256 is `tokenSha256`, checked without the database so
   * that the route answers while the database is down; `open` lets anyone in. No session or API
   * token counts here.
   */
  | { kind: 'scraper'; tokenSha256: Buffer | null; open: boolean }
  | {
      kind: 'event';
      permission: Permission;
      unitParam?: string;
      onClosedEvent?: boolean;
      /** The scope an API token needs for this route (or `*`), instead of the permission's. */
      tokenScope?: TokenScope;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    csrf?: boolean;
  }
}

export const sessionCookie = 'lagesbild_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** Whether its answer is shared between callers (src/server/http/response-cache.ts). */
  sharedAnswer: boolean;
  /** Whether it declares the shape of its answer (`schema.response`, from src/contract/). */
  declaresResponse: boolean;
}

const declaredRoutesByApp = new WeakMap<object, DeclaredRoute[]>();

/** Every route of the app with its access rule: the source of the authorisation matrix test. */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return declaredRoutesByApp.get(app.server) ?? [];
}

export function installGuard(app: FastifyInstance, db: Db, policy: SessionPolicy): void {
  const routes: DeclaredRoute[] = [];
  declaredRoutesByApp.set(app.server, routes);

  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('eventGrants');
  app.decorateRequest('tokenScopes', null);
  app.decorateRequest('apiTokenId', null);
  app.decorateRequest('eventChangeCount', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs'))
      route.config = { ...route.config, access: { kind: 'public' } };
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      const sharedAnswer = route.config?.sharedAnswer === true;
      const declaresResponse = route.schema?.response !== undefined;
      if (method !== 'HEAD')
        routes.push({ method, url: route.url, access, sharedAnswer, declaresResponse });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.eventGrants = [];
    if (request.routeOptions.config.access?.kind === 'scraper') return;
    await authenticate(request, db, policy);
  });

  // Before the body is read, so that nobody unauthorised can make the server take in an upload.
  app.addHook('preParsing', async (request, _reply, payload) => {
    await authorize(request, db);
    return payload;
  });
}

async function authorize(request: FastifyRequest, db: Db): Promise<void> {
  const access = request.routeOptions.config.access;
  if (!access || access.kind === 'public') return;
  if (access.kind === 'scraper') return admitScraper(request, access);
  const actor = request.actor;
  if (!actor) throw errors.unauthenticated();
  if (
    request.session &&
    unsafeMethods.has(request.method) &&
    request.routeOptions.config.csrf !== false
  ) {
    if (request.headers['x-csrf-token'] !== request.session.csrfToken) throw errors.csrfFailed();
  }
  if (actor.mustChangePassword && !(access.kind === 'signed_in' && access.duringPasswordChange)) {
    throw errors.passwordChangeRequired();
  }
  if (actor.mustEnrolSecondFactor && !(access.kind === 'signed_in' && access.duringEnrolment)) {
    throw errors.secondFactorEnrolmentRequired();
  }
  refuseUncoveredToken(request.tokenScopes, access);
  if (access.kind === 'system_admin' && !actor.isAdmin) throw errors.forbidden('system.admin');
  if (access.kind === 'event') await authorizeInEvent(request, db, actor, access);
}

function bearerOf(request: FastifyRequest): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
}

function admitScraper(
  request: FastifyRequest,
  access: Extract<RouteAccess, { kind: 'scraper' }>,
): void {
  if (access.open) return;
  const bearer = bearerOf(request);
  const presented = bearer ? createHash('sha256').update(bearer).digest() : null;
  if (!presented || !access.tokenSha256 || !timingSafeEqual(presented, access.tokenSha256)) {
    throw errors.unauthenticated();
  }
}

async function authenticate(request: FastifyRequest, db: Db, policy: SessionPolicy): Promise<void> {
  const bearer = bearerOf(request);
  if (bearer) {
    const resolved = await resolveApiToken(db, bearer);
    if (!resolved) throw errors.unauthenticated();
    request.actor = actorFromUser(resolved.user, request.id);
    request.tokenScopes = resolved.scopes;
    request.apiTokenId = resolved.tokenId;
    return;
  }
  const cookie = request.cookies[sessionCookie];
  if (!cookie) return;
  const session = await resolveSession(db, cookie, policy, eventIdOf(request) ?? undefined);
  if (!session) return;
  request.actor = {
    ...actorFromUser(session.user, request.id),
    mustEnrolSecondFactor: session.enrolmentOnly,
  };
  request.session = { idHash: session.idHash, csrfToken: session.csrfToken };
  if (session.eventAccess !== undefined) eventAccessRead.set(request, session.eventAccess);
}

/**
 * For an answer that lasts (a live stream): the caller's grants in the route's event as they are
 * now, read again through the request's session or API token; null once the session has ended,
 * the token is revoked, the user is disabled or no grant is left.
 */
export async function currentEventGrants(
  request: FastifyRequest,
  db: Db,
  policy: SessionPolicy,
): Promise<EventGrant[] | null> {
  const eventId = eventIdOf(request);
  const user = eventId === null ? null : await currentUser(request, db, policy);
  if (!user) return null;
  if (user.is_admin === 1) return [{ role: 'admin', unitId: null }];
  const grants = (await findEventWithGrants(db, eventId!, user.id))?.grants ?? [];
  return grants.length > 0 ? grants : null;
}

async function currentUser(
  request: FastifyRequest,
  db: Db,
  policy: SessionPolicy,
): Promise<UserRow | null> {
  const bearer = bearerOf(request);
  if (bearer) return (await resolveApiToken(db, bearer))?.user ?? null;
  const cookie = request.cookies[sessionCookie];
  return cookie ? ((await resolveSession(db, cookie, policy))?.user ?? null) : null;
}

/** What the session's query already read of the event the route names, for the access check. */
const eventAccessRead = new WeakMap<FastifyRequest, EventAccess | null>();

/** The event an event route names; null on other routes and for an id that cannot be one. */
function eventIdOf(request: FastifyRequest): number | null {
  if (request.routeOptions.config.access?.kind !== 'event') return null;
  return positiveInteger((request.params as Record<string, string>).eventId);
}

function refuseUncoveredToken(scopes: TokenScope[] | null, access: RouteAccess): void {
  if (scopes === null) return;
  const covered =
    access.kind === 'event' && access.tokenScope
      ? scopes.includes('*') || scopes.includes(access.tokenScope)
      : scopesCover(scopes, access.kind === 'event' ? access.permission : null);
  if (!covered) throw errors.tokenScopeMissing(scopes);
}

async function authorizeInEvent(
  request: FastifyRequest,
  db: Db,
  actor: Actor,
  access: Extract<RouteAccess, { kind: 'event' }>,
): Promise<void> {
  if (actor.userId === null) throw errors.unauthenticated();
  const found = await eventAccessOf(request, db, actor.userId);
  if (!found) throw errors.notFound('Händelsen');
  const { event } = found;
  request.eventChangeCount = event.change_count;
  request.eventGrants = actor.isAdmin ? [{ role: 'admin', unitId: null }] : found.grants;
  if (request.eventGrants.length === 0) throw errors.notFound('Händelsen');
  const unitId = access.unitParam
    ? positiveInteger((request.params as Record<string, string>)[access.unitParam])
    : null;
  if (!isAllowed(request.eventGrants, access.permission, unitId ?? undefined)) {
    throw errors.forbidden(access.permission);
  }
  if (event.state === 'closed' && unsafeMethods.has(request.method) && !access.onClosedEvent) {
    throw errors.eventClosed();
  }
}

async function eventAccessOf(
  request: FastifyRequest,
  db: Db,
  userId: number,
): Promise<EventAccess | null> {
  const read = eventAccessRead.get(request);
  if (read !== undefined) return read;
  const eventId = eventIdOf(request);
  return eventId === null ? null : ((await findEventWithGrants(db, eventId, userId)) ?? null);
}

/** A write this node answered without an error: it has committed. */
export function isCommittedWrite(request: FastifyRequest, reply: FastifyReply): boolean {
  return unsafeMethods.has(request.method) && reply.statusCode < 400;
}

/** Readers see only items classified as public; every other role also sees internal ones. */
export function canReadInternal(request: FastifyRequest): boolean {
  return isAllowed(request.eventGrants, 'internal.read');
}

export function positiveInteger(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9]\d{0,9}$/.test(value)) return null;
  return Number(value);
}
