// Date and time fields: a text field with its format shown above it, that reads Swedish ways of
// writing a date ("7/12 2026 kl. 14.30") and holds the value the forms convert ("2026-12-07T14:30").
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateKind, readDateText, showDateValue } from '../date-text.ts';
import { type ControlProps, FieldFrame } from './forms.tsx';

const hintKey = {
  date: 'app.dateHint',
  datetime: 'app.dateTimeHint',
  week: 'app.weekHint',
} as const;
const unreadableKey = {
  date: 'app.dateUnreadable',
  datetime: 'app.dateTimeUnreadable',
  week: 'app.weekUnreadable',
} as const;

/** The visible format of a date, a date-and-time or a week field. */
export function useDateHint(kind: DateKind): string {
  const { t } = useTranslation();
  return t(hintKey[kind]);
}

/**
 * The text input itself. It answers the value it reads ('' while the text cannot be read, when it
 * also says so under the field); a value set from outside replaces the text.
 */
export function DateInput({
  kind,
  value,
  onChange,
  control,
  className = 'input input--date',
}: {
  kind: DateKind;
  value: string;
  onChange: (value: string) => void;
  control: ControlProps;
  className?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => showDateValue(value));
  const [unreadable, setUnreadable] = useState(false);
  const answered = useRef(value);
  useEffect(() => {
    if (value === answered.current) return;
    answered.current = value;
    setText(showDateValue(value));
    setUnreadable(false);
  }, [value]);

  function change(next: string) {
    setText(next);
    const read = readDateText(next, kind) ?? '';
    if (read) setUnreadable(false);
    answered.current = read;
    onChange(read);
  }

  const errorId = `${control.id}-unreadable`;
  const describedBy = [control['aria-describedby'], unreadable ? errorId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <input
        {...control}
        type="text"
        className={className}
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={control['aria-invalid'] ?? (unreadable || undefined)}
        aria-describedby={describedBy || undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => setUnreadable(text.trim() !== '' && readDateText(text, kind) === null)}
      />
      {unreadable && (
        <p className="field-error" id={errorId}>
          {t(unreadableKey[kind])}
        </p>
      )}
    </>
  );
}

/** A labelled date (and time) or week field with its format as the hint, beside any hint of its own. */
export function DateField({
  id,
  kind,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  kind: DateKind;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const format = useDateHint(kind);
  return (
    <FieldFrame id={id} label={label} hint={hint ? `${hint} ${format}` : format} error={error}>
      {(control) => <DateInput kind={kind} value={value} onChange={onChange} control={control} />}
    </FieldFrame>
  );
}
