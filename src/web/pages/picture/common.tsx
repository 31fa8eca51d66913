// Shared pieces of the staff's picture screens and the admin screens: the event's
// sub-navigation, a page frame, a spec-driven form with error summary and 409 handling,
// tags for "Intern" and provenance, filters and paging.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { ApiError, type EventItem, type Provenance, api, request } from '../../api.ts';
import {
  Checkbox,
  ErrorSummary,
  ExerciseTag,
  FieldError,
  Loading,
  PageHeading,
  TextArea,
  TextField,
  usePageTitle,
} from '../../components.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime, stockholmLocalNow, stockholmLocalToIso } from '../../format.ts';
import { useLive } from '../../useLive.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../LoadError.tsx';
import './picture.css';

export const eventSections = [
  ['overview', ''],
  ['log', '/log'],
  ['decisions', '/decisions'],
  ['milestones', '/milestones'],
  ['actions', '/actions'],
  ['meetings', '/meetings'],
  ['calendar', '/calendar'],
  ['risks', '/risks'],
  ['diversions', '/diversions'],
  ['figures', '/figures'],
  ['communication', '/communication'],
  ['reports', '/reports'],
  ['archive', '/archive'],
  ['review', '/review'],
  ['admin', '/admin'],
] as const;

/** The event's sub-navigation: one link per area, the current one marked for screen readers. */
export function EventNav({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  return (
    <nav className="event-nav" aria-label={t('picture.nav.label')}>
      <ul>
        {eventSections.map(([key, path]) => (
          <li key={key}>
            <NavLink to={`/events/${eventId}${path}`} end>
              {t(`picture.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What the signed-in user may do in the event; unknown (null) means "let the server decide". */
async function myAccess(eventId: number): Promise<{ permissions: string[] } | null> {
  try {
    return await request<{ permissions: string[] }>('GET', `/api/events/${eventId}/grants/me`);
  } catch {
    return null;
  }
}

/** The frame of an event's screen: breadcrumb, sub-navigation, the one h1. */
export function EventPage({
  eventId,
  title,
  intro,
  children,
}: {
  eventId: number;
  title: string;
  intro?: ReactNode;
  children: (event: EventItem, can: (permission: string) => boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const event = useLoad(() => api.event(eventId), [eventId]);
  const mine = useLoad(() => myAccess(eventId), [eventId]);
  usePageTitle(event.data ? `${title} – ${event.data.name}` : title);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('app.events')}</Link>
        {event.data && (
          <>
            {' › '}
            <Link to={`/events/${eventId}`}>{event.data.name}</Link>
          </>
        )}
      </p>
      <EventNav eventId={eventId} />
      {event.data?.isExercise && <p className="exercise-banner">{t('app.exerciseBanner')}</p>}
      <PageHeading>
        {title} {event.data?.isExercise && <ExerciseTag />}
      </PageHeading>
      {intro && <p className="lead">{intro}</p>}
      {event.error ? (
        <LoadError error={event.error} retry={event.reload} />
      ) : !event.data || mine.loading ? (
        <Loading />
      ) : (
        <div className="picture-page">
          {children(event.data, (permission) => {
            if (event.data?.state === 'closed') return false;
            const permissions = mine.data?.permissions;
            return !permissions || permissions.includes(permission);
          })}
        </div>
      )}
    </>
  );
}

export function InternalTag() {
  const { t } = useTranslation();
  return (
    <span className="tag tag--internal tag--compact">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor" />
        <path d="M5 7V5a3 3 0 016 0v2" stroke="currentColor" strokeWidth="1.8" fill="none" />
      </svg>
      {t('picture.internal')}
    </span>
  );
}

/** Who recorded an item and when, from its provenance. */
export function ProvenanceNote({ provenance }: { provenance: Provenance | undefined }) {
  const { t } = useTranslation();
  if (!provenance) return null;
  const changed = provenance.updatedAt !== provenance.createdAt;
  return (
    <span className="provenance">
      {t('picture.recorded', {
        when: formatDateTime(provenance.createdAt),
        source: sourceLabel(provenance.source, t),
      })}
      {changed && ` · ${t('picture.changed', { when: formatDateTime(provenance.updatedAt) })}`}
    </span>
  );
}

function sourceLabel(source: string, t: (key: string) => string): string {
  if (source === 'manual') return t('picture.source.manual');
  if (source === 'demo' || source === 'seed') return t('picture.source.demo');
  return source;
}

// ---- Forms driven by a list of fields ----

export type FieldValue = string | boolean | string[];
export type Values = Record<string, FieldValue>;

export interface FieldSpec {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'email'
    | 'textarea'
    | 'datetime'
    | 'date'
    | 'week'
    | 'number'
    | 'select'
    | 'checkbox'
    | 'checkboxes';
  hint?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  /** Shown only when this returns true for the current values. */
  when?: (values: Values) => boolean;
  width?: 'full' | 'half' | 'quarter';
}

export function inputId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** An ISO instant → the value of a datetime-local input in Stockholm time. */
export function localOf(iso: string | null | undefined): string {
  return iso ? stockholmLocalNow(new Date(iso)) : '';
}

export function isoOf(local: FieldValue | undefined): string | null {
  return typeof local === 'string' && local ? stockholmLocalToIso(local) : null;
}

export function str(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** A decimal number as people type it in Sweden ("87,5") or as a machine does ("87.5"). */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/\s/g, '').replace(',', '.').replace('−', '-');
  if (!cleaned) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
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
      <select
        id={id}
        className="select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Field({
  formId,
  spec,
  values,
  error,
  set,
}: {
  formId: string;
  spec: FieldSpec;
  values: Values;
  error: string | undefined;
  set: (name: string, value: FieldValue) => void;
}) {
  const { t } = useTranslation();
  const id = inputId(formId, spec.name);
  const value = values[spec.name];
  const label = (
    <>
      {spec.label}
      {spec.required === false && <span className="muted"> ({t('app.optional')})</span>}
    </>
  );
  switch (spec.kind) {
    case 'textarea':
      return (
        <TextArea
          id={id}
          label={label}
          hint={spec.hint}
          error={error}
          rows={3}
          value={str(value)}
          onChange={(event) => set(spec.name, event.target.value)}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          id={id}
          label={spec.label}
          hint={spec.hint}
          checked={value === true}
          onChange={(checked) => set(spec.name, checked)}
        />
      );
    case 'select':
      return (
        <SelectField
          id={id}
          label={label}
          hint={spec.hint}
          error={error}
          value={str(value)}
          options={spec.options ?? []}
          onChange={(next) => set(spec.name, next)}
        />
      );
    case 'checkboxes': {
      const list = Array.isArray(value) ? value : [];
      return (
        <div className={`field${error ? ' field--error' : ''}`}>
          <fieldset
            className="fieldset"
            id={id}
            tabIndex={-1}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <legend className="label">{label}</legend>
            {spec.hint && <p className="hint">{spec.hint}</p>}
            <FieldError id={id} message={error} />
            <div className="checkboxes--inline">
              {(spec.options ?? []).map((option) => (
                <Checkbox
                  key={option.value}
                  id={`${id}-${option.value}`}
                  label={option.label}
                  checked={list.includes(option.value)}
                  onChange={(checked) =>
                    set(
                      spec.name,
                      checked
                        ? [...list, option.value]
                        : list.filter((item) => item !== option.value),
                    )
                  }
                />
              ))}
            </div>
          </fieldset>
        </div>
      );
    }
    default: {
      const type =
        spec.kind === 'datetime'
          ? 'datetime-local'
          : spec.kind === 'number'
            ? 'text'
            : spec.kind === 'week'
              ? 'week'
              : spec.kind;
      return (
        <TextField
          id={id}
          label={label}
          hint={spec.hint}
          error={error}
          type={type}
          width={spec.width ?? (spec.kind === 'text' || spec.kind === 'email' ? 'full' : 'auto')}
          {...(spec.kind === 'number' && {
            inputMode: 'decimal' as const,
            className: 'input input--numeric input--quarter',
          })}
          value={str(value)}
          onChange={(event) => set(spec.name, event.target.value)}
        />
      );
    }
  }
}

/**
 * A create-or-edit form. `save` gets the values and the version to send (for edits); on a 409
 * the form shows the server's current record beside what the user typed, and keeps the input.
 */
export function RecordForm<T extends { version: number }>({
  id,
  title,
  fields,
  initial,
  editing,
  save,
  toValues,
  validate,
  submitLabel,
  onSaved,
  onCancel,
  describe,
}: {
  id: string;
  title: string;
  fields: FieldSpec[];
  initial: Values;
  editing?: T | null;
  save: (values: Values, version: number | undefined) => Promise<T>;
  toValues: (item: T) => Values;
  validate?: (values: Values) => [string, string | false | null | undefined][];
  submitLabel: string;
  onSaved: (item: T) => void;
  onCancel?: () => void;
  /** A line of context above the fields, e.g. which item is edited. */
  describe?: ReactNode;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => (editing ? toValues(editing) : initial));
  const [start] = useState(values);
  const dirty = JSON.stringify(values) !== JSON.stringify(start);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const version = useRef<number | undefined>(editing?.version);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (editing) headingRef.current?.focus();
  }, [editing]);

  // Typed text is never lost silently: the browser asks before leaving the page.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const visible = fields.filter((spec) => !spec.when || spec.when(values));
  const set = (name: string, value: FieldValue) =>
    setValues((before) => ({ ...before, [name]: value }));

  const ids = Object.fromEntries(visible.map((spec) => [spec.name, inputId(id, spec.name)]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const required = visible
      .filter((spec) => spec.required && spec.kind !== 'checkbox')
      .map((spec): [string, string | false] => {
        const value = values[spec.name];
        const empty = Array.isArray(value) ? value.length === 0 : !str(value).trim();
        return [ids[spec.name]!, empty && t('picture.form.missing', { field: spec.label })];
      });
    const extra = (validate?.(values) ?? []).map(
      ([name, message]): [string, string | false | null | undefined] => [
        ids[name] ?? name,
        message,
      ],
    );
    const local = clientErrors([...required, ...extra]);
    if (local.summary.length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const saved = await save(values, version.current);
      setErrors(noErrors);
      setConflict(null);
      if (!editing) setValues(initial);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.current<T>()) {
        setConflict(error.current<T>()!);
        setErrors(noErrors);
      } else {
        setErrors(formErrorsFrom(error, ids, ids[visible[0]?.name ?? ''] ?? ''));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel record-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {describe}
      <ErrorSummary errors={errors.summary} />
      {conflict && (
        <ConflictNotice
          fields={visible}
          theirs={toValues(conflict)}
          yours={values}
          onTakeTheirs={() => {
            setValues(toValues(conflict));
            version.current = conflict.version;
            setConflict(null);
          }}
          onKeepMine={() => {
            version.current = conflict.version;
            setConflict(null);
            formRef.current?.requestSubmit();
          }}
        />
      )}
      <form id={id} ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">
          {visible.map((spec) => (
            <div
              key={spec.name}
              className={
                spec.kind === 'textarea' || spec.kind === 'checkboxes' || spec.kind === 'checkbox'
                  ? 'form-grid__wide'
                  : undefined
              }
            >
              <Field
                formId={id}
                spec={spec}
                values={values}
                error={errors.byField[ids[spec.name]!]}
                set={set}
              />
            </div>
          ))}
        </div>
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('picture.form.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function display(spec: FieldSpec, value: FieldValue | undefined, t: (key: string) => string) {
  if (typeof value === 'boolean') return value ? t('picture.yes') : t('picture.no');
  if (Array.isArray(value))
    return value
      .map((item) => spec.options?.find((option) => option.value === item)?.label ?? item)
      .join(', ');
  if (spec.options) return spec.options.find((option) => option.value === value)?.label ?? value;
  if (spec.kind === 'datetime' && value) return formatDateTime(stockholmLocalToIso(value));
  return value || '–';
}

/** The other version beside the user's: nothing typed is lost. */
export function ConflictNotice({
  fields,
  theirs,
  yours,
  onTakeTheirs,
  onKeepMine,
}: {
  fields: FieldSpec[];
  theirs: Values;
  yours: Values;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="conflict" role="alert" tabIndex={-1} ref={ref}>
      <h3>{t('picture.conflict.title')}</h3>
      <p>{t('picture.conflict.text')}</p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label={t('picture.conflict.title')}
      >
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('picture.conflict.field')}</th>
              <th scope="col">{t('picture.conflict.theirs')}</th>
              <th scope="col">{t('picture.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((spec) => {
              const a = display(spec, theirs[spec.name], t);
              const b = display(spec, yours[spec.name], t);
              return (
                <tr key={spec.name} className={a !== b ? 'differs' : undefined}>
                  <th scope="row">
                    {spec.label}
                    {a !== b && (
                      <span className="tag tag--compact tag--differs">
                        ≠ {t('picture.conflict.differs')}
                      </span>
                    )}
                  </th>
                  <td className="pre-line">{a}</td>
                  <td className="pre-line">{b}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={onKeepMine}>
          {t('picture.conflict.keepMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={onTakeTheirs}>
          {t('picture.conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}

// ---- Filters and paging ----

export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pager" aria-label={t('picture.pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        ← {t('picture.pager.previous')}
      </button>
      <span>
        {t('picture.pager.showing', {
          from: total === 0 ? 0 : offset + 1,
          to: Math.min(offset + limit, total),
          total,
        })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('picture.pager.next')} →
      </button>
    </nav>
  );
}

/** Downloads the list as a CSV file for a spreadsheet, with the filters the list shows. */
export function CsvLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <p className="csv-link">
      <a className="button button--secondary" href={href} download>
        {t('picture.csv')}
      </a>
    </p>
  );
}

/** A row of filters above a list; changes apply at once, a label for each. */
export function Filters({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form
      className="filters"
      role="search"
      aria-label={label}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
  );
}

export function PeriodFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field field--inline">
      <label className="label" htmlFor={id}>
        {t('picture.filter.period')}
      </label>
      <input
        id={id}
        type="week"
        className="input"
        placeholder="2026-W48"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t('picture.filter.periodHint')}
      </span>
    </div>
  );
}

/** Messages for a failed write outside a form (e.g. a row's quick action). */
export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.code !== 'network') return error.message;
  return t('app.networkError');
}

export { formErrorsFrom };

/** A list that reloads when anything in the event changes (server-sent events). */
export function useEventList<T>(
  eventId: number,
  load: () => Promise<T>,
  deps: unknown[],
): ReturnType<typeof useLoad<T>> {
  const loaded = useLoad(load, [eventId, ...deps]);
  useLive(eventId, () => void loaded.reload());
  return loaded;
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

/** The form beside a list, for those who may write; readers get the list alone. */
export function FormColumn({ show, children }: { show: boolean; children: ReactNode }) {
  if (!show) return null;
  return <div className="picture-layout__form">{children}</div>;
}
