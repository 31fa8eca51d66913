// Pieces shared by the report screens: tags with words and icons, the breadcrumb, and the live
// "who else saved" tracker.
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format.ts';
import { useLive } from '../../useLive.ts';
import './reports.css';
import type { Event } from '../../../contract/events.ts';
import type {
  ReportDetail,
  ReportState,
  ReportSummary,
  SectionChange,
} from '../../../contract/reports.ts';
import { reportsApi } from '../../clients/reports.ts';

const stateIcons: Record<ReportState, ReactNode> = {
  draft: <path d="M3 13l1-4 7-7 3 3-7 7zM9.5 3.5l3 3" />,
  in_review: (
    <>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5L14.5 14.5" />
    </>
  ),
  approved: <path d="M2.5 8.5l3.5 3.5 7.5-8" />,
  published: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M1.8 8h12.4M8 1.8c-3 3.4-3 9 0 12.4M8 1.8c3 3.4 3 9 0 12.4" />
    </>
  ),
};

/** The report's workflow state as a tag: a word and an icon, never colour alone. */
export function ReportStateTag({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return (
    <span className={`tag report-state report-state--${state}`}>
      <svg
        viewBox="0 0 16 16"
        aria-hidden="true"
        focusable="false"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        {stateIcons[state]}
      </svg>
      <span>{t(`reports.state.${state}`)}</span>
    </span>
  );
}

const changeIcons: Record<SectionChange['change'], string> = {
  changed: 'M8 2v12M2 8h12',
  added: 'M8 2v12M2 8h12',
  removed: 'M2 8h12',
  unchanged: 'M2 6h12M2 10h12',
};

export function ChangeTag({ change }: { change: SectionChange['change'] }) {
  const { t } = useTranslation();
  const path = change === 'changed' ? 'M3 11l3-3 3 3 4-6' : changeIcons[change];
  return (
    <span className={`tag change-tag change-tag--${change}`}>
      <svg
        viewBox="0 0 16 16"
        aria-hidden="true"
        focusable="false"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d={path} />
      </svg>
      <span>{t(`reports.change.${change}`)}</span>
    </span>
  );
}

export function InternalTag() {
  const { t } = useTranslation();
  return (
    <span className="tag internal-tag">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor">
        <path d="M4 7V5a4 4 0 018 0v2h1v8H3V7zm2 0h4V5a2 2 0 00-4 0z" />
      </svg>
      <span>{t('reports.internalTag')}</span>
    </span>
  );
}

/** "Rapport nr 3", "Extrarapport nr 4 (version 2)". */
export function useReportName(): (
  report: Pick<ReportSummary, 'kind' | 'number' | 'revision'>,
) => string {
  const { t } = useTranslation();
  return (report) =>
    t(`reports.name.${report.kind}`, { number: report.number }) +
    (report.revision > 1 ? ` ${t('reports.revisionSuffix', { revision: report.revision })}` : '');
}

export function Breadcrumb({
  event,
  trail = [],
}: {
  event: Event;
  trail?: { to: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('reports.breadcrumb')} className="breadcrumb">
      <ol className="breadcrumb__list">
        <li>
          <Link to={`/events/${event.id}`}>
            {event.name}
            {event.isExercise ? ` (${t('app.exercise')})` : ''}
          </Link>
        </li>
        {trail.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "för 2 minuter sedan", updated every half minute. */
export function useRelativeTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return useCallback(
    (iso: string) => {
      const format = new Intl.RelativeTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
        numeric: 'auto',
      });
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      if (Math.abs(seconds) < 45) return format.format(0, 'second');
      const minutes = Math.round(seconds / 60);
      if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 24) return format.format(hours, 'hour');
      return formatDateTime(iso);
    },
    [now, i18n.language],
  );
}

export interface OthersSave {
  sectionId: number;
  title: string;
  name: string;
  at: string;
}

/** Saves by other people within this window count as "editing now". */
const RECENT_MS = 30 * 60_000;

/**
 * The report, kept fresh from the event's live stream. `others` lists the sections someone other
 * than `me` saved recently: the honest part of "who else is editing" that the server can tell.
 */
export function useLiveReport(eventId: number, reportId: number, me: string | undefined) {
  const [report, setReport] = useState<ReportDetail | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const reload = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      const value = await reportsApi.get(eventId, reportId);
      setReport(value);
      setNow(Date.now());
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      loading.current = false;
    }
  }, [eventId, reportId]);

  useEffect(() => {
    // reload sets state only once the request has answered.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  const live = useLive(eventId, (changes) => {
    if (
      changes.length === 0 ||
      changes.some((change) => change.kind === 'report' || change.kind === 'report_section')
    ) {
      void reload();
    }
  });

  const current = report?.id === reportId ? report : undefined;
  const others: OthersSave[] = (current?.sections ?? [])
    .filter(
      (section) =>
        section.updatedBy &&
        section.updatedBy !== me &&
        section.version > 1 &&
        now - new Date(section.updatedAt).getTime() < RECENT_MS,
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((section) => ({
      sectionId: section.id,
      title: section.title,
      name: section.updatedBy!,
      at: section.updatedAt,
    }));

  return { report: current, setReport, error, reload, live, others };
}

/** Who else has saved sections of this report lately. */
export function OthersEditing({
  others,
  eventId,
  reportId,
  max = 5,
}: {
  others: OthersSave[];
  eventId: number;
  reportId: number;
  max?: number;
}) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  return (
    <div className="others" role="status" aria-live="polite">
      {others.length > 0 && (
        <>
          <h2 className="others__title">{t('reports.others.title')}</h2>
          <ul className="plain-list">
            {others.slice(0, max).map((save) => (
              <li key={save.sectionId}>
                {t('reports.others.saved', { name: save.name })}{' '}
                <Link to={`/events/${eventId}/reports/${reportId}/sections/${save.sectionId}`}>
                  {save.title}
                </Link>{' '}
                <span className="muted">
                  {relative(save.at)} ({formatDateTime(save.at)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
