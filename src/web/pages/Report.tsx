import {
  type FormEvent,
  Fragment,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams, useSearchParams } from 'react-router';
import {
  ApiError,
  type AreaKey,
  type Areas,
  type Prognosis,
  type Situation,
  type SituationInput,
  type StatusColor,
  areaKeys,
  api,
} from '../api.ts';
import { Checkbox, ErrorSummary, FieldError, TextArea } from '../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../kit/layout.tsx';
import { Notice } from '../kit/messages.tsx';
import { ExerciseTag, PrognosisArrow, StatusTag } from '../kit/status.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../errors.ts';
import {
  currentWeekKey,
  formatDateTime,
  formatNumber,
  formatTime,
  periodLabel,
} from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { LoadError } from './LoadError.tsx';

interface FigureRow {
  name: string;
  value: string;
  unit: string;
}

interface Values {
  overallStatus: StatusColor | null;
  areas: Areas;
  prognosis: Prognosis | null;
  bullets: string;
  keyFigures: FigureRow[];
  internal: boolean;
}

interface LocalDraft {
  values: Values;
  baseVersion: number | null;
  at: string;
}

const colors: StatusColor[] = ['green', 'yellow', 'red'];
const prognoses: Prognosis[] = ['improving', 'unchanged', 'worsening'];
const emptyAreas: Areas = {
  accessToCare: null,
  patientSafety: null,
  staff: null,
  itProgramme: null,
  communication: null,
};
const emptyValues: Values = {
  overallStatus: null,
  areas: emptyAreas,
  prognosis: null,
  bullets: '',
  keyFigures: [],
  internal: false,
};

function valuesOf(situation: Situation | null): Values {
  if (!situation) return emptyValues;
  return {
    overallStatus: situation.overallStatus,
    areas: { ...emptyAreas, ...situation.areas },
    prognosis: situation.prognosis,
    bullets: situation.bullets,
    keyFigures: situation.keyFigures.map((figure) => ({
      name: figure.name,
      value: formatNumber(figure.value, 4).replace(/\s/g, ''),
      unit: figure.unit,
    })),
    internal: situation.internal,
  };
}

function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/\s|\u00a0/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function inputOf(values: Values, version: number | null): SituationInput {
  return {
    ...(version !== null && { version }),
    overallStatus: values.overallStatus,
    areas: values.areas,
    prognosis: values.prognosis,
    bullets: values.bullets,
    keyFigures: values.keyFigures
      .filter((figure) => figure.name.trim() || figure.value.trim())
      .map((figure) => ({
        name: figure.name.trim(),
        value: parseNumber(figure.value) ?? Number.NaN,
        unit: figure.unit.trim(),
      })),
    internal: values.internal,
  };
}

const draftKey = (eventId: number, unitId: number, period: string) =>
  `lagesbild.situationDraft.${eventId}.${unitId}.${period}`;

function readLocalDraft(key: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

function writeLocalDraft(key: string, draft: LocalDraft | null): void {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the warning before leaving still protects the text.
  }
}

/** Input ids for the server's field names, so its messages land beside the right input. */
function fieldIdFor(field: string): string | undefined {
  if (field === 'overallStatus') return 'overall-green';
  if (field === 'prognosis') return 'prognosis-improving';
  if (field === 'bullets') return 'bullets';
  const area = /^areas\.(\w+)/.exec(field);
  if (area) return `area-${area[1]}-green`;
  const figure = /^keyFigures\.(\d+)\.(\w+)/.exec(field);
  if (figure) return `figure-${figure[1]}-${figure[2] === 'value' ? 'value' : 'name'}`;
  if (field.startsWith('keyFigures')) return 'add-figure';
  return undefined;
}

function mapServerErrors(error: unknown): FormErrors {
  const ids: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      const id = fieldIdFor(field.field);
      if (id) ids[field.field] = id;
    }
  }
  return formErrorsFrom(error, ids, 'overall-green');
}

