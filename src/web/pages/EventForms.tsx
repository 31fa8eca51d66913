import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.ts';
import {
  Checkbox,
  ErrorSummary,
  ExerciseTag,
  Loading,
  PageHeading,
  TextArea,
  TextField,
  usePageTitle,
} from '../components.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../errors.ts';
import { stockholmLocalNow, stockholmLocalToIso } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { LoadError } from './LoadError.tsx';

export function CreateEventPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.createTitle'));
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isExercise, setIsExercise] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api.createEvent({ name, description, isExercise });
      navigate('/', { state: { flash: t('events.created', { name: created.name }) } });
    } catch (error) {
      setErrors(formErrorsFrom(error, { name: 'name', description: 'description' }, 'name'));
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
  const navigate = useNavigate();
  const event = useLoad(() => api.event(eventId), [eventId]);
  const [closedAt, setClosedAt] = useState(stockholmLocalNow());
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('events.closeTitle', { name: event.data?.name ?? '' }));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (!event.data) return <Loading />;
  const current = event.data;

  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    const invalid = clientErrors([
      ['closed-at', !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(closedAt) && t('events.closeAtHint')],
    ]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      await api.closeEvent(eventId, current.version, stockholmLocalToIso(closedAt));
      navigate('/', { state: { flash: t('events.closedDone', { name: current.name }) } });
    } catch (error) {
      setErrors(formErrorsFrom(error, { closedAt: 'closed-at' }, 'closed-at'));
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
      <form onSubmit={submit} noValidate>
        <TextField
          id="closed-at"
          type="datetime-local"
          width="half"
          label={t('events.closeAt')}
          hint={t('events.closeAtHint')}
          value={closedAt}
          onChange={(changeEvent) => setClosedAt(changeEvent.target.value)}
          error={errors.byField['closed-at']}
        />
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={busy}>
            {t('events.closeSubmit')}
          </button>
          <Link to="/">{t('events.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
