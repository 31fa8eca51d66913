// The HTTP plumbing of the Lägesbild JSON API: cookies for the session, the CSRF token on every
// non-GET request, and one error type that carries the server's code, message and fields. The
// endpoints live in one typed client per capability in `clients/`.

import type { Page } from '../contract/list.ts';

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

  /**
   * A 409 `conflict` with the server's current record: someone changed it since it was read, so
   * the screen shows their version beside the user's. A 409 `wrong_state` (already reached,
   * published, ended…) is not stale: the screen shows the server's message.
   */
  get stale(): boolean {
    return this.status === 409 && this.code === 'conflict' && this.details.current !== undefined;
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

export type Query = Record<string, string | number | undefined>;

/** A request body the form kit builds from its fields; the server's schema validates it. */
export type Body = Record<string, unknown>;

/** The path of an event's routes: `/api/events/3`. */
export const eventPath = (eventId: number) => `/api/events/${eventId}`;

/** Where a list downloads as CSV with the same filters, e.g. `log` or `figures/3/observations`. */
export const csvUrl = (eventId: number, list: string, query: Query = {}) =>
  withQuery(`${eventPath(eventId)}/${list}.csv`, query);

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The most a list endpoint answers in one page (`listQuery` in src/contract/list.ts). */
const largestPage = 500;

/** Every item of a list endpoint, read page by page: nothing is cut silently. */
export async function allPages<T>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetchPage({ limit: largestPage, offset: items.length });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/** The server's `{ error, message, details }` as an ApiError. */
function apiErrorOf(status: number, statusText: string, data: unknown): ApiError {
  const payload = (data ?? {}) as { error?: string; message?: string; details?: unknown };
  const details = (
    payload.details && typeof payload.details === 'object' ? payload.details : {}
  ) as Record<string, unknown>;
  const fields: FieldError[] = Array.isArray(details.fields)
    ? (details.fields as FieldError[])
    : typeof details.field === 'string'
      ? [{ field: details.field, message: payload.message ?? '' }]
      : [];
  return new ApiError(
    status,
    payload.error ?? 'http_' + status,
    payload.message ?? statusText,
    fields,
    details,
  );
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Sends a file's bytes as the body (the server reads its kind from them), reporting progress as
 * a fraction from 0 to 1; fetch cannot tell how much of a body has gone.
 */
export function upload<T>(
  path: string,
  file: Blob,
  query: Query,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '', [], {}));
    xhr.onload = () => {
      const data = parsed(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(apiErrorOf(xhr.status, xhr.statusText, data));
    };
    xhr.send(file);
  });
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
  const data = parsed(await response.text());
  if (!response.ok) {
    const error = apiErrorOf(response.status, response.statusText, data);
    if (response.status === 401 && !path.startsWith('/api/auth/login')) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  return data as T;
}
