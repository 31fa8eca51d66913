// The event's status and prognosis scales (/events/:id/admin/scales): levels in order, each with
// name, colour, meaning and symbol; a level that returns use is retired rather than removed.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorSummary, FieldError, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { Notice } from '../../kit/messages.tsx';
import { ScaleTag } from '../../kit/status.tsx';
import { ApiError } from '../../api.ts';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { useLoad } from '../../useLoad.ts';
import { textColourOn } from '../../../core/contrast.ts';
import { maxActiveLevels, scaleKinds, scalesApi } from '../../clients/scales.ts';
import { EventAdminPage } from './AdminFrame.tsx';
import type { LevelInput, Scale, ScaleKind, ScaleLevel } from '../../../contract/scales.ts';

const levelFields = ['name', 'nameEn', 'colour', 'meaning', 'symbol'] as const;
type LevelField = (typeof levelFields)[number];

/** A level being edited; `uid` keeps React's rows (and focus) with the level when it moves. */
interface DraftLevel extends Record<LevelField, string> {
  uid: string;
  key?: string;
}

let nextUid = 0;
const uid = () => `level-${(nextUid += 1)}`;

function draftOf(level: ScaleLevel): DraftLevel {
  const { key, name, nameEn, colour, meaning, symbol } = level;
  return { uid: uid(), key, name, nameEn, colour, meaning, symbol };
}

function inputOf({ key, name, nameEn, colour, meaning, symbol }: DraftLevel): LevelInput {
  return { ...(key !== undefined && { key }), name, nameEn, colour, meaning, symbol };
}

const hexColour = /^#[0-9a-fA-F]{6}$/;

/** The level as its tag will look once saved; a colour still being typed shows as white. */
function previewOf(level: DraftLevel): ScaleLevel {
  const colour = hexColour.test(level.colour) ? level.colour.toLowerCase() : '#ffffff';
  return {
    key: level.key ?? '',
    name: level.name || '…',
    nameEn: level.nameEn,
    colour,
    textColour: textColourOn(colour),
    meaning: level.meaning,
    symbol: level.symbol || '?',
    retired: false,
  };
}

export function ScalesAdminPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const scales = useLoad(() => scalesApi.get(eventId), [eventId]);
  return (
    <EventAdminPage eventId={eventId} title={t('scales.title')} intro={t('scales.intro')}>
      {() =>
        scales.error ? (
          <LoadError error={scales.error} />
        ) : !scales.data ? (
          <Loading />
        ) : (
          scaleKinds.map((kind) => (
            <ScaleEditor key={kind} eventId={eventId} initial={scales.data![kind]} />
          ))
        )
      }
    </EventAdminPage>
  );
}

