import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventNav, useEventAccess, useEventSettings } from '../../kit/eventPage.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { currentWeekKey, formatShort, stockholmToday } from '../../format.ts';
import { DataAsOfForm } from './DataAsOfForm.tsx';
import { useLive } from '../../useLive.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { MilestonePanel } from '../picture/Milestones.tsx';
import {
  ActionPanel,
  DecisionPanel,
  DiversionPanel,
  FigurePanel,
  LogPanel,
} from './DashboardPanels.tsx';
import { ScalesProvider } from '../../kit/status.tsx';
import { LiveStatus, ReadinessTag, UnitGrid, rowSignatures, sectionTitle } from './UnitGrid.tsx';
import type { ActionSummary } from '../../../contract/actions.ts';
import type { Decision } from '../../../contract/decisions.ts';
import type { DiversionBoard } from '../../../contract/diversions.ts';
import type { Event } from '../../../contract/events.ts';
import type { Series } from '../../../contract/figures.ts';
import type { LiveChange } from '../../../contract/live.ts';
import type { LogEntry } from '../../../contract/log.ts';
import type { ReadinessOverview } from '../../../contract/readiness.ts';
import type { Completeness, Situation } from '../../../contract/situations.ts';
import { accessApi } from '../../clients/access.ts';
import { actionsApi } from '../../clients/actions.ts';
import { decisionsApi } from '../../clients/decisions.ts';
import { diversionsApi } from '../../clients/diversions.ts';
import { eventsApi } from '../../clients/events.ts';
import { figuresApi } from '../../clients/figures.ts';
import { logApi } from '../../clients/log.ts';
import { readinessApi } from '../../clients/readiness.ts';
import { situationsApi } from '../../clients/situations.ts';
import { ReturnAnswersPanel } from '../situation/ReturnAnswers.tsx';
import { returnFormsApi } from '../../clients/return-forms.ts';
import { useLoad } from '../../useLoad.ts';

export interface Picture {
  event: Event;
  readiness: ReadinessOverview;
  completeness: Completeness;
  situations: Situation[];
  series: Series[];
  board: DiversionBoard;
  actions: ActionSummary;
  decisions: Decision[];
  log: LogEntry[];
}

export type SectionKey =
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

function partsFor(changes: LiveChange[]): Set<Part> {
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
  dataAsOf: null,
  covered: false,
  expected: 0,
  reported: 0,
  units: [],
  groups: [],
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
    ? optional(situationsApi.completeness(eventId), emptyCompleteness)
    : keep(before!.completeness);
  const [event, readiness, completeness, situations, series, board, actions, decisions, log] =
    await Promise.all([
      wanted('event') ? eventsApi.get(eventId) : keep(before!.event),
      wanted('readiness') ? readinessApi.overview(eventId) : keep(before!.readiness),
      loadingCompleteness,
      loadingCompleteness.then(({ period }) =>
        // Each unit's latest situation up to the period: another period needs them anew.
        wanted('situations') || period !== before!.completeness.period
          ? situationsApi.latest(eventId, period ?? undefined).then((answer) => answer.items)
          : before!.situations,
      ),
      wanted('figures') ? loadSeries(eventId) : keep(before!.series),
      wanted('board')
        ? optional(diversionsApi.board(eventId), { at: '', items: [] } as DiversionBoard)
        : keep(before!.board),
      wanted('actions')
        ? optional(actionsApi.summary(eventId), emptyActionSummary)
        : keep(before!.actions),
      wanted('decisions')
        ? optional(decisionsApi.list(eventId, { limit: 4 }), emptyPage).then((page) => page.items)
        : keep(before!.decisions),
      wanted('log')
        ? optional(logApi.list(eventId, { limit: 3 }), emptyPage).then((page) => page.items)
        : keep(before!.log),
    ]);
  return { event, readiness, completeness, situations, series, board, actions, decisions, log };
}

async function loadSeries(eventId: number): Promise<Series[]> {
  const figures = await figuresApi.list(eventId).catch(() => emptyPage);
  const series = await Promise.all(
    figures.items
      .slice(0, 4)
      .map((figure) => figuresApi.series(eventId, figure.id).catch(() => null)),
  );
  return series.filter((item): item is Series => item !== null);
}

/** The period the clock is in, by the event's granularity. */
function currentPeriodOf(event: Event): string {
  return event.periodGranularity === 'week' ? currentWeekKey() : stockholmToday();
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
  // One read of the return form for both the unit grid's columns and the other answers.
  const returnForm = useLoad(() => returnFormsApi.get(eventId), [eventId]);
  const returnFields = returnForm.data?.fields ?? [];
  const mine = useLoad(() => accessApi.mine(eventId).catch(() => null), [eventId]);
  const previous = useRef<{ sections: Record<SectionKey, string>; rows: Map<string, string> }>(
    null,
  );
  const clearTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  usePageTitle(picture?.event.name ?? t('dashboard.title'));
  useEventSettings(picture?.event);

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

  const access = useEventAccess(eventId);
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
      <EventNav eventId={event.id} can={access.can} />
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
            )}{' '}
            <Link to={`/events/${event.id}/readiness`}>{t('readiness.manage')}</Link>
          </p>
        </div>
        <div className="dashboard__meta">
          <LiveStatus state={live} updatedAt={updatedAt} />
          {event.state === 'active' && access.mayReport && (
            <Link to={`/events/${event.id}/report`} className="button button--secondary">
              {t('dashboard.reportLink')}
            </Link>
          )}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <ScalesProvider eventId={event.id}>
        <UnitGrid
          picture={picture}
          fields={returnFields}
          flash={flash}
          canReview={mine.data?.permissions.includes('situation.review') ?? false}
          dataAsOfForm={
            event.state === 'active' &&
            access.can('input_request.manage') && (
              <DataAsOfForm
                eventId={event.id}
                period={picture.completeness.period ?? currentPeriodOf(event)}
                onSaved={() => void refresh(new Set(['completeness']))}
              />
            )
          }
        />
        <ReturnAnswersPanel fields={returnFields} situations={picture.situations} />
      </ScalesProvider>

      <MilestonePanel eventId={event.id} />

      <div className="dashboard__grid">
        <div className="dashboard__col">
          <FigurePanel
            series={picture.series}
            flash={flash('figures')}
            unitlessLabel={event.unitlessLabel}
          />
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
