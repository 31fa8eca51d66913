// Typed client for the Lägesbild JSON API: cookies for the session, the CSRF token on every
// non-GET request, and one error type that carries the server's code, message and fields.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldError[],
    details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  /** The server's current record on a 409 conflict. */
  current<T>(): T | undefined {
    return this.details.current as T | undefined;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((candidate) => candidate.field === field)?.message;
  }
}

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session ended. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  query?: Query,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', '', [], {});
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const payload = (data ?? {}) as { error?: string; message?: string; details?: unknown };
    const details = (
      payload.details && typeof payload.details === 'object' ? payload.details : {}
    ) as Record<string, unknown>;
    const fields: FieldError[] = Array.isArray(details.fields)
      ? (details.fields as FieldError[])
      : typeof details.field === 'string'
        ? [{ field: details.field, message: payload.message ?? '' }]
        : [];
    const error = new ApiError(
      response.status,
      payload.error ?? 'http_' + response.status,
      payload.message ?? response.statusText,
      fields,
      details,
    );
    if (response.status === 401 && !path.startsWith('/api/auth/login')) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  return data as T;
}

// ---- Shapes the server answers (see src/server/*/routes.ts and schemas.ts) ----

import type {
  AreaKey,
  Completeness,
  InputRequest,
  Situation,
  SituationInput,
} from '../contract/situations.ts';
export type {
  AreaKey,
  Areas,
  Completeness,
  InputRequest,
  KeyFigureValue,
  Prognosis,
  Situation,
  SituationInput,
  SituationState,
  StatusColor,
} from '../contract/situations.ts';
export type { ReadinessLevel } from '../contract/readiness.ts';
export const areaKeys = [
  'accessToCare',
  'patientSafety',
  'staff',
  'itProgramme',
  'communication',
] as const satisfies readonly AreaKey[];

import type { Page } from '../contract/list.ts';
import type { Provenance } from '../contract/common.ts';
import type { User } from '../contract/users.ts';
import type { LoginOptions } from '../contract/sso.ts';
import type { Session } from '../contract/auth.ts';
import type { Event as EventItem } from '../contract/events.ts';
import type { ChecklistItem } from '../contract/closing.ts';
import type { Facility, Unit } from '../contract/units.ts';
import type { ReadinessOverview as Readiness, ReadinessState } from '../contract/readiness.ts';
export type {
  ChecklistItem,
  EventItem,
  Facility,
  LoginOptions,
  Page,
  Provenance,
  Readiness,
  ReadinessState,
  Session,
  Unit,
  User,
};

export type { Figure, PlaceValue, Series, SeriesBucket } from '../contract/figures.ts';
import type { Figure, Series } from '../contract/figures.ts';

export type {
  DiversionBoard,
  DiversionBoardItem,
  DiversionCategory,
} from '../contract/diversions.ts';
import type { DiversionBoard } from '../contract/diversions.ts';

import type { Action, ActionSummary } from '../contract/actions.ts';
import type { Decision } from '../contract/decisions.ts';
import type { LogEntry } from '../contract/log.ts';

export type { Action, ActionSummary, Decision, LogEntry };

export type { LiveChange as Change } from '../contract/live.ts';

// ---- Endpoints ----

const ev = (eventId: number) => `/api/events/${eventId}`;

export const api = {
  login: (email: string, password: string) =>
    request<Session>('POST', '/api/auth/login', { email, password }),
  me: () => request<Session>('GET', '/api/auth/me'),
  loginOptions: () => request<LoginOptions>('GET', '/api/auth/options'),
  /** After a sign-on session, `redirectTo` ends the session at the region's provider too. */
  logout: () => request<{ redirectTo: string } | undefined>('POST', '/api/auth/logout', {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<Session>('POST', '/api/auth/password', { currentPassword, newPassword }),

  events: () => request<{ items: EventItem[] }>('GET', '/api/events'),
  event: (eventId: number) => request<EventItem>('GET', ev(eventId)),
  createEvent: (input: { name: string; description: string; isExercise: boolean }) =>
    request<EventItem>('POST', '/api/events', input),
  closeEvent: (
    eventId: number,
    input: { version: number; closedAt?: string; override: boolean; reason: string },
  ) => request<EventItem>('POST', `${ev(eventId)}/close`, input),
  reopenEvent: (eventId: number, version: number, reason: string) =>
    request<EventItem>('POST', `${ev(eventId)}/reopen`, { version, reason }),
  closingChecklist: (eventId: number) =>
    request<{ items: ChecklistItem[]; ready: boolean }>('GET', `${ev(eventId)}/closing-checklist`),

  units: () => request<{ items: Unit[] }>('GET', '/api/units'),
  myGrants: (eventId: number) =>
    request<{ roles: string[]; unitIds: number[]; permissions: string[] }>(
      'GET',
      `/api/events/${eventId}/grants/me`,
    ),
  facilities: () => request<{ items: Facility[] }>('GET', '/api/facilities'),

  readiness: (eventId: number) => request<Readiness>('GET', `${ev(eventId)}/readiness`),
  completeness: (eventId: number, period?: string) =>
    request<Completeness>('GET', `${ev(eventId)}/completeness`, undefined, { period }),
  inputRequests: (eventId: number) =>
    request<Page<InputRequest>>('GET', `${ev(eventId)}/input-requests`, undefined, {
      limit: 20,
    }),
  situations: (eventId: number, query: Query = {}) =>
    request<Page<Situation>>('GET', `${ev(eventId)}/situations`, undefined, {
      limit: 200,
      ...query,
    }),
  latestSituations: (eventId: number, period?: string) =>
    request<{ items: Situation[] }>('GET', `${ev(eventId)}/situations/latest`, undefined, {
      period,
    }),
  prefill: (eventId: number, unitId: number, period: string) =>
    request<{ situation: Situation | null }>(
      'GET',
      `${ev(eventId)}/units/${unitId}/situations/${period}/prefill`,
    ),
  saveSituation: (eventId: number, unitId: number, period: string, input: SituationInput) =>
    request<Situation>('PUT', `${ev(eventId)}/units/${unitId}/situations/${period}`, input),
  submitSituation: (eventId: number, unitId: number, period: string, version: number) =>
    request<Situation>('POST', `${ev(eventId)}/units/${unitId}/situations/${period}/submit`, {
      version,
    }),

  figures: (eventId: number) => request<Page<Figure>>('GET', `${ev(eventId)}/figures`),
  series: (eventId: number, figureId: number) =>
    request<Series>('GET', `${ev(eventId)}/figures/${figureId}/series`, undefined, {
      granularity: 'week',
    }),
  diversionBoard: (eventId: number) =>
    request<DiversionBoard>('GET', `${ev(eventId)}/diversions/board`),
  decisions: (eventId: number, limit = 5) =>
    request<Page<Decision>>('GET', `${ev(eventId)}/decisions`, undefined, { limit }),
  actionSummary: (eventId: number) =>
    request<ActionSummary>('GET', `${ev(eventId)}/actions/summary`),
  log: (eventId: number, limit = 6) =>
    request<Page<LogEntry>>('GET', `${ev(eventId)}/log`, undefined, { limit }),

  streamUrl: (eventId: number) => `${ev(eventId)}/stream`,
};
