import { DateField } from '../../kit/dateField.tsx';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Checkbox, ErrorSummary, TextArea, TextField } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { stockholmLocalNow, stockholmLocalToIso } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Event } from '../../../contract/events.ts';
import { closingApi } from '../../clients/closing.ts';
import { eventsApi } from '../../clients/events.ts';
import { EventOriginField, type OriginChoice, originOf, standardOrigin } from './EventOrigin.tsx';

export function CreateEventPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.createTitle'));
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isExercise, setIsExercise] = useState(false);
  const [origin, setOrigin] = useState<OriginChoice>(standardOrigin);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = originOf(origin);
    if ('missing' in chosen) {
      const message =
        chosen.missing === 'origin-setup'
          ? t('setups.origin.missingSetup')
          : t('setups.origin.missingEvent');
      setErrors(clientErrors([[chosen.missing, message]]));
      return;
    }
    setBusy(true);
    try {
      const created = await eventsApi.create({
        name,
        description,
        isExercise,
        origin: chosen.origin,
      });
      navigate('/', { state: { flash: t('events.created', { name: created.name }) } });
    } catch (error) {
      setErrors(
        formErrorsFrom(
          error,
          {
            name: 'name',
            description: 'description',
            'origin.setupId': 'origin-setup',
            'origin.eventId': 'origin-event',
          },
          'name',
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors.summary} />
      <PageHeading>{t('events.createTitle')}</PageHeading>
      <form onSubmit={submit} noValidate>
        <TextField
          id="name"
          label={t('events.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.byField.name}
        />
        <TextArea
          id="description"
          label={t('events.description')}
          rows={4}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.byField.description}
        />
        <Checkbox
          id="is-exercise"
          label={t('events.isExercise')}
          hint={t('events.isExerciseHint')}
          checked={isExercise}
          onChange={setIsExercise}
        />
        <EventOriginField
          choice={origin}
          onChange={(choice) => {
            setOrigin(choice);
            setErrors(noErrors);
          }}
          errors={errors.byField}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('events.create')}
          </button>
          <Link to="/">{t('events.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

export function CloseEventPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  usePageTitle(t('events.closeTitle', { name: event.data?.name ?? '' }));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (!event.data) return <Loading />;
  return event.data.state === 'closed' ? (
    <ReopenForm event={event.data} />
  ) : (
    <CloseForm event={event.data} />
  );
}

function CloseForm({ event: current }: { event: Event }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const checklist = useLoad(() => closingApi.checklist(current.id), [current.id]);
  const [closedAt, setClosedAt] = useState(stockholmLocalNow());
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const ready = checklist.data?.ready ?? false;

  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    const invalid = clientErrors([
      ['closed-at', !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(closedAt) && t('events.closeAtHint')],
      ['close-reason', !ready && override && !reason.trim() && t('closing.reason')],
    ]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      await closingApi.close(current.id, {
        version: current.version,
        closedAt: stockholmLocalToIso(closedAt),
        override: !ready && override,
        reason: !ready && override ? reason : '',
      });
      navigate('/', { state: { flash: t('events.closedDone', { name: current.name }) } });
    } catch (error) {
      setErrors(
        formErrorsFrom(error, { closedAt: 'closed-at', reason: 'close-reason' }, 'closed-at'),
      );
      void checklist.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors.summary} />
      <PageHeading>
        {t('events.closeTitle', { name: current.name })} {current.isExercise && <ExerciseTag />}
      </PageHeading>
      <p className="lead">{t('events.closeIntro')}</p>
      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('closing.checklistTitle')}</h2>
        {checklist.error ? (
          <LoadError error={checklist.error} retry={checklist.reload} />
        ) : !checklist.data ? (
          <Loading />
        ) : (
          <ul className="plain-list checklist">
            {checklist.data.items.map((item) => (
              <li key={item.key} className={item.ok ? 'checklist__ok' : 'checklist__missing'}>
                <strong>
                  <span aria-hidden="true">{item.ok ? '✓ ' : '✗ '}</span>
                  {t(`closing.items.${item.key}`)}
                </strong>{' '}
                <span className="tag tag--compact">
                  {item.ok ? t('closing.ok') : t('closing.notOk')}
                </span>
                {item.missing && <p className="small">{item.missing}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form onSubmit={submit} noValidate>
        <DateField
          id="closed-at"
          kind="datetime"
          label={t('events.closeAt')}
          hint={t('events.closeAtHint')}
          value={closedAt}
          onChange={setClosedAt}
          error={errors.byField['closed-at']}
        />
        {checklist.data && !ready && (
          <>
            <p>{t('closing.notReady')}</p>
            <Checkbox
              id="close-override"
              label={t('closing.override')}
              checked={override}
              onChange={setOverride}
            />
            {override && (
              <TextArea
                id="close-reason"
                label={t('closing.reason')}
                rows={3}
                value={reason}
                onChange={(changeEvent) => setReason(changeEvent.target.value)}
                error={errors.byField['close-reason']}
              />
            )}
          </>
        )}
        <div className="button-group">
          <button
            type="submit"
            className="button button--warning"
            disabled={busy || !checklist.data || (!ready && !override)}
          >
            {t('events.closeSubmit')}
          </button>
          <Link to="/">{t('events.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

function ReopenForm({ event: current }: { event: Event }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    const invalid = clientErrors([['reopen-reason', !reason.trim() && t('closing.reopenReason')]]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      await closingApi.reopen(current.id, current.version, reason);
      navigate(`/events/${current.id}`, {
        state: { flash: t('closing.reopened', { name: current.name }) },
      });
    } catch (error) {
      setErrors(formErrorsFrom(error, { reason: 'reopen-reason' }, 'reopen-reason'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors.summary} />
      <PageHeading>{t('closing.reopenTitle')}</PageHeading>
      <p className="lead">{t('closing.reopenIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextArea
          id="reopen-reason"
          label={t('closing.reopenReason')}
          rows={3}
          value={reason}
          onChange={(changeEvent) => setReason(changeEvent.target.value)}
          error={errors.byField['reopen-reason']}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('closing.reopenSubmit')}
          </button>
          <Link to="/">{t('events.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