export function ReportPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [params, setParams] = useSearchParams();
  const event = useLoad(() => api.event(eventId), [eventId]);
  const units = useLoad(() => api.units(), []);
  const mine = useLoad(() => api.myGrants(eventId), [eventId]);
  const requests = useLoad(() => api.inputRequests(eventId).catch(() => null), [eventId]);
  const unitKey = `lagesbild.reportUnit.${eventId}`;
  // A unit reporter sees only their own units; staff may report for any unit.
  const reportable = useMemo(() => {
    const all = units.data?.items ?? [];
    if (!mine.data || mine.data.permissions.includes('situation.write')) return all;
    return all.filter((candidate) => mine.data!.unitIds.includes(candidate.id));
  }, [units.data, mine.data]);
  const onlyUnit = reportable.length === 1 ? reportable[0]!.id : null;
  const unitId = Number(params.get('unit') ?? safeGet(unitKey) ?? 0) || onlyUnit;

  const latestRequest = useMemo(() => {
    const items = requests.data?.items ?? [];
    return [...items]
      .filter((request) => !unitId || request.units.some((unit) => unit.unitId === unitId))
      .sort((a, b) => b.period.localeCompare(a.period))[0];
  }, [requests.data, unitId]);
  const period = params.get('period') ?? latestRequest?.period ?? currentWeekKey();
  const deadline = latestRequest && latestRequest.period === period ? latestRequest.deadline : null;
  const unit = units.data?.items.find((candidate) => candidate.id === unitId);

  usePageTitle(
    unit
      ? t('report.title', { unit: unit.name, period: periodLabel(period) })
      : t('report.titleShort'),
  );

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (!event.data || !units.data || mine.loading || requests.loading) return <Loading />;

  const chooseUnit = (id: number) => {
    safeSet(unitKey, String(id));
    const next = new URLSearchParams(params);
    next.set('unit', String(id));
    next.delete('period');
    setParams(next, { replace: true });
  };

  return (
    <div className="report">
      <p className="breadcrumb">
        <Link to={`/events/${eventId}`}>
          {event.data.name}
          {event.data.isExercise ? ` (${t('app.exercise')})` : ''}
        </Link>
      </p>
      {event.data.isExercise && <p className="exercise-banner">{t('app.exerciseBanner')}</p>}
      {event.data.state === 'closed' ? (
        <PageHeading>{t('report.titleShort')}</PageHeading>
      ) : unit ? (
        <SituationForm
          key={`${unit.id}-${period}`}
          eventId={eventId}
          unitId={unit.id}
          unitName={unit.name}
          period={period}
          deadline={deadline}
          exercise={event.data.isExercise}
          unitPicker={<UnitPicker units={reportable} value={unit.id} onChange={chooseUnit} />}
        />
      ) : (
        <>
          <PageHeading>{t('report.titleShort')}</PageHeading>
          <UnitPicker units={reportable} value={null} onChange={chooseUnit} />
        </>
      )}
    </div>
  );
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // ignore
  }
}

function UnitPicker({
  units,
  value,
  onChange,
}: {
  units: { id: number; code: string; name: string }[];
  value: number | null;
  onChange: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field field--inline">
      <label className="label" htmlFor="unit">
        {t('report.unit')}
      </label>
      <select
        id="unit"
        className="select"
        value={value ?? ''}
        onChange={(event) => {
          const id = Number(event.target.value);
          if (id) onChange(id);
        }}
      >
        {value === null && <option value="">{t('report.chooseUnit')}</option>}
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name} ({unit.code})
          </option>
        ))}
      </select>
    </div>
  );
}

