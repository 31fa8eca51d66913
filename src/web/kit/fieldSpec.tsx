// Forms described by a list of fields: the field kinds, values and their conversions.
import { useTranslation } from 'react-i18next';
import { stockholmLocalNow, stockholmLocalToIso } from '../format.ts';
import { DateField } from './dateField.tsx';
import { Checkbox, FieldError, SelectField, TextArea, TextField } from './forms.tsx';

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

export function Field({
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
    case 'date':
    case 'datetime':
    case 'week':
      return (
        <DateField
          id={id}
          kind={spec.kind}
          label={label}
          hint={spec.hint}
          error={error}
          value={str(value)}
          onChange={(next) => set(spec.name, next)}
        />
      );
    default: {
      const type = spec.kind === 'number' ? 'text' : spec.kind;
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
