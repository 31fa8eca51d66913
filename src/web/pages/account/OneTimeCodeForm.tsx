// The one-field form that asks for a code from the authenticator app or a recovery code: at
// sign-in, when switching the app on, and before removing a factor.
import type { FormEvent, ReactNode } from 'react';
import { TextField } from '../../kit/forms.tsx';

interface OneTimeCodeFormProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent) => void;
  /** Only digits: the app's six-digit code, never a recovery code. */
  digitsOnly?: boolean;
  /** A secondary look when another way to confirm comes first on the page. */
  secondary?: boolean;
  /** Buttons after the submit button. */
  children?: ReactNode;
}

export function OneTimeCodeForm(props: OneTimeCodeFormProps) {
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <TextField
        id={props.id}
        name="code"
        inputMode={props.digitsOnly ? 'numeric' : undefined}
        autoComplete="one-time-code"
        spellCheck={false}
        width="half"
        label={props.label}
        hint={props.hint}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        error={props.error}
      />
      <button
        type="submit"
        className={props.secondary ? 'button button--secondary' : 'button'}
        disabled={props.busy}
      >
        {props.submitLabel}
      </button>
      {props.children}
    </form>
  );
}
