import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ActionSummary,
  type Change,
  type Completeness,
  type Decision,
  type DiversionBoard,
  type EventItem,
  type LogEntry,
  type Readiness,
  type Series,
  type Situation,
  areaKeys,
  api,
} from '../../api.ts';
import { WeekChart } from '../../Chart.tsx';
import { EventNav } from '../../kit/eventPage.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import {
  BucketValue,
  ExerciseTag,
  PrognosisArrow,
  StateTag,
  StatusTag,
} from '../../kit/status.tsx';
import { formatChange, formatShort, formatTime, periodLabel } from '../../format.ts';
import { useLive } from '../../useLive.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { MilestonePanel } from '../picture/Milestones.tsx';

interface Picture {
  event: EventItem;
  readiness: Readiness;
  completeness: Completeness;
  situations: Situation[];
  series: Series[];
  board: DiversionBoard;
  actions: ActionSummary;
  decisions: Decision[];
  log: LogEntry[];
}

type SectionKey =
  'readiness' | 'units' | 'diversions' | 'figures' | 'actions' | 'decisions' | 'log';

type Part =
  | 'event'
  | 'readiness'
  | 'completeness'
  | 'situations'
  | 'figures'
  | 'board'
  | 'actions'
  | 'decisions'
  | 'log';

const allParts: Part[] = [
  'event',
  'readiness',
  'completeness',
  'situations',
  'figures',
  'board',
  'actions',
  'decisions',
  'log',
];

/** Which parts of the picture a change of each kind can touch; an unknown kind refetches all. */
const partsByKind: Record<string, Part[]> = {
  event: ['event'],
  readiness_change: ['readiness'],
  unit: ['readiness', 'situations', 'completeness'],
  unit_situation: ['situations', 'completeness'],
  input_request: ['completeness'],
  figure: ['figures'],
  figure_import: ['figures'],
  figure_observation: ['figures'],
  facility: ['board'],
  diversion: ['board'],
  decision: ['decisions', 'actions', 'board'],
  action: ['actions'],
  log_entry: ['log'],
  communication_activity: [],
  media_picture: [],
  spokesperson: [],
  // The milestone panel follows the feed itself.
  milestone: [],
  risk: [],
  report: [],
  report_section: [],
  template: [],
  distribution_list: [],
  subscription: [],
  forum: [],
  meeting: [],
  calendar_token: [],
};

function partsFor(changes: Change[]): Set<Part> {
  if (changes.length === 0) return new Set(allParts);
  const parts = new Set<Part>();
  for (const change of changes) {
    for (const part of partsByKind[change.kind] ?? allParts) parts.add(part);
  }
  return parts;
}

const emptyPage = { items: [], total: 0, limit: 0, offset: 0 };
const emptyActionSummary: ActionSummary = { open: 0, overdue: 0, next: [] };
const emptyCompleteness: Completeness = {
  period: null,
  deadline: null,
  expected: 0,
  reported: 0,
  units: [],
};

/** Loads the parts asked for and keeps the rest from the picture already shown. */
async function loadPicture(
  eventId: number,
  before: Picture | null,
  parts: Set<Part> = new Set(allParts),
): Promise<Picture> {
  const wanted = (part: Part) => !before || parts.has(part);
  const optional = <T,>(promise: Promise<T>, fallback: T) => promise.catch(() => fallback);
  const keep = <T,>(value: T) => Promise.resolve(value);
  const loadingCompleteness = wanted('completeness')
    ? optional(api.completeness(eventId), emptyCompleteness)
    : keep(before!.completeness);
  const [event, readiness, completeness, situations, series, board, actions, decisions, log] =
    await Promise.all([
      wanted('event') ? api.event(eventId) : keep(before!.event),
      wanted('readiness') ? api.readiness(eventId) : keep(before!.readiness),
      loadingCompleteness,
      loadingCompleteness.then(({ period }) =>
        // Each unit's latest situation up to the period: another period needs them anew.
        wanted('situations') || period !== before!.completeness.period
          ? api.latestSituations(eventId, period ?? undefined).then((answer) => answer.items)
          : before!.situations,
      ),
      wanted('figures') ? loadSeries(eventId) : keep(before!.series),
      wanted('board')
        ? optional(api.diversionBoard(eventId), { at: '', items: [] } as DiversionBoard)
        : keep(before!.board),
      wanted('actions')
        ? optional(api.actionSummary(eventId), emptyActionSummary)
        : keep(before!.actions),
      wanted('decisions')
        ? optional(api.decisions(eventId, 4), emptyPage).then((page) => page.items)
        : keep(before!.decisions),
      wanted('log')
        ? optional(api.log(eventId, 3), emptyPage).then((page) => page.items)
        : keep(before!.log),
    ]);
  return { event, readiness, completeness, situations, series, board, actions, decisions, log };
}