function SituationForm({
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
  const messageRef = useRef<HTMLDivElement>(null);

  // A confirmation takes focus, so that it is seen (and read) even from the bottom of the form.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const load = useCallback(async () => {
    try {
      const existing = (await api.situations(eventId, { unitId, period })).items.find(
        (situation) => situation.period === period && situation.unit.id === unitId,
      );
      let base: Values;
      if (existing) {
        setServer(existing);
        setBaseVersion(existing.version);
        base = valuesOf(existing);
        setPrefilledFrom(null);
      } else {
        const prefill = (await api.prefill(eventId, unitId, period)).situation;
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
  const setArea = (area: AreaKey, status: StatusColor) =>
    update({ areas: { ...values.areas, [area]: status } });
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

  async function save(version: number | null): Promise<Situation | null> {
    try {
      const saved = await api.saveSituation(eventId, unitId, period, inputOf(values, version));
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
      const current = error.current<Situation>();
      if (current) setConflict(current);
      setErrors({ summary: [{ id: 'conflict', message: error.message }], byField: {} });
      return;
    }
    setErrors(mapServerErrors(error));
  }

  async function onSave(event?: FormEvent) {
    event?.preventDefault();
    const invalid = clientErrors(figureErrors());
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    const saved = await save(baseVersion);
    setBusy(false);
    if (saved) setMessage(t('report.saved', { time: formatTime(new Date()) }));
  }

  async function onSubmit() {
    const invalid = clientErrors([
      ['overall-green', !values.overallStatus && t('report.overallMissing')],
      ['prognosis-improving', !values.prognosis && t('report.prognosisMissing')],
      ...figureErrors(),
    ]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      let current = server;
      if (dirty || !current) {
        current = await save(baseVersion);
        if (!current) return;
      }
      const submitted = await api.submitSituation(eventId, unitId, period, current.version);
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
        <SubmittedView situation={server} />
      ) : (
        <form onSubmit={onSave} noValidate className="situation-form">
          <StatusRadios
            name="overall"
            legend={t('report.overall')}
            hint={t('report.overallHint')}
            value={values.overallStatus}
            onChange={(status) => update({ overallStatus: status })}
            error={errors.byField['overall-green']}
            large
          />
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--m">
              {t('report.areasTitle')}
            </legend>
            {areaKeys.map((area) => (
              <StatusRadios
                key={area}
                name={`area-${area}`}
                legend={t(`areas.${area}`)}
                value={values.areas[area]}
                onChange={(status) => setArea(area, status)}
                error={errors.byField[`area-${area}-green`]}
              />
            ))}
          </fieldset>
          <fieldset
            className={`fieldset${errors.byField['prognosis-improving'] ? ' field--error' : ''}`}
            aria-describedby={
              errors.byField['prognosis-improving'] ? 'prognosis-improving-error' : undefined
            }
          >
            <legend className="fieldset__legend fieldset__legend--m">
              {t('report.prognosis')}
            </legend>
            <FieldError id="prognosis-improving" message={errors.byField['prognosis-improving']} />
            <div className="radios radios--inline">
              {prognoses.map((prognosis) => (
                <div className="radio" key={prognosis}>
                  <input
                    type="radio"
                    id={`prognosis-${prognosis}`}
                    name="prognosis"
                    value={prognosis}
                    checked={values.prognosis === prognosis}
                    onChange={() => update({ prognosis })}
                  />
                  <label htmlFor={`prognosis-${prognosis}`}>
                    <PrognosisArrow prognosis={prognosis} showText />
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextArea
            id="bullets"
            label={<span className="label--m">{t('report.bullets')}</span>}
            hint={t('report.bulletsHint')}
            rows={7}
            value={values.bullets}
            onChange={(event) => update({ bullets: event.target.value })}
            error={errors.byField.bullets}
          />
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--m">{t('report.figures')}</legend>
            <p className="hint">{t('report.figuresHint')}</p>
            {values.keyFigures.map((figure, index) => (
              <div
                className="figure-row"
                key={index}
                role="group"
                aria-label={t('report.figureNumber', { number: index + 1 })}
              >
                <div
                  className={`field${errors.byField[`figure-${index}-name`] ? ' field--error' : ''}`}
                >
                  <label className="label" htmlFor={`figure-${index}-name`}>
                    {t('report.figureName')}
                  </label>
                  <FieldError
                    id={`figure-${index}-name`}
                    message={errors.byField[`figure-${index}-name`]}
                  />
                  <input
                    id={`figure-${index}-name`}
                    className="input"
                    value={figure.name}
                    aria-invalid={errors.byField[`figure-${index}-name`] ? true : undefined}
                    aria-describedby={
                      errors.byField[`figure-${index}-name`]
                        ? `figure-${index}-name-error`
                        : undefined
                    }
                    onChange={(event) => setFigure(index, { name: event.target.value })}
                  />
                </div>
                <div
                  className={`field field--value${errors.byField[`figure-${index}-value`] ? ' field--error' : ''}`}
                >
                  <label className="label" htmlFor={`figure-${index}-value`}>
                    {t('report.figureValue')}
                  </label>
                  <FieldError
                    id={`figure-${index}-value`}
                    message={errors.byField[`figure-${index}-value`]}
                  />
                  <input
                    id={`figure-${index}-value`}
                    className="input input--numeric"
                    inputMode="decimal"
                    value={figure.value}
                    aria-invalid={errors.byField[`figure-${index}-value`] ? true : undefined}
                    aria-describedby={
                      errors.byField[`figure-${index}-value`]
                        ? `figure-${index}-value-error`
                        : undefined
                    }
                    onChange={(event) => setFigure(index, { value: event.target.value })}
                  />
                </div>
                <div className="field field--unit">
                  <label className="label" htmlFor={`figure-${index}-unit`}>
                    {t('report.figureUnit')}
                  </label>
                  <input
                    id={`figure-${index}-unit`}
                    className="input"
                    value={figure.unit}
                    onChange={(event) => setFigure(index, { unit: event.target.value })}
                  />
                </div>
                <button
                  type="button"
                  className="link-button figure-row__remove"
                  onClick={() =>
                    update({ keyFigures: values.keyFigures.filter((_, at) => at !== index) })
                  }
                >
                  {t('report.removeFigure', { number: index + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              id="add-figure"
              className="button button--secondary"
              onClick={() =>
                update({ keyFigures: [...values.keyFigures, { name: '', value: '', unit: '' }] })
              }
            >
              {t('report.addFigure')}
            </button>
          </fieldset>
          <Checkbox
            id="internal"
            label={t('report.internal')}
            hint={t('report.internalHint')}
            checked={values.internal}
            onChange={(internal) => update({ internal })}
          />
          {dirty && (
            <p className="unsaved" role="status">
              {t('report.unsaved')}
            </p>
          )}
          <div className="button-group">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void onSubmit()}
            >
              {t('report.submit')}
            </button>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t('report.save')}
            </button>
          </div>
        </form>
      )}
      {blocker.state === 'blocked' && (
        <div className="dialog-backdrop">
          <div
            className="dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="leave-title"
          >
            <h2 id="leave-title">{t('report.leaveWarning')}</h2>
            <div className="button-group">
              <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>
                {t('report.stay')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => blocker.proceed()}
              >
                {t('report.leave')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function StatusRadios({
  name,
  legend,
  hint,
  value,
  onChange,
  error,
  large = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: StatusColor | null;
  onChange: (status: StatusColor) => void;
  error?: string | undefined;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const errorId = `${name}-green`;
  const described = [hint ? `${name}-hint` : null, error ? `${errorId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`fieldset fieldset--status${error ? ' field--error' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend className={`fieldset__legend${large ? ' fieldset__legend--m' : ''}`}>{legend}</legend>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
      <div className="radios radios--inline">
        {colors.map((color) => (
          <div className={`radio radio--${color}`} key={color}>
            <input
              type="radio"
              id={`${name}-${color}`}
              name={name}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
              aria-describedby={large ? `${name}-${color}-hint` : undefined}
            />
            <label htmlFor={`${name}-${color}`}>
              <StatusTag status={color} />
            </label>
            {large && (
              <p className="hint radio__hint" id={`${name}-${color}-hint`}>
                {t(`status.${color}Hint`)}
              </p>
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function SituationSummary({ values, compare }: { values: Values; compare?: Values }) {
  const { t } = useTranslation();
  const row = (label: string, content: ReactNode, differs: boolean) => (
    <div className={differs ? 'differs' : undefined}>
      <dt>
        {label}
        {differs && <span className="differs-note">{t('report.differs')}</span>}
      </dt>
      <dd>{content}</dd>
    </div>
  );
  const figures = (of: Values) =>
    of.keyFigures.map((figure) => `${figure.name}: ${figure.value} ${figure.unit}`.trim());
  return (
    <dl className="summary-list">
      {row(
        t('report.overall'),
        <StatusTag status={values.overallStatus} />,
        !!compare && compare.overallStatus !== values.overallStatus,
      )}
      {areaKeys.map((area) => (
        <Fragment key={area}>
          {row(
            t(`areas.${area}`),
            <StatusTag status={values.areas[area]} />,
            !!compare && compare.areas[area] !== values.areas[area],
          )}
        </Fragment>
      ))}
      {row(
        t('report.prognosis'),
        <PrognosisArrow prognosis={values.prognosis} showText />,
        !!compare && compare.prognosis !== values.prognosis,
      )}
      {row(
        t('report.bullets'),
        <span className="pre-line">{values.bullets || '–'}</span>,
        !!compare && compare.bullets.trim() !== values.bullets.trim(),
      )}
      {(values.keyFigures.length > 0 || (compare && compare.keyFigures.length > 0)) &&
        row(
          t('report.figures'),
          <ul className="plain-list">
            {figures(values).map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>,
          !!compare && JSON.stringify(figures(compare)) !== JSON.stringify(figures(values)),
        )}
    </dl>
  );
}

function SubmittedView({ situation }: { situation: Situation }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice>{t('report.submittedNote', { when: formatDateTime(situation.submittedAt) })}</Notice>
      <SituationSummary values={valuesOf(situation)} />
    </>
  );
}

function ConflictPanel({
  theirs,
  yours,
  onKeepMine,
  onTakeTheirs,
  busy,
}: {
  theirs: Situation;
  yours: Values;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const editable = theirs.state === 'draft' || theirs.state === 'returned';
  return (
    <section className="conflict" id="conflict" tabIndex={-1} aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('report.conflictTitle')}</h2>
      <p>
        {t('report.conflictText', {
          version: theirs.version,
          when: formatDateTime(theirs.provenance.updatedAt),
        })}
      </p>
      <div className="conflict__columns">
        <div>
          <h3>{t('report.theirs')}</h3>
          <SituationSummary values={valuesOf(theirs)} compare={yours} />
        </div>
        <div>
          <h3>{t('report.yours')}</h3>
          <SituationSummary values={yours} compare={valuesOf(theirs)} />
        </div>
      </div>
      <div className="button-group">
        {editable && (
          <button type="button" className="button" disabled={busy} onClick={onKeepMine}>
            {t('report.keepMine')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onTakeTheirs}
        >
          {t('report.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
