// GOV.UK-style form pieces: error summary, fields with their hint and message.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
} from 'react';
import { useTranslation } from 'react-i18next';

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

export interface RadioOption {
  value: string;
  label: ReactNode;
  /** A line under the option, read with it. */
  hint?: string;
}

/**
 * One choice among a few, as radio buttons in a fieldset. The message goes with the first radio
 * (`<name>-0`), where the error summary's link leads.
 */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  className = '',
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  className?: string;
}) {
  const firstId = `${name}-0`;
  const described = [hint ? `${name}-hint` : null, error ? `${firstId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`fieldset ${className}${error ? ' field--error' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={firstId} message={error} />
      <div className="radios radios--inline">
        {options.map((option, index) => (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={`${name}-${index}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.hint ? `${name}-${index}-hint` : undefined}
            />
            <label htmlFor={`${name}-${index}`}>{option.label}</label>
            {option.hint && (
              <p className="hint radio__hint" id={`${name}-${index}-hint`}>
                {option.hint}
              </p>
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What a field's control needs from its frame: its id and what describes it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldChrome {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** The label, hint and error message around one control, which it ties to them. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: FieldChrome & { children: (control: ControlProps) => ReactNode }) {
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
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, hint, error),
      })}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> &
  FieldChrome & { width?: 'full' | 'half' | 'quarter' | 'auto' };

export function TextField({ id, label, hint, error, width = 'full', ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => <input className={`input input--${width}`} {...control} {...input} />}
    </FieldFrame>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldChrome;

export function TextArea({ id, label, hint, error, ...input }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea className="textarea" {...control} {...input} />}
    </FieldFrame>
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

export function SelectField({
  value,
  options,
  onChange,
  ...chrome
}: FieldChrome & {
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <FieldFrame {...chrome}>
      {(control) => (
        <select
          className="select"
          value={value}
          {...control}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
