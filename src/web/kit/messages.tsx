// Notices and messages: info/success/warning boxes, the announced "saved" line, errors of
// writes made outside a form.
import { type ReactNode } from 'react';
import { ApiError } from '../api.ts';

export function Notice({
  kind = 'info',
  children,
  role,
}: {
  kind?: 'info' | 'success' | 'warning';
  children: ReactNode;
  role?: 'status' | 'alert';
}) {
  return (
    <div className={`notice notice--${kind}`} role={role}>
      {children}
    </div>
  );
}

/** A calm "saved" message that screen readers announce. */
export function SavedNotice({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <div className="notice notice--success">
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}

/** Messages for a failed write outside a form (e.g. a row's quick action). */
export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.code !== 'network') return error.message;
  return t('app.networkError');
}
