// Tags and marks: a level of the event's scale (colour + symbol + name) and the choice of one,
// a figure's threshold status (colour + word + icon), diversion, situation state, prognosis
// arrows, exercise, internal, and who recorded an item.
import { type ReactNode, createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from './forms.tsx';
import { formatDateTime, formatNumber, withUnit } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { scalesApi } from '../clients/scales.ts';
import type { Provenance } from '../../contract/common.ts';
import type { FigureStatus, SeriesBucket } from '../../contract/figures.ts';
import type { EventScales, ScaleKind, ScaleLevel } from '../../contract/scales.ts';
import type { Prognosis, SituationState } from '../../contract/situations.ts';

/** The event's scales; 'loading' until they have come, null when they could not be read. */
const ScalesContext = createContext<EventScales | 'loading' | null>(null);

/** Loads the event's scales once for every ScaleValue and ScaleChoice inside it. */
export function ScalesProvider({ eventId, children }: { eventId: number; children: ReactNode }) {
  const scales = useLoad(() => scalesApi.get(eventId), [eventId]);
  const value = scales.data ?? (scales.loading ? 'loading' : null);
  return <ScalesContext.Provider value={value}>{children}</ScalesContext.Provider>;
}

/** The levels of the event's scale of a kind; empty until the scales have loaded. */
export function useScaleLevels(kind: ScaleKind): ScaleLevel[] {
  const scales = useContext(ScalesContext);
  return scales && scales !== 'loading' ? scales[kind].levels : [];
}

/** The level's name in the user's language (the Swedish one when it has no English name). */
export function useLevelName(): (level: ScaleLevel) => string {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (level) => (english && level.nameEn ? level.nameEn : level.name);
}

/** A level of a scale: its symbol on its colour, in black or white, and its name beside it. */
export function ScaleTag({
  level,
  compact = false,
  label,
}: {
  level: ScaleLevel;
  compact?: boolean;
  label?: string | undefined;
}) {
  const nameOf = useLevelName();
  return (
    <span className={`tag tag--scale${compact ? ' tag--compact' : ''}`} title={level.meaning}>
      <span
        className="scale-swatch"
        aria-hidden="true"
        style={{ background: level.colour, color: level.textColour }}
      >
        {level.symbol}
      </span>
      <span>{nameOf(level)}</span>
      {label && <span className="visually-hidden">: {label}</span>}
    </span>
  );
}

/** A stored key shown with the event's scale; a key not (or no longer) on it shows as itself. */
export function ScaleValue({
  kind,
  levelKey,
  compact = false,
  label,
}: {
  kind: ScaleKind;
  levelKey: string | null;
  compact?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const levels = useScaleLevels(kind);
  // Until the scales have come, a stored key is not yet known to be off the scale.
  if (useContext(ScalesContext) === 'loading') {
    return (
      <span className={`tag tag--none${compact ? ' tag--compact' : ''}`}>{t('app.loading')}</span>
    );
  }
  if (levelKey === null) {
    return (
      <span className={`tag tag--none${compact ? ' tag--compact' : ''}`}>
        {t(kind === 'status' ? 'status.none' : 'prognosis.none')}
      </span>
    );
  }
  const level = levels.find((candidate) => candidate.key === levelKey) ?? unknownLevel(levelKey);
  return <ScaleTag level={level} compact={compact} label={label} />;
}

function unknownLevel(key: string): ScaleLevel {
  const level = { name: key, nameEn: key, colour: '#ffffff', textColour: '#000000' as const };
  return { key, ...level, meaning: '', symbol: '?', retired: true };
}

/**
 * A radio group of the scale's active levels, each with its tag (and its meaning when `meanings`),
 * in order. Native radios: arrow keys move between levels, the tab key leaves the group.
 */
export function ScaleChoice({
  kind,
  name,
  legend,
  hint,
  value,
  onChange,
  error,
  meanings = false,
}: {
  kind: ScaleKind;
  name: string;
  legend: string;
  hint?: string;
  value: string | null;
  onChange: (key: string) => void;
  error?: string | undefined;
  meanings?: boolean;
}) {
  const levels = useScaleLevels(kind).filter((level) => !level.retired);
  return (
    <RadioGroup
      name={name}
      legend={legend}
      hint={hint}
      error={error}
      value={value}
      onChange={onChange}
      className="fieldset--status"
      options={levels.map((level) => ({
        value: level.key,
        label: <ScaleTag level={level} />,
        ...(meanings && { hint: level.meaning }),
      }))}
    />
  );
}

const statusIcons: Record<FigureStatus | 'none', ReactNode> = {
  green: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M4.5 8.2l2.3 2.3 4.7-4.9" stroke="#fff" strokeWidth="2" fill="none" />
    </svg>
  ),
  yellow: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 1l7.2 13.5H.8z" fill="currentColor" />
      <path d="M8 5.5v4.5M8 11.5v1.6" stroke="#fff" strokeWidth="1.9" />
    </svg>
  ),
  red: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
      <path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="#fff" strokeWidth="2" />
    </svg>
  ),
  none: (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M5 8h6" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  ),
};

