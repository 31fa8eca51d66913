import type { Role } from '../../src/core/access.ts';
import type { Client, TestApp } from '../support/app.ts';

/**
 * Who may call a route. Event routes list the roles allowed event-wide; `ownUnitRoles` are
 * allowed only when the route's unit is one of their own. `scraper`: only the metrics scraper's
 * own token, which no user holds.
 */
export type Who =
  'anyone' | 'signed_in' | 'system_admin' | 'scraper' | { roles: Role[]; ownUnitRoles?: Role[] };

export interface AuditContext {
  t: TestApp;
  as(email: string): Promise<Client>;
  unitId(code: string): Promise<number>;
  facilityId(code: string): Promise<number>;
  userId(email: string): Promise<number>;
}

/** A request that must succeed (2xx) and leave at least one new audit record. */
export interface WriteRequest {
  client: Client;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

export interface RouteCase {
  who: Who;
  /** A server-sent-events stream: it never ends when allowed, so only its refusals are awaited. */
  streaming?: true;
  /** Required for every write route: how to make one valid write. */
  write?: (context: AuditContext) => Promise<WriteRequest>;
}

/** Keyed by "METHOD /url" exactly as the route is declared. */
export type RouteCases = Record<string, RouteCase>;

export const allRoles: Role[] = [
  'admin',
  'staff',
  'unit_reporter',
  'communicator',
  'approver',
  'reader',
  'designer',
];
