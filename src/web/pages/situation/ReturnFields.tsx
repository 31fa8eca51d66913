// One input per field of the event's return form, by its kind, each with "uppgift saknas".
import { DateField } from '../../kit/dateField.tsx';
import { useTranslation } from 'react-i18next';
import { RadioGroup, TextArea, TextField } from '../../kit/forms.tsx';
import { ScaleChoice } from '../../kit/status.tsx';
import { StatusRadios } from './SituationViews.tsx';
import { inputIdOf } from './values.ts';
import type { ReturnField } from '../../../contract/return-forms.ts';
import type { StatusColor } from '../../../contract/situations.ts';

interface FieldProps {
  field: ReturnField;
  /** The answer as the input holds it; '' when unanswered. */
  value: string;
  notAvailable: boolean;
  error: string | undefined;
  onChange: (text: string) => void;
  onNotAvailable: (on: boolean) => void;
}

function FieldInput({ field, value, error, onChange, legend }: FieldProps & { legend: string }) {
  const { t } = useTranslation();
  const name = `field-${field.key}`;
  const id = inputIdOf(field);
  switch (field.kind) {
    case 'status':
      return (
        <StatusRadios
          name={name}
          legend={legend}
          {...(field.help && { hint: field.help })}
          value={(value || null) as StatusColor | null}
          onChange={onChange}
          error={error}
          large={field.key === 'overallStatus'}
        />
      );
    case 'prognosis':
      return (
        <ScaleChoice
          kind="prognosis"
          name={name}
          legend={legend}
          {...(field.help && { hint: field.help })}
          value={value || null}
          onChange={onChange}
          error={error}
        />
      );
    case 'yesno':
      return (
        <RadioGroup
          name={name}
          legend={legend}
          hint={field.help}
          error={error}
          value={value}
          onChange={onChange}
          options={[
            { value: 'true', label: t('returnForm.yes') },
            { value: 'false', label: t('returnForm.no') },
          ]}
        />
      );
    case 'choice':
      return (
        <RadioGroup
          name={name}
          legend={legend}
          hint={field.help}
          error={error}
          value={value}
          onChange={onChange}
          options={field.options.map((option) => ({ value: option, label: option }))}
        />
      );
    case 'text':
      return (
        <TextArea
          id={id}
          label={legend}
          hint={field.help || undefined}
          rows={field.key === 'bullets' ? 7 : 3}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          error={error}
        />
      );
    case 'number':
      return (
        <TextField
          id={id}
          label={field.figure.unit ? `${legend} (${field.figure.unit})` : legend}
          hint={field.help || undefined}
          inputMode="decimal"
          width="quarter"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          error={error}
        />
      );
    case 'date':
      return (
        <DateField
          id={id}
          kind="date"
          label={legend}
          hint={field.help || undefined}
          value={value}
          onChange={onChange}
          error={error}
        />
      );
  }
}

/** "Uppgift saknas" beside a field: its name says what it is, its description which field. */
function NotAvailableBox({
  field,
  checked,
  onChange,
}: {
  field: ReturnField;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = `field-${field.key}-na`;
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-field`}
      />
      <label htmlFor={id}>{t('returnForm.notAvailable')}</label>
      <span className="visually-hidden" id={`${id}-field`}>
        {field.label}
      </span>
    </div>
  );
}

/** A field of the return form: its input, its message and its "uppgift saknas" box. */
export function ReturnFieldInput(props: FieldProps) {
  const { t } = useTranslation();
  const { field, notAvailable, onNotAvailable } = props;
  const legend = field.required ? `${field.label} (${t('app.required')})` : field.label;
  return (
    <div className="return-field" data-field={field.key}>
      <FieldInput {...props} legend={legend} />
      <NotAvailableBox field={field} checked={notAvailable} onChange={onNotAvailable} />
    </div>
  );
}
