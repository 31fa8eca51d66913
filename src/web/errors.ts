import type { SummaryError } from './kit/forms.tsx';
import i18n from './i18n.ts';
import { ApiError } from './api.ts';

export interface FormErrors {
  summary: SummaryError[];
  byField: Record<string, string>;
}

export const noErrors: FormErrors = { summary: [], byField: {} };

/**
 * Turns a thrown error into messages for the error summary and beside each field.
 * `fieldIds` maps the server's field names (e.g. "newPassword", "areas.staff") to input ids;
 * a message for an unknown field links to `fallbackId`.
 */
export function formErrorsFrom(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackId = '',
): FormErrors {
  if (!(error instanceof ApiError)) {
    return { summary: [{ id: fallbackId, message: String(error) }], byField: {} };
  }
  if (error.code === 'network') {
    return { summary: [{ id: '', message: i18n.t('app.networkError') }], byField: {} };
  }
  const byField: Record<string, string> = {};
  const summary: SummaryError[] = [];
  for (const field of error.fields) {
    const id = fieldIds[field.field] ?? matchPrefix(fieldIds, field.field);
    const message = field.message || error.message;
    if (id) {
      byField[id] ??= message;
      summary.push({ id, message });
    } else {
      summary.push({ id: fallbackId, message });
    }
  }
  if (summary.length === 0) summary.push({ id: fallbackId, message: error.message });
  return { summary, byField };
}

function matchPrefix(fieldIds: Record<string, string>, field: string): string | undefined {
  const key = Object.keys(fieldIds).find((candidate) => field.startsWith(candidate + '.'));
  return key ? fieldIds[key] : undefined;
}

/** Client-side checks: a list of [inputId, message] for the empty or invalid fields. */
export function clientErrors(checks: [string, string | false | null | undefined][]): FormErrors {
  const failed = checks.filter((check): check is [string, string] => Boolean(check[1]));
  return {
    summary: failed.map(([id, message]) => ({ id, message })),
    byField: Object.fromEntries(failed),
  };
}
