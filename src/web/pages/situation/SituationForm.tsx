// The unit's situation return: loads the saved version (or prefills from the last period, or
// restores the local draft), saves, submits, and on a 409 shows the saved version beside the
// user's text.
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Checkbox, ErrorSummary } from '../../kit/forms.tsx';
import { Loading, PageHeading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { ExerciseTag, useScaleLevels } from '../../kit/status.tsx';
import { type FormErrors, clientErrors, noErrors } from '../../errors.ts';
import { formatDateTime, formatTime, periodLabel } from '../../format.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { ConflictPanel, SubmittedView } from './SituationViews.tsx';
import { ReturnAnswers } from './ReturnAnswers.tsx';
import { ReturnFieldInput } from './ReturnFields.tsx';
import { LeaveDialog, SubmitBar } from './SubmitBar.tsx';
import {
  type FigureRow,
  type Values,
  answerOf,
  answersOf,
  emptyValues,
  inputIdOf,
  withAnswer,
  withNotAvailable,
  valuesOf,
  inputOf,
  draftKey,
  readLocalDraft,
  writeLocalDraft,
  mapServerErrors,
  parseNumber,
} from './values.ts';
import type { ScaleLevel } from '../../../contract/scales.ts';
import type { Situation } from '../../../contract/situations.ts';
import type { ReturnField } from '../../../contract/return-forms.ts';
import { ApiError } from '../../api.ts';
import { situationsApi } from '../../clients/situations.ts';
import { FilesPanel } from '../../kit/attachments.tsx';
import { loadAnswerCheck, returnFormsApi } from '../../clients/return-forms.ts';

type AnswerCheck = Awaited<ReturnType<typeof loadAnswerCheck>>;

/** The keys a return may choose now: the scale's levels that are not retired. */
function activeKeys(levels: ScaleLevel[]): string[] {
  return levels.filter((level) => !level.retired).map((level) => level.key);
}

export function SituationForm({
  eventId,
  unitId,
  unitName,
  period,
  deadline,
  exercise,
  unitPicker,
}: {
  eventId: number;
  unitId: number;
  unitName: string;
  period: string;
  deadline: string | null;
  exercise: boolean;
  unitPicker: ReactNode;
}) {
  const { t } = useTranslation();
  const statusLevels = useScaleLevels('status');
  const prognosisLevels = useScaleLevels('prognosis');
  const key = draftKey(eventId, unitId, period);
  const [server, setServer] = useState<Situation | null>(null);
  const [serverValues, setServerValues] = useState<Values>(emptyValues);
  const [values, setValues] = useState<Values>(emptyValues);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState<Situation | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<ReturnField[]>([]);
  const [check, setCheck] = useState<AnswerCheck | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  // A confirmation takes focus, so that it is seen (and read) even from the bottom of the form.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  // The check of the answers is a chunk of its own; the server checks too if it cannot load.
  useEffect(() => {
    loadAnswerCheck().then(setCheck, () => setCheck(null));
  }, []);

  const load = useCallback(async () => {
    try {
      setFields((await returnFormsApi.get(eventId)).fields);
      const existing = (await situationsApi.list(eventId, { unitId, period })).items.find(
        (situation) => situation.period === period && situation.unit.id === unitId,
      );
      let base: Values;
      if (existing) {
        setServer(existing);
        setBaseVersion(existing.version);
        base = valuesOf(existing);
        setPrefilledFrom(null);
      } else {
        const prefill = (await situationsApi.prefill(eventId, unitId, period)).situation;
        setServer(null);
        setBaseVersion(null);
        base = valuesOf(prefill);
        setPrefilledFrom(prefill ? prefill.period : null);
      }
      setServerValues(base);
      const local = readLocalDraft(key);
      if (local && JSON.stringify(local.values) !== JSON.stringify(base)) {
        setValues(local.values);
        setRestored(local.at);
      } else {
        setValues(base);
        writeLocalDraft(key, null);
      }
      setLoaded(true);
    } catch (error) {
      setLoadError(error);
    }
  }, [eventId, unitId, period, key]);

  useEffect(() => {
    // Fetching on mount: every state update in load() happens after a network answer.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const editable = !server || server.state === 'draft' || server.state === 'returned';
  const dirty = loaded && editable && JSON.stringify(values) !== JSON.stringify(serverValues);

  // Keep a local copy of unsaved text, so a crash, reload or closed tab never loses it.
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => {
      writeLocalDraft(key, dirty ? { values, baseVersion, at: new Date().toISOString() } : null);
    }, 300);
    return () => clearTimeout(timer);
  }, [values, dirty, loaded, key, baseVersion]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  if (loadError) return <LoadError error={loadError} retry={() => void load()} />;
  if (!loaded) return <Loading />;

  const update = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    setMessage(null);
  };
  const answer = (key: string, text: string) => {
    setValues((current) => withAnswer(current, key, text));
    setMessage(null);
  };
  const markNotAvailable = (key: string, on: boolean) => {
    setValues((current) => withNotAvailable(current, key, on));
    setMessage(null);
  };
  const setFigure = (index: number, patch: Partial<FigureRow>) =>
    update({
      keyFigures: values.keyFigures.map((figure, at) =>
        at === index ? { ...figure, ...patch } : figure,
      ),
    });

  function figureErrors(): [string, string | false][] {
    return values.keyFigures.flatMap((figure, index): [string, string | false][] => {
      if (!figure.name.trim() && !figure.value.trim()) return [];
      return [
        [`figure-${index}-name`, !figure.name.trim() && t('report.nameMissing')],
        [`figure-${index}-value`, parseNumber(figure.value) === null && t('report.valueInvalid')],
      ];
    });
  }

  /** The shared check's messages beside each field ('draft': kinds; 'submit': required too). */
  function answerErrors(mode: 'draft' | 'submit'): [string, string][] {
    if (!check) return [];
    const scales = { statuses: activeKeys(statusLevels), prognoses: activeKeys(prognosisLevels) };
    const result = check
      .returnAnswersSchema(fields, scales, mode)
      .safeParse(answersOf(values, fields));
    if (result.success) return [];
    return result.error.issues.map((issue) => {
      const field = fields.find((candidate) => candidate.key === issue.path[0]);
      return [field ? inputIdOf(field) : 'internal', issue.message];
    });
  }

  async function save(version: number | null): Promise<Situation | null> {
    try {
      const saved = await situationsApi.save(
        eventId,
        unitId,
        period,
        inputOf(values, version, fields),
      );
      const savedValues = valuesOf(saved);
      setServer(saved);
      setBaseVersion(saved.version);
      setServerValues(savedValues);
      setValues(savedValues);
      setConflict(null);
      setRestored(null);
      setPrefilledFrom(null);
      writeLocalDraft(key, null);
      return saved;
    } catch (error) {
      handleError(error);
      return null;
    }
  }

  function handleError(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      if (error.stale) setConflict(error.current<Situation>()!);
      setErrors({ summary: [{ id: 'conflict', message: error.message }], byField: {} });
      return;
    }
    setErrors(mapServerErrors(error, fields));
  }

  async function onSave(event?: FormEvent) {
    event?.preventDefault();
    const invalid = clientErrors([...answerErrors('draft'), ...figureErrors()]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    const saved = await save(baseVersion);
    setBusy(false);
    if (saved) setMessage(t('report.saved', { time: formatTime(new Date()) }));
  }

  async function onSubmit() {
    const invalid = clientErrors([...answerErrors('submit'), ...figureErrors()]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      let current = server;
      if (dirty || !current) {
        current = await save(baseVersion);
        if (!current) return;
      }
      const submitted = await situationsApi.submit(eventId, unitId, period, current.version);
      setServer(submitted);
      setBaseVersion(submitted.version);
      setServerValues(valuesOf(submitted));
      setValues(valuesOf(submitted));
      writeLocalDraft(key, null);
      setMessage(t('report.submitted', { time: formatTime(new Date()) }));
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  }

  function takeTheirs() {
    if (!conflict) return;
    const theirs = valuesOf(conflict);
    setServer(conflict);
    setBaseVersion(conflict.version);
    setServerValues(theirs);
    setValues(theirs);
    setConflict(null);
    setErrors(noErrors);
  }

  async function keepMine() {
    if (!conflict) return;
    setBusy(true);
    const saved = await save(conflict.version);
    setBusy(false);
    if (saved) {
      setErrors(noErrors);
      setMessage(t('report.saved', { time: formatTime(new Date()) }));
    }
  }

  const title = t('report.title', { unit: unitName, period: periodLabel(period) });

  return (
    <>
      <ErrorSummary errors={errors.summary} />
      <PageHeading>
        {title} {exercise && <ExerciseTag />}
      </PageHeading>
      {unitPicker}
      <p className="report__meta">
        {deadline && <span>{t('report.deadline', { when: formatDateTime(deadline) })} </span>}
        {server && (
          <span className="muted">
            {t('report.stateNote', { state: t(`state.${server.state}`) })}
          </span>
        )}
      </p>
      {message && (
        <div ref={messageRef} tabIndex={-1} className="focus-target">
          <Notice kind="success" role="status">
            {message}
          </Notice>
        </div>
      )}
      {restored && (
        <Notice kind="warning" role="status">
          <p>{t('report.localDraft', { time: formatDateTime(restored) })}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(serverValues);
              setRestored(null);
              writeLocalDraft(key, null);
            }}
          >
            {t('report.discardLocal')}
          </button>
        </Notice>
      )}
      {prefilledFrom && !restored && (
        <Notice>{t('report.prefilled', { period: periodLabel(prefilledFrom) })}</Notice>
      )}
      {server?.state === 'returned' && server.returnComment && (
        <Notice kind="warning">{t('report.returned', { comment: server.returnComment })}</Notice>
      )}
      {conflict && (
        <ConflictPanel
          theirs={conflict}
          yours={values}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
          busy={busy}
        />
      )}
      {!editable && server ? (
        <>
          <SubmittedView situation={server} />
          <ReturnAnswers fields={fields} situation={server} headingLevel={2} />
        </>
      ) : (
        <form onSubmit={onSave} noValidate className="situation-form">
          {fields.map((field) => (
            <ReturnFieldInput
              key={field.key}
              field={field}
              value={answerOf(values, field.key)}
              notAvailable={values.notAvailable.includes(field.key)}
              error={errors.byField[inputIdOf(field)]}
              onChange={(text) => answer(field.key, text)}
              onNotAvailable={(on) => markNotAvailable(field.key, on)}
            />
          ))}
          <KeyFigures
            figures={values.keyFigures}
            errors={errors.byField}
            setFigure={setFigure}
            setFigures={(keyFigures) => update({ keyFigures })}
          />
          <Checkbox
            id="internal"
            label={t('report.internal')}
            hint={t('report.internalHint')}
            checked={values.internal}
            onChange={(internal) => update({ internal })}
          />
          <SubmitBar dirty={dirty} busy={busy} onSubmit={() => void onSubmit()} />
        </form>
      )}
      <section className="situation-files" aria-labelledby="situation-files-title">
        <h2 id="situation-files-title">{t('files.attachments')}</h2>
        {server ? (
          <FilesPanel
            eventId={eventId}
            owner={{ kind: 'unit_situation', id: server.id, unitId, period }}
            canWrite
          />
        ) : (
          <p className="muted">{t('files.saveFirst')}</p>
        )}
      </section>
      {blocker.state === 'blocked' && (
        <LeaveDialog onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />
      )}
    </>
  );
}
