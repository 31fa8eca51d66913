import {
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import {
  type Prognosis,
  type SeriesBucket,
  type SituationState,
  type StatusColor,
  api,
} from './api.ts';
import { formatDate, formatNumber, withUnit } from './format.ts';
import { useLoad } from './useLoad.ts';

/** Sets the document title; the h1 of each page says the same. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Lägesbild`;
  }, [title]);
}

let firstHeading = true;

/**
 * The page's one h1. After a client-side navigation it takes focus, so that screen readers
 * announce the new page; on the first page load focus stays at the top, before the skip link.
 */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id={id} className="page-heading">
      {children}
    </h1>
  );
}

export interface SummaryError {
  /** The id of the input the message belongs to; the link moves focus there. */
  id: string;
  message: string;
}

/** GOV.UK-style error summary: shown at the top, focused, links to each field. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => error.id + error.message).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary__title">
        {t('app.errorTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.id + error.message}>
            {error.id ? (
              <a
                href={`#${error.id}`}
                onClick={(event) => {
                  const target = document.getElementById(error.id);
                  if (target) {
                    event.preventDefault();
                    target.scrollIntoView({ block: 'center' });
                    target.focus();
                  }
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">Fel: </span>
      {message}
    </p>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  width?: 'full' | 'half' | 'quarter' | 'auto';
};

export function TextField({ id, label, hint, error, width = 'full', ...input }: TextFieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      <input
        id={id}
        className={`input input--${width}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
};

export function TextArea({ id, label, hint, error, ...input }: TextAreaProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      <textarea
        id={id}
        className="textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

const statusIcons: Record<StatusColor | 'none', ReactNode> = {
  green: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M4.5 8.2l2.3 2.3 4.7-4.9" stroke="#fff" strokeWidth="2" fill="none" />
    </svg>
  ),
  yellow: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 1l7.2 13.5H.8z" fill="currentColor" />
      <path d="M8 5.5v4.5M8 11.5v1.6" stroke="#fff" strokeWidth="1.9" />
    </svg>
  ),
  red: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
      <path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="#fff" strokeWidth="2" />
    </svg>
  ),
  none: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M5 8h6" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  ),
};

/** A status always has a word and an icon beside its colour. */
export function StatusTag({
  status,
  compact = false,
  label,
}: {
  status: StatusColor | null;
  compact?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  const word = t(`status.${key}`);
  return (
    <span className={`tag tag--${key}${compact ? ' tag--compact' : ''}`}>
      {statusIcons[key]}
      <span>{word}</span>
      {label && <span className="visually-hidden">: {label}</span>}
    </span>
  );
}

/** A period's figure: its value, or each place's own value when those do not add up. */
export function BucketValue({ bucket, unit }: { bucket: SeriesBucket; unit: string }) {
  const { t } = useTranslation();
  if (bucket.value !== null) return <>{withUnit(formatNumber(bucket.value), unit)}</>;
  return (
    <ul className="plain-list">
      {bucket.places.map((place) => (
        <li key={place.place}>
          {place.name ?? t('picture.figures.wholeRegion')}{' '}
          {withUnit(formatNumber(place.value), unit)}
        </li>
      ))}
    </ul>
  );
}

export function StateTag({ state }: { state: SituationState | 'missing' }) {
  const { t } = useTranslation();
  return <span className={`tag tag--state tag--${state}`}>{t(`state.${state}`)}</span>;
}

const arrows: Record<Prognosis, string> = {
  improving: 'M3 13L13 3M6 3h7v7',
  unchanged: 'M2 8h12M9 3l5 5-5 5',
  worsening: 'M3 3l10 10M13 6v7H6',
};

export function PrognosisArrow({
  prognosis,
  showText = false,
}: {
  prognosis: Prognosis | null;
  showText?: boolean;
}) {
  const { t } = useTranslation();
  const text = t(`prognosis.${prognosis ?? 'none'}`);
  if (!prognosis) return <span className="prognosis prognosis--none">{showText ? text : '–'}</span>;
  return (
    <span className={`prognosis prognosis--${prognosis}`} title={text}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={arrows[prognosis]} stroke="currentColor" strokeWidth="2" fill="none" />
      </svg>
      <span className={showText ? undefined : 'visually-hidden'}>{text}</span>
    </span>
  );
}

export function ExerciseTag() {
  const { t } = useTranslation();
  return <strong className="tag tag--exercise">{t('app.exercise')}</strong>;
}

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

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** On every page of a closed event: the event is an archive that can only be read. */
export function ArchiveBanner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const eventId = Number(/^\/events\/(\d+)/.exec(pathname)?.[1] ?? 0);
  const event = useLoad(
    () => (eventId ? api.event(eventId) : Promise.resolve(null)),
    [eventId, pathname],
  );
  if (event.data?.state !== 'closed') return null;
  return (
    <p className="archive-banner" role="note">
      {t('closing.archiveBanner', { when: formatDate(event.data.closedAt) })}
    </p>
  );
}