async function loadSeries(eventId: number): Promise<Series[]> {
  const figures = await api.figures(eventId).catch(() => emptyPage);
  const series = await Promise.all(
    figures.items.slice(0, 4).map((figure) => api.series(eventId, figure.id).catch(() => null)),
  );
  return series.filter((item): item is Series => item !== null);
}

function sectionsOf(picture: Picture): Record<SectionKey, string> {
  return {
    readiness: JSON.stringify([picture.readiness.event, picture.event]),
    units: JSON.stringify([picture.readiness.units, picture.completeness, picture.situations]),
    diversions: JSON.stringify(picture.board.items),
    figures: JSON.stringify(picture.series),
    actions: JSON.stringify(picture.actions),
    decisions: JSON.stringify(picture.decisions),
    log: JSON.stringify(picture.log),
  };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [picture, setPicture] = useState<Picture | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<{ sections: Record<SectionKey, string>; rows: Map<string, string> }>(
    null,
  );
  const clearTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  usePageTitle(picture?.event.name ?? t('dashboard.title'));

  const pictureRef = useRef<Picture | null>(null);
  const refresh = useCallback(
    async (parts?: Set<Part>) => {
      try {
        const next = await loadPicture(eventId, pictureRef.current, parts);
        pictureRef.current = next;
        const sections = sectionsOf(next);
        const rows = rowSignatures(next);
        const before = previous.current;
        if (before) {
          const keys = new Set<string>();
          for (const key of Object.keys(sections) as SectionKey[]) {
            if (sections[key] !== before.sections[key]) keys.add(key);
          }
          for (const [key, value] of rows) {
            if (before.rows.get(key) !== value) keys.add(key);
          }
          if (keys.size > 0) {
            setChanged(keys);
            const names = (Object.keys(sections) as SectionKey[])
              .filter((key) => keys.has(key))
              .map((key) => sectionTitle(key, t));
            setAnnouncement(`${t('dashboard.updated')}: ${names.join(', ')}`);
            clearTimeout(clearTimer.current);
            clearTimer.current = setTimeout(() => setChanged(new Set()), 4000);
          }
        }
        previous.current = { sections, rows };
        setPicture(next);
        setError(null);
        setUpdatedAt(new Date());
      } catch (caught) {
        setError(caught);
      }
    },
    [eventId, t],
  );

  useEffect(() => {
    previous.current = null;
    pictureRef.current = null;
    // Fetching on mount: every state update in refresh() happens after a network answer.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    return () => clearTimeout(clearTimer.current);
  }, [refresh]);

  const live = useLive(eventId, (changes) => {
    const parts = partsFor(changes);
    if (parts.size > 0) void refresh(parts);
  });

  if (error && !picture) return <LoadError error={error} retry={refresh} />;
  if (!picture) return <Loading />;

  const { event, readiness } = picture;
  const flash = (key: string) => (changed.has(key) ? ' is-changed' : '');

  return (
    <div className="dashboard">
      {event.isExercise && <p className="exercise-banner">{t('app.exerciseBanner')}</p>}
      <EventNav eventId={event.id} />
      <div className="dashboard__top">
        <div className="dashboard__title">
          <PageHeading>
            {event.name} {event.isExercise && <ExerciseTag />}
          </PageHeading>
          <p className={`readiness${flash('readiness')}`}>
            <span className="readiness__label">{t('dashboard.readiness')}:</span>{' '}
            <ReadinessTag level={readiness.event.level} />{' '}
            {readiness.event.since && (
              <span className="muted">
                {t('dashboard.since', { when: formatShort(readiness.event.since) })}
              </span>
            )}
          </p>
        </div>
        <div className="dashboard__meta">
          <LiveStatus state={live} updatedAt={updatedAt} />
          {event.state === 'active' && (
            <Link to={`/events/${event.id}/report`} className="button button--secondary">
              {t('dashboard.reportLink')}
            </Link>
          )}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <UnitGrid picture={picture} flash={flash} />

      <MilestonePanel eventId={event.id} />

      <div className="dashboard__grid">
        <div className="dashboard__col">
          <FigurePanel series={picture.series} flash={flash('figures')} />
        </div>
        <div className="dashboard__col">
          <DiversionPanel board={picture.board} flash={flash('diversions')} />
          <ActionPanel summary={picture.actions} flash={flash('actions')} />
          <LogPanel log={picture.log} flash={flash('log')} />
        </div>
        <div className="dashboard__col">
          <DecisionPanel decisions={picture.decisions} flash={flash('decisions')} />
        </div>
      </div>
    </div>
  );
}

