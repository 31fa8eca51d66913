// A create-or-edit form driven by a list of fields, with the error summary and 409 handling.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../errors.ts';
import { ConflictNotice } from './conflict.tsx';
import { type FieldSpec, type FieldValue, type Values, Field, inputId, str } from './fieldSpec.tsx';
import { ErrorSummary } from './forms.tsx';
import '../pages/picture/picture.css';
import { ApiError } from '../api.ts';

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
      if (error instanceof ApiError && error.stale) {
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
