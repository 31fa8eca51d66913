// The number the next report of the template's series gets: shown beside the identity fields and
// set on its own (the series' numbering is the event's, not part of the template's version).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../kit/forms.tsx';
import { Notice } from '../../kit/messages.tsx';
import { formErrorsFrom } from '../../errors.ts';
import { ApiError } from '../../api.ts';
import { reportsApi } from '../../clients/reports.ts';
import type { ReportSeries } from '../../../contract/reports.ts';

const fieldId = 'series-next-number';

/** The message beside the field: the server's for the number, or what else went wrong. */
function messageOf(error: unknown): string {
  const { byField, summary } = formErrorsFrom(error, { nextNumber: fieldId, body: fieldId });
  return byField[fieldId] ?? summary[0]?.message ?? String(error);
}

export function SeriesNumberField({ eventId, series }: { eventId: number; series: string }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<ReportSeries | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  function show(answer: ReportSeries) {
    setCurrent(answer);
    setValue(String(answer.nextNumber));
  }

  useEffect(() => {
    let active = true;
    reportsApi
      .series(eventId)
      .then(({ items }) => {
        if (!active) return;
        const found = items.find((item) => item.series === series);
        show(
          found ?? { series, nextNumber: 1, lastNumber: null, closedByFinal: false, version: null },
        );
      })
      .catch((failure: unknown) => active && setError(messageOf(failure)));
    return () => {
      active = false;
    };
  }, [eventId, series]);

  async function save() {
    if (!current) return;
    setBusy(true);
    setSaved('');
    try {
      const answer = await reportsApi.setNextNumber(eventId, series, {
        nextNumber: Number(value),
        ...(current.version !== null && { version: current.version }),
      });
      show(answer);
      setError(undefined);
      setSaved(t('templates.seriesNumber.saved', { series, number: answer.nextNumber }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.stale) {
        setCurrent(failure.current<ReportSeries>()!);
      }
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="series-number">
      <TextField
        id={fieldId}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        width="quarter"
        label={t('templates.seriesNumber.label', { series })}
        hint={
          current?.lastNumber
            ? t('templates.seriesNumber.hintUsed', { last: current.lastNumber })
            : t('templates.seriesNumber.hint')
        }
        error={error}
        value={value}
        disabled={!current}
        onChange={(event) => setValue(event.target.value)}
      />
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !current}
          onClick={() => void save()}
        >
          {t('templates.seriesNumber.save')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {saved && <Notice kind="success">{saved}</Notice>}
      </div>
    </div>
  );
}