function ScaleEditor({ eventId, initial }: { eventId: number; initial: Scale }) {
  const { t } = useTranslation();
  const kind = initial.kind;
  const [scale, setScale] = useState(initial);
  const [levels, setLevels] = useState(() =>
    initial.levels.filter((level) => !level.retired).map(draftOf),
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId, levels]);

  const idOf = (index: number, field: string) => `${kind}-${index}-${field}`;
  const retired = scale.levels.filter(
    (level) => level.retired && !levels.some((draft) => draft.key === level.key),
  );

  function reset(to: Scale) {
    setScale(to);
    setLevels(to.levels.filter((level) => !level.retired).map(draftOf));
  }

  function change(index: number, field: LevelField, value: string) {
    setLevels((all) =>
      all.map((level, at) => (at === index ? { ...level, [field]: value } : level)),
    );
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    setLevels((all) => {
      const next = [...all];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
    setFocusId(idOf(target, by < 0 ? 'up' : 'down'));
  }

  function remove(index: number) {
    setLevels((all) => all.filter((_, at) => at !== index));
    setFocusId(`${kind}-add`);
  }

  function add(level?: ScaleLevel) {
    const added = level
      ? draftOf(level)
      : { uid: uid(), name: '', nameEn: '', colour: '#b1b4b6', meaning: '', symbol: '' };
    setLevels((all) => [...all, added]);
    setFocusId(idOf(levels.length, 'name'));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const saved = await scalesApi.save(eventId, kind, {
        version: scale.version,
        levels: levels.map(inputOf),
      });
      reset(saved);
      setErrors(noErrors);
      setMessage(t('scales.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.stale) {
        reset(error.current<Scale>()!);
        setErrors({ summary: [{ id: `${kind}-save`, message: t('scales.stale') }], byField: {} });
      } else {
        setErrors(formErrorsFrom(error, fieldIds(kind, levels.length), `${kind}-add`));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel scale-editor" aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{t(`scales.kind.${kind}`)}</h2>
      <p>{t(`scales.kindIntro.${kind}`)}</p>
      <ErrorSummary errors={errors.summary} />
      {message && (
        <Notice kind="success" role="status">
          {message}
        </Notice>
      )}
      <form onSubmit={save} noValidate>
        <FieldError id={`${kind}-levels`} message={errors.byField[`${kind}-add`]} />
        <ol className="scale-levels">
          {levels.map((level, index) => (
            <li key={level.uid}>
              <fieldset className="fieldset scale-level">
                <legend className="fieldset__legend">
                  {t('scales.level', { number: index + 1 })} <ScaleTag level={previewOf(level)} />
                  {level.key && (
                    <span className="muted small"> {t('scales.key', { key: level.key })}</span>
                  )}
                </legend>
                <div className="scale-level__fields">
                  <TextField
                    id={idOf(index, 'name')}
                    label={t('scales.name')}
                    value={level.name}
                    error={errors.byField[idOf(index, 'name')]}
                    onChange={(event) => change(index, 'name', event.target.value)}
                    width="half"
                  />
                  <TextField
                    id={idOf(index, 'nameEn')}
                    label={t('scales.nameEn')}
                    hint={t('scales.nameEnHint')}
                    value={level.nameEn}
                    error={errors.byField[idOf(index, 'nameEn')]}
                    onChange={(event) => change(index, 'nameEn', event.target.value)}
                    width="half"
                  />
                  <ColourField
                    id={idOf(index, 'colour')}
                    value={level.colour}
                    error={errors.byField[idOf(index, 'colour')]}
                    onChange={(value) => change(index, 'colour', value)}
                  />
                  <TextField
                    id={idOf(index, 'symbol')}
                    label={t('scales.symbol')}
                    hint={t('scales.symbolHint')}
                    value={level.symbol}
                    error={errors.byField[idOf(index, 'symbol')]}
                    onChange={(event) => change(index, 'symbol', event.target.value)}
                    width="quarter"
                  />
                  <TextField
                    id={idOf(index, 'meaning')}
                    label={t('scales.meaning')}
                    hint={t('scales.meaningHint')}
                    value={level.meaning}
                    error={errors.byField[idOf(index, 'meaning')]}
                    onChange={(event) => change(index, 'meaning', event.target.value)}
                  />
                </div>
                <div className="button-group">
                  <button
                    type="button"
                    id={idOf(index, 'up')}
                    className="button button--secondary"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t('scales.up')}
                    <span className="visually-hidden">: {level.name}</span>
                  </button>
                  <button
                    type="button"
                    id={idOf(index, 'down')}
                    className="button button--secondary"
                    disabled={index === levels.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t('scales.down')}
                    <span className="visually-hidden">: {level.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--warning"
                    onClick={() => remove(index)}
                  >
                    {t('scales.remove')}
                    <span className="visually-hidden">: {level.name}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <p className="hint">{t('scales.removeHint')}</p>
        <div className="button-group">
          <button
            type="button"
            id={`${kind}-add`}
            className="button button--secondary"
            disabled={levels.length >= maxActiveLevels}
            onClick={() => add()}
          >
            {t('scales.add')}
          </button>
          <button type="submit" id={`${kind}-save`} className="button" disabled={busy}>
            {t(`scales.save.${kind}`)}
          </button>
        </div>
      </form>
      {retired.length > 0 && (
        <>
          <h3>{t('scales.retired')}</h3>
          <p>{t('scales.retiredIntro')}</p>
          <ul className="plain-list">
            {retired.map((level) => (
              <li key={level.key}>
                <ScaleTag level={level} />{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={levels.length >= maxActiveLevels}
                  onClick={() => add(level)}
                >
                  {t('scales.restore')}
                  <span className="visually-hidden">: {level.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The server's field names ("levels.2.colour") to the inputs' ids. */
function fieldIds(kind: ScaleKind, count: number): Record<string, string> {
  const ids: Record<string, string> = { levels: `${kind}-add` };
  for (let index = 0; index < count; index += 1) {
    for (const field of levelFields) ids[`levels.${index}.${field}`] = `${kind}-${index}-${field}`;
    ids[`levels.${index}.key`] = `${kind}-${index}-name`;
  }
  return ids;
}

/** A colour picker and the same colour as #rrggbb text; either changes both. */
function ColourField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {t('scales.colour')}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('scales.colourHint')}
      </p>
      <FieldError id={id} message={error} />
      <div className="colour-field">
        <input
          type="color"
          id={`${id}-picker`}
          aria-label={t('scales.colourPicker')}
          value={hexColour.test(value) ? value.toLowerCase() : '#ffffff'}
          onChange={(event) => onChange(event.target.value)}
        />
        <input
          id={id}
          className="input input--quarter"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
          onChange={(event) => onChange(event.target.value.trim())}
        />
      </div>
    </div>
  );
}
