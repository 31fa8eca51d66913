// An event's reporting periods, deadline, language and time zone, and the "data as of" of its
// periods (/events/:eventId/admin/settings).
import { DateField } from '../../kit/dateField.tsx';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorSummary, SelectField, TextField } from '../../kit/forms.tsx';
import { Notice } from '../../kit/messages.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { Loading } from '../../kit/layout.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import {
  currentWeekKey,
  formatDateTime,
  periodLabel,
  stockholmLocalNow,
  stockholmLocalToIso,
  stockholmToday,
} from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import {
  type EventSettingsInput,
  eventLanguages,
  eventsApi,
  periodGranularities,
  reportCoverings,
} from '../../clients/events.ts';
import type { Event } from '../../../contract/events.ts';
import { EventAdminPage } from './AdminFrame.tsx';

export function EventSettingsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventAdminPage
      eventId={eventId}
      title={t('eventSettings.title')}
      intro={t('eventSettings.intro')}
    >
      {(event, can) => (
        <>
          <SettingsForm event={event} canEdit={can('event.manage')} />
          <DataAsOfSection event={event} canEdit={can('input_request.manage')} />
        </>
      )}
    </EventAdminPage>
  );
}

const settingsFields = {
  periodGranularity: 'settings-granularity',
  deadline: 'settings-weekday',
  'deadline.weekday': 'settings-weekday',
  'deadline.time': 'settings-time',
  reportCovers: 'settings-covers',
  language: 'settings-language',
  timeZone: 'settings-time-zone',
};

function settingsOf(event: Event): EventSettingsInput {
  return {
    version: event.version,
    periodGranularity: event.periodGranularity,
    deadline: event.deadline,
    reportCovers: event.reportCovers,
    language: event.language,
    timeZone: event.timeZone,
  };
}

function SettingsForm({ event, canEdit }: { event: Event; canEdit: boolean }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<EventSettingsInput>(() => settingsOf(event));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const weekdays = t('eventSettings.weekdays', { returnObjects: true }) as string[];

  async function save(submitted: FormEvent) {
    submitted.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const saved = await eventsApi.changeSettings(event.id, form);
      setForm(settingsOf(saved));
      setErrors(noErrors);
      setMessage(t('eventSettings.saved'));
    } catch (error) {
      setErrors(formErrorsFrom(error, settingsFields, 'settings-granularity'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="panel">
      <ErrorSummary errors={errors.summary} />
      {message && (
        <Notice kind="success" role="status">
          {message}
        </Notice>
      )}
      <SelectField
        id="settings-granularity"
        label={t('eventSettings.granularity')}
        error={errors.byField['settings-granularity']}
        value={form.periodGranularity}
        options={periodGranularities.map((value) => ({
          value,
          label: t(`eventSettings.granularities.${value}`),
        }))}
        onChange={(value) =>
          setForm({ ...form, periodGranularity: value as Event['periodGranularity'] })
        }
      />
      <SelectField
        id="settings-weekday"
        label={t('eventSettings.weekday')}
        hint={t('eventSettings.weekdayHint')}
        error={errors.byField['settings-weekday']}
        value={String(form.deadline.weekday)}
        options={weekdays.map((label, index) => ({ value: String(index + 1), label }))}
        onChange={(value) =>
          setForm({ ...form, deadline: { ...form.deadline, weekday: Number(value) } })
        }
      />
      <TextField
        id="settings-time"
        label={t('eventSettings.time')}
        hint={t('eventSettings.timeHint')}
        error={errors.byField['settings-time']}
        width="quarter"
        value={form.deadline.time}
        onChange={(changed) =>
          setForm({ ...form, deadline: { ...form.deadline, time: changed.target.value } })
        }
      />
      <SelectField
        id="settings-covers"
        label={t('eventSettings.reportCovers')}
        hint={t('eventSettings.reportCoversHint')}
        error={errors.byField['settings-covers']}
        value={form.reportCovers}
        options={reportCoverings.map((value) => ({
          value,
          label: t(`eventSettings.coverings.${value}`),
        }))}
        onChange={(value) => setForm({ ...form, reportCovers: value as Event['reportCovers'] })}
      />
      <SelectField
        id="settings-language"
        label={t('eventSettings.language')}
        hint={t('eventSettings.languageHint')}
        error={errors.byField['settings-language']}
        value={form.language}
        options={eventLanguages.map((value) => ({
          value,
          label: t(`eventSettings.languages.${value}`),
        }))}
        onChange={(value) => setForm({ ...form, language: value as Event['language'] })}
      />
      <TextField
        id="settings-time-zone"
        label={t('eventSettings.timeZone')}
        hint={t('eventSettings.timeZoneHint')}
        error={errors.byField['settings-time-zone']}
        width="half"
        list="settings-time-zones"
        autoComplete="off"
        value={form.timeZone}
        onChange={(changed) => setForm({ ...form, timeZone: changed.target.value })}
      />
      <datalist id="settings-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {canEdit && (
        <button type="submit" className="button" disabled={busy}>
          {t('eventSettings.save')}
        </button>
      )}
    </form>
  );
}

function DataAsOfSection({ event, canEdit }: { event: Event; canEdit: boolean }) {
  const { t } = useTranslation();
  const eventId = event.id;
  const list = useLoad(() => eventsApi.dataAsOf(eventId), [eventId]);
  const [period, setPeriod] = useState(() =>
    event.periodGranularity === 'week' ? currentWeekKey() : stockholmToday(),
  );
  const [instant, setInstant] = useState(() => stockholmLocalNow());
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState('');

  async function save(submitted: FormEvent) {
    submitted.preventDefault();
    setMessage('');
    const current = list.data?.items.find((item) => item.period === period);
    try {
      const saved = await eventsApi.setDataAsOf(eventId, period, {
        dataAsOf: stockholmLocalToIso(instant),
        ...(current && { version: current.version }),
      });
      setErrors(noErrors);
      setMessage(t('eventSettings.dataAsOfSaved', { period: periodLabel(saved.period) }));
      list.reload();
    } catch (error) {
      setErrors(
        formErrorsFrom(
          error,
          { period: 'data-as-of-period', dataAsOf: 'data-as-of-instant' },
          'data-as-of-period',
        ),
      );
    }
  }

  return (
    <section aria-labelledby="data-as-of-title" className="panel">
      <h2 id="data-as-of-title" className="panel__title">
        {t('eventSettings.dataAsOfTitle')}
      </h2>
      <p>{t('eventSettings.dataAsOfIntro')}</p>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('eventSettings.noDataAsOf')}</p>
      ) : (
        <ul>
          {list.data.items.map((item) => (
            <li key={item.period}>
              {periodLabel(item.period)}: {formatDateTime(item.dataAsOf)}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={save} noValidate>
          <ErrorSummary errors={errors.summary} />
          {message && (
            <Notice kind="success" role="status">
              {message}
            </Notice>
          )}
          <TextField
            id="data-as-of-period"
            label={t('eventSettings.period')}
            hint={t('eventSettings.periodHint')}
            error={errors.byField['data-as-of-period']}
            width="quarter"
            value={period}
            onChange={(changed) => setPeriod(changed.target.value.trim())}
          />
          <DateField
            id="data-as-of-instant"
            kind="datetime"
            label={t('eventSettings.instant')}
            error={errors.byField['data-as-of-instant']}
            value={instant}
            onChange={setInstant}
          />
          <button type="submit" className="button">
            {t('eventSettings.setDataAsOf')}
          </button>
        </form>
      )}
    </section>
  );
}