function shortWeek(period: string): string {
  const match = /W(\d{2})$/.exec(period);
  return match ? `v. ${Number(match[1])}` : periodLabel(period);
}

function rowSignatures(picture: Picture): Map<string, string> {
  const rows = new Map<string, string>();
  const latest = situationsByUnit(picture.situations);
  for (const unit of picture.readiness.units) {
    const report = picture.completeness.units.find((item) => item.unitId === unit.unitId);
    rows.set(`unit-${unit.unitId}`, JSON.stringify([unit, latest.get(unit.unitId), report]));
  }
  return rows;
}

function situationsByUnit(situations: Situation[]): Map<number, Situation> {
  return new Map(situations.map((situation) => [situation.unit.id, situation]));
}

function sectionTitle(key: SectionKey, t: (key: string) => string): string {
  const titles: Record<SectionKey, string> = {
    readiness: 'dashboard.readiness',
    units: 'dashboard.units',
    diversions: 'dashboard.diversions',
    figures: 'dashboard.figures',
    actions: 'dashboard.actions',
    decisions: 'dashboard.decisions',
    log: 'dashboard.log',
  };
  return t(titles[key]);
}

function ReadinessTag({ level }: { level: string }) {
  const { t } = useTranslation();
  const rank = ['normal', 'stabsläge', 'förstärkningsläge', 'katastrofläge'].indexOf(level);
  return (
    <span className={`tag tag--readiness tag--readiness-${Math.max(rank, 0)}`}>
      <span className="readiness-bars" aria-hidden="true">
        {[0, 1, 2, 3].map((bar) => (
          <span key={bar} className={bar <= rank ? 'on' : undefined} />
        ))}
      </span>
      {t(`readinessLevel.${level}`, { defaultValue: level })}
    </span>
  );
}

function LiveStatus({ state, updatedAt }: { state: string; updatedAt: Date | null }) {
  const { t } = useTranslation();
  return (
    <p className={`live live--${state}`}>
      <span className="live__dot" aria-hidden="true" />
      {state === 'open' ? t('dashboard.live') : t('dashboard.offline')}
      {updatedAt && (
        <span className="muted"> · {t('dashboard.liveAt', { time: formatTime(updatedAt) })}</span>
      )}
    </p>
  );
}

