// The dashboard's "Data per" of the period it shows: set by the staff who manage input requests,
// typed as a Swedish date and time in the event's time zone, with a 409 shown beside the text.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { ConflictNotice } from '../../kit/conflict.tsx';
import type { FieldSpec } from '../../kit/fieldSpec.tsx';
import { ApiError } from '../../api.ts';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import {
  displayTimeZone,
  localDateTimeText,
  parseLocalDateTime,
  periodLabel,
  stockholmLocalToIso,
} from '../../format.ts';
import { eventsApi } from '../../clients/events.ts';
import type { PeriodDataAsOf } from '../../../contract/events.ts';

const fieldId = 'dashboard-data-as-of';

/** The stored "data as of" of the period and its version, read when the form opens. */
async function storedOf(eventId: number, period: string): Promise<PeriodDataAsOf | undefined> {
  const list = await eventsApi.dataAsOf(eventId);
  return list.items.find((item) => item.period === period);
}

export function DataAsOfForm({
  eventId,
  period,
  onSaved,
}: {
  eventId: number;
  /** The period the dashboard shows. */
  period: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState<PeriodDataAsOf | null>(null);
  const version = useRef<number | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const example = localDateTimeText(new Date());
  useEffect(() => {
    if (open) document.getElementById(fieldId)?.focus();
  }, [open]);

  async function start() {
    try {
      const stored = await storedOf(eventId, period);
      version.current = stored?.version;
      setText(localDateTimeText(stored ? new Date(stored.dataAsOf) : new Date()));
      setErrors(noErrors);
      setConflict(null);
      setOpen(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, {}, fieldId));
    }
  }

  function close() {
    setOpen(false);
    toggleRef.current?.focus();
  }

  async function save(submitted: FormEvent) {
    submitted.preventDefault();
    const local = parseLocalDateTime(text);
    if (!local) {
      const message = t('eventSettings.dashboardInstantInvalid', { example });
      setErrors({ summary: [{ id: fieldId, message }], byField: { [fieldId]: message } });
      return;
    }
    try {
      await eventsApi.setDataAsOf(eventId, period, {
        dataAsOf: stockholmLocalToIso(local),
        ...(version.current !== undefined && { version: version.current }),
      });
      setConflict(null);
      setErrors(noErrors);
      close();
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.stale) {
        setConflict(error.current<PeriodDataAsOf>()!);
        setErrors(noErrors);
      } else {
        setErrors(formErrorsFrom(error, { dataAsOf: fieldId }, fieldId));
      }
    }
  }

  if (!open) {
    return (
      <>
        <button
          type="button"
          className="button button--secondary data-as-of-toggle"
          ref={toggleRef}
          onClick={() => void start()}
        >
          {t('eventSettings.changeDataAsOf')}
        </button>
        <ErrorSummary errors={errors.summary} />
      </>
    );
  }

  const spec: FieldSpec = {
    name: 'dataAsOf',
    label: t('eventSettings.dashboardInstant'),
    kind: 'datetime',
  };
  return (
    <section className="data-as-of-form" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`} className="panel__subtitle">
        {t('eventSettings.dashboardDataAsOfTitle', { period: periodLabel(period) })}
      </h3>
      <ErrorSummary errors={errors.summary} />
      {conflict && (
        <ConflictNotice
          fields={[spec]}
          theirs={{ dataAsOf: localDateTimeText(new Date(conflict.dataAsOf)).replace(' ', 'T') }}
          yours={{ dataAsOf: parseLocalDateTime(text) ?? text }}
          onTakeTheirs={() => {
            setText(localDateTimeText(new Date(conflict.dataAsOf)));
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
      <form ref={formRef} noValidate onSubmit={(event) => void save(event)}>
        <TextField
          id={fieldId}
          label={spec.label}
          hint={t('eventSettings.dashboardInstantHint', { example, zone: displayTimeZone() })}
          error={errors.byField[fieldId]}
          width="half"
          autoComplete="off"
          value={text}
          onChange={(changed) => setText(changed.target.value)}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t('eventSettings.setDataAsOf')}
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            {t('eventSettings.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
