// The section's text field: its label, hint and error around the rich-text editor, which is
// loaded as its own chunk when the field first shows.
import { Suspense, lazy } from 'react';
import { FieldError } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';

const RichTextEditor = lazy(() => import('./richtext/RichTextEditor.tsx'));

export function SectionTextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (markdown: string) => void;
}) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <p className="label" id={`${id}-label`}>
        <span className="label--m">{label}</span>
      </p>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={id} message={error} />
      <Suspense fallback={<Loading />}>
        <RichTextEditor
          id={id}
          labelledBy={`${id}-label`}
          describedBy={describedBy}
          invalid={Boolean(error)}
          value={value}
          onChange={onChange}
        />
      </Suspense>
    </div>
  );
}