/** A figure's status against its thresholds always has a word and an icon beside its colour. */
export function StatusTag({
  status,
  compact = false,
  label,
}: {
  status: FigureStatus | null;
  compact?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  const word = t(`status.${key}`);
  return (
    <span className={`tag tag--${key}${compact ? ' tag--compact' : ''}`}>
      {statusIcons[key]}
      <span>{word}</span>
      {label && <span className="visually-hidden">: {label}</span>}
    </span>
  );
}

const divertingIcon = (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M2 8h9M8 4l4 4-4 4" stroke="currentColor" strokeWidth="2" fill="none" />
  </svg>
);

/** Whether an emergency department diverts its patients or receives as usual, in word and icon. */
export function DiversionTag({
  diverting,
  compact = false,
}: {
  diverting: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span className={`tag${compact ? ' tag--compact' : ''} tag--${diverting ? 'red' : 'green'}`}>
      {diverting ? divertingIcon : statusIcons.green}
      {t(diverting ? 'dashboard.diverting' : 'dashboard.normalIntake')}
    </span>
  );
}

/**
 * A period's figure: its value, or each place's own value when those do not add up; a value
 * without a unit under the event's name for the whole (`unitlessLabel`).
 */
export function BucketValue({
  bucket,
  unit,
  unitlessLabel,
}: {
  bucket: SeriesBucket;
  unit: string;
  unitlessLabel: string;
}) {
  if (bucket.value !== null) return <>{withUnit(formatNumber(bucket.value), unit)}</>;
  return (
    <ul className="plain-list">
      {bucket.places.map((place) => (
        <li key={place.place}>
          {place.name ?? unitlessLabel} {withUnit(formatNumber(place.value), unit)}
        </li>
      ))}
    </ul>
  );
}

export function StateTag({ state }: { state: SituationState | 'missing' }) {
  const { t } = useTranslation();
  return <span className={`tag tag--state tag--${state}`}>{t(`state.${state}`)}</span>;
}

const arrows: Record<Prognosis, string> = {
  improving: 'M3 13L13 3M6 3h7v7',
  unchanged: 'M2 8h12M9 3l5 5-5 5',
  worsening: 'M3 3l10 10M13 6v7H6',
};

export function PrognosisArrow({
  prognosis,
  showText = false,
}: {
  prognosis: Prognosis | null;
  showText?: boolean;
}) {
  const { t } = useTranslation();
  const text = t(`prognosis.${prognosis ?? 'none'}`);
  if (!prognosis) return <span className="prognosis prognosis--none">{showText ? text : '–'}</span>;
  return (
    <span className={`prognosis prognosis--${prognosis}`} title={text}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={arrows[prognosis]} stroke="currentColor" strokeWidth="2" fill="none" />
      </svg>
      <span className={showText ? undefined : 'visually-hidden'}>{text}</span>
    </span>
  );
}

export function ExerciseTag() {
  const { t } = useTranslation();
  return <strong className="tag tag--exercise">{t('app.exercise')}</strong>;
}
export function InternalTag() {
  const { t } = useTranslation();
  return (
    <span className="tag tag--internal tag--compact">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor" />
        <path d="M5 7V5a3 3 0 016 0v2" stroke="currentColor" strokeWidth="1.8" fill="none" />
      </svg>
      {t('picture.internal')}
    </span>
  );
}

/** Who recorded an item and when, from its provenance. */
export function ProvenanceNote({ provenance }: { provenance: Provenance | undefined }) {
  const { t } = useTranslation();
  if (!provenance) return null;
  const changed = provenance.updatedAt !== provenance.createdAt;
  return (
    <span className="provenance">
      {t('picture.recorded', {
        when: formatDateTime(provenance.createdAt),
        source: sourceLabel(provenance.source, t),
      })}
      {changed && ` · ${t('picture.changed', { when: formatDateTime(provenance.updatedAt) })}`}
    </span>
  );
}

function sourceLabel(source: string, t: (key: string) => string): string {
  if (source === 'manual') return t('picture.source.manual');
  if (source === 'demo' || source === 'seed') return t('picture.source.demo');
  return source;
}