function UnitGrid({ picture, flash }: { picture: Picture; flash: (key: string) => string }) {
  const { t } = useTranslation();
  const period = picture.completeness.period;
  const latest = situationsByUnit(picture.situations);
  return (
    <section aria-labelledby="units-title" className={`panel panel--units${flash('units')}`}>
      <div className="panel__head">
        <h2 id="units-title" className="panel__title">
          {t('dashboard.units')}
        </h2>
        <CompletenessLine completeness={picture.completeness} />
      </div>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="units-title">
        <table className="table table--grid">
          <caption className="visually-hidden">
            {t('dashboard.unitsCaption', { period: periodLabel(period) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.unit')}</th>
              <th scope="col">{t('dashboard.overall')}</th>
              {areaKeys.map((area) => (
                <th scope="col" key={area}>
                  {t(`areas.${area}`)}
                </th>
              ))}
              <th scope="col">{t('dashboard.prognosis')}</th>
              <th scope="col">
                {t('dashboard.reported')} {period ? shortWeek(period) : ''}
              </th>
            </tr>
          </thead>
          <tbody>
            {picture.readiness.units.map((unit) => {
              const situation = latest.get(unit.unitId);
              const report = picture.completeness.units.find((item) => item.unitId === unit.unitId);
              const old = situation && period && situation.period !== period;
              return (
                <tr key={unit.unitId} className={flash(`unit-${unit.unitId}`)}>
                  <th scope="row">
                    <abbr title={unit.name}>{unit.code}</abbr>
                    <span className="unit-name">{unit.name}</span>
                    {unit.level !== 'normal' && (
                      <span className="tag tag--compact tag--unit-readiness">
                        {t(`readinessLevel.${unit.level}`, { defaultValue: unit.level })}
                      </span>
                    )}
                  </th>
                  {situation ? (
                    <>
                      <td className={old ? 'is-old nowrap' : undefined}>
                        <StatusTag status={situation.overallStatus} compact />
                        {old && (
                          <span className="old-note">
                            {t('dashboard.fromPeriod', { period: shortWeek(situation.period) })}
                          </span>
                        )}
                      </td>
                      {areaKeys.map((area) => (
                        <td key={area} className={old ? 'is-old' : undefined}>
                          <StatusTag status={situation.areas[area]} compact />
                        </td>
                      ))}
                      <td className={old ? 'is-old' : undefined}>
                        <PrognosisArrow prognosis={situation.prognosis} showText />
                      </td>
                    </>
                  ) : (
                    <td colSpan={7} className="muted">
                      {t('dashboard.noReport')}
                    </td>
                  )}
                  <td>
                    {report ? (
                      <>
                        <StateTag state={report.state} />
                        {report.late && (
                          <span className="tag tag--late tag--compact">
                            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                              <circle
                                cx="8"
                                cy="8"
                                r="6.3"
                                fill="none"
                                stroke="currentColor"
                                strokeWidth="1.6"
                              />
                              <path
                                d="M8 4.5V8l2.5 1.6"
                                stroke="currentColor"
                                strokeWidth="1.6"
                                fill="none"
                              />
                            </svg>
                            {t('dashboard.late')}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CompletenessLine({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation();
  if (!completeness.period) return <p className="completeness muted">{t('dashboard.noRequest')}</p>;
  const late = completeness.units.filter((unit) => unit.late && unit.state === 'missing');
  const share = completeness.expected ? completeness.reported / completeness.expected : 0;
  return (
    <div className="completeness">
      <meter
        min={0}
        max={completeness.expected || 1}
        value={completeness.reported}
        aria-hidden="true"
        className="completeness__meter"
      />
      <strong id="completeness-text">
        {t('dashboard.completeness', {
          reported: completeness.reported,
          expected: completeness.expected,
          period: periodLabel(completeness.period),
        })}
      </strong>
      {completeness.deadline && (
        <span className="muted">
          {t('dashboard.deadline', { when: formatShort(completeness.deadline) })}
        </span>
      )}
      {late.length > 0 && (
        <span className="tag tag--late">
          {t('dashboard.lateUnits', { units: late.map((unit) => unit.code).join(', ') })}
        </span>
      )}
      <span className="visually-hidden">{Math.round(share * 100)} %</span>
    </div>
  );
}

function FigurePanel({ series, flash }: { series: Series[]; flash: string }) {
  const { t } = useTranslation();
  const main =
    series.find((item) => item.figure.key === 'beläggningsgrad') ??
    series.find((item) => item.figure.unitOfMeasure === '%') ??
    series[0];
  return (
    <section aria-labelledby="figures-title" className={`panel${flash}`}>
      <h2 id="figures-title" className="panel__title">
        {t('dashboard.figures')}
      </h2>
      {main && (
        <>
          <h3 className="panel__subtitle">
            {t('dashboard.chartTitle', { name: main.figure.name })}
          </h3>
          <WeekChart
            title={t('dashboard.chartTitle', { name: main.figure.name })}
            buckets={main.buckets}
            unit={main.figure.unitOfMeasure}
            yellow={main.figure.yellowThreshold}
            red={main.figure.redThreshold}
            yellowLabel={t('dashboard.yellowLimit')}
            redLabel={t('dashboard.redLimit')}
          />
        </>
      )}
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.figure')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.lastWeek')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('dashboard.status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((item) => {
            const last = item.buckets.at(-1);
            const unit = item.figure.unitOfMeasure;
            return (
              <tr key={item.figure.id}>
                <th scope="row">{item.figure.name}</th>
                <td className="numeric nowrap">
                  {last ? (
                    <>
                      <BucketValue bucket={last} unit={unit} />
                      {item.change !== null && (
                        <span className="change"> ({formatChange(item.change)})</span>
                      )}
                      <span className="visually-hidden"> {periodLabel(last.period)}</span>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{last?.status && <StatusTag status={last.status} compact />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function DiversionPanel({ board, flash }: { board: DiversionBoard; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="diversions-title" className={`panel${flash}`}>
      <h2 id="diversions-title" className="panel__title">
        {t('dashboard.diversions')}
      </h2>
      <ul className="plain-list diversion-list">
        {board.items.map((item) => (
          <li key={item.facilityId} className={item.diverting ? 'is-diverting' : undefined}>
            <div className="row-between">
              <strong>{item.facilityName}</strong>
              {item.diverting ? (
                <span className="tag tag--red">
                  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path
                      d="M2 8h9M8 4l4 4-4 4"
                      stroke="currentColor"
                      strokeWidth="2"
                      fill="none"
                    />
                  </svg>
                  {t('dashboard.diverting')}
                </span>
              ) : (
                <span className="tag tag--green">
                  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <circle cx="8" cy="8" r="7" fill="currentColor" />
                    <path d="M4.5 8.2l2.3 2.3 4.7-4.9" stroke="#fff" strokeWidth="2" fill="none" />
                  </svg>
                  {t('dashboard.normalIntake')}
                </span>
              )}
            </div>
            {item.diverting && (
              <dl className="summary-list summary-list--compact">
                <div>
                  <dt>{t('dashboard.flows')}</dt>
                  <dd>
                    {item.categories.map((category) => t(`categories.${category}`)).join(', ')}
                  </dd>
                </div>
                <div>
                  <dt>{t('dashboard.redirectedTo')}</dt>
                  <dd>{item.redirectedTo.join('; ')}</dd>
                </div>
                <div>
                  <dt>{t('dashboard.sinceCol')}</dt>
                  <dd>{formatShort(item.since)}</dd>
                </div>
              </dl>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionPanel({ summary, flash }: { summary: ActionSummary; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="actions-title" className={`panel${flash}`}>
      <h2 id="actions-title" className="panel__title">
        {t('dashboard.actions')}{' '}
        <span className="panel__count">
          {t('dashboard.actionsSummary', { open: summary.open, overdue: summary.overdue })}
        </span>
      </h2>
      {summary.next.length === 0 ? (
        <p className="muted">{t('dashboard.noActions')}</p>
      ) : (
        <ul className="plain-list item-list">
          {summary.next.map((action) => (
            <li key={action.id}>
              <p className="clamp-2">{action.text}</p>
              <p className="small muted">
                {action.overdue && (
                  <span className="tag tag--red tag--compact">
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <circle cx="8" cy="8" r="7" fill="currentColor" />
                      <path d="M8 4v5M8 10.8v1.6" stroke="#fff" strokeWidth="2" />
                    </svg>
                    {t('dashboard.overdue')}
                  </span>
                )}{' '}
                {action.dueAt && t('dashboard.due', { when: formatShort(action.dueAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DecisionPanel({ decisions, flash }: { decisions: Decision[]; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decisions-title" className={`panel${flash}`}>
      <h2 id="decisions-title" className="panel__title">
        {t('dashboard.decisions')}
      </h2>
      {decisions.length === 0 ? (
        <p className="muted">{t('dashboard.noDecisions')}</p>
      ) : (
        <ul className="plain-list item-list">
          {decisions.map((decision) => (
            <li key={decision.id}>
              <p className="small muted ellipsis">
                <time dateTime={decision.decidedAt}>{formatShort(decision.decidedAt)}</time> ·{' '}
                {decision.forum}
              </p>
              <p className="clamp-2">{decision.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LogPanel({ log, flash }: { log: LogEntry[]; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="log-title" className={`panel${flash}`}>
      <h2 id="log-title" className="panel__title">
        {t('dashboard.log')}
      </h2>
      {log.length === 0 ? (
        <p className="muted">{t('dashboard.noLog')}</p>
      ) : (
        <ul className="plain-list item-list">
          {log.map((entry) => (
            <li key={entry.id}>
              <p className="clamp-2">
                <time dateTime={entry.occurredAt} className="small muted">
                  {formatShort(entry.occurredAt)}
                </time>{' '}
                {entry.text}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
