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

export type StatusColor = 'green' | 'yellow' | 'red';
export type Prognosis = 'improving' | 'unchanged' | 'worsening';
export type SituationState = 'draft' | 'submitted' | 'returned' | 'accepted';
export type { ReadinessLevel } from '../contract/readiness.ts';
export const areaKeys = [
  'accessToCare',
  'patientSafety',
  'staff',
  'itProgramme',
  'communication',
] as const;
export type AreaKey = (typeof areaKeys)[number];

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

export interface Completeness {
  period: string | null;
  deadline: string | null;
  expected: number;
  reported: number;
  units: {
    unitId: number;
    code: string;
    name: string;
    state: SituationState | 'missing';
    late: boolean;
    submittedAt: string | null;
  }[];
}

export interface KeyFigureValue {
  name: string;
  value: number;
  unit: string;
}

export type Areas = Record<AreaKey, StatusColor | null>;

export interface Situation {
  id: number;
  eventId: number;
  unit: { id: number; code: string; name: string };
  period: string;
  state: SituationState;
  overallStatus: StatusColor | null;
  areas: Areas;
  prognosis: Prognosis | null;
  bullets: string;
  keyFigures: KeyFigureValue[];
  internal: boolean;
  returnComment: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  provenance: Provenance;
  version: number;
}

export interface SituationInput {
  version?: number;
  overallStatus: StatusColor | null;
  areas: Areas;
  prognosis: Prognosis | null;
  bullets: string;
  keyFigures: KeyFigureValue[];
  internal: boolean;
}

export interface InputRequest {
  id: number;
  period: string;
  deadline: string;
  units: { unitId: number; code: string; name: string; remindedAt: string | null }[];
  version: number;
}

export interface Figure {
  id: number;
  key: string;
  name: string;
  unitOfMeasure: string;
  higherIsWorse: boolean;
  yellowThreshold: number | null;
  redThreshold: number | null;
  internal: boolean;
  version: number;
}

/** One place's latest value in a period; name is null for the region as a whole. */
export interface PlaceValue {
  place: string;
  name: string | null;
  value: number;
  observedAt: string;
  status: StatusColor | null;
}

/**
 * A period of a figure: each place's latest value, and the figure's value (the sum of those for
 * a count, one place's value as it is), null when the places' values do not add up.
 */
export interface SeriesBucket {
  period: string;
  start: string;
  end: string;
  count: number;
  places: PlaceValue[];
  value: number | null;
  status: StatusColor | null;
  change: number | null;
}

export interface Series {
  figure: Figure;
  granularity: 'week' | 'day';
  buckets: SeriesBucket[];
  change: number | null;
}

export type DiversionCategory = 'walk_in' | 'ambulance' | 'secondary_transport';

export interface DiversionBoardItem {
  facilityId: number;
  facilityCode: string;
  facilityName: string;
  unitId: number;
  diverting: boolean;
  categories: DiversionCategory[];
  since: string | null;
  redirectedTo: string[];
}

export interface DiversionBoard {
  at: string;
  items: DiversionBoardItem[];
}

export interface Decision {
  id: number;
  decidedAt: string;
  forum: string;
  mandate: string;
  text: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  internal: boolean;
  version: number;
}

export interface Action {
  id: number;
  text: string;
  owner: { name: string | null; unitId: number | null };
  dueAt: string | null;
  state: string;
  overdue: boolean;
  decisionId: number | null;
  internal: boolean;
  version: number;
}

export interface ActionSummary {
  open: number;
  overdue: number;
  next: Action[];
}

export interface LogEntry {
  id: number;
  occurredAt: string;
  text: string;
  source: string;
  significant: boolean;
  internal: boolean;
  struck: unknown;
  version: number;
}

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
