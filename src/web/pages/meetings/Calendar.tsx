// Kalender: the event's week at a glance, and a personal iCalendar address to subscribe to.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { Loading } from '../../kit/layout.tsx';
import { useEventList } from '../../kit/lists.tsx';
import { errorText } from '../../kit/messages.tsx';
import { InternalTag } from '../../kit/status.tsx';
import {
  formatDate,
  formatDateTime,
  isoWeek,
  stockholmLocalToIso,
  stockholmParts,
} from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { CalendarEntry } from '../../../contract/meetings.ts';
import { meetingsApi } from '../../clients/meetings.ts';

const dayMs = 86_400_000;

function dateKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Monday (YYYY-MM-DD) of the Stockholm week that holds the given day. */
function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  return dateKey(new Date(date.getTime() - (weekday - 1) * dayMs));
}

function addDays(day: string, days: number): string {
  return dateKey(new Date(Date.parse(`${day}T12:00:00Z`) + days * dayMs));
}

function stockholmDay(instant: string): string {
  const parts = stockholmParts(new Date(instant));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function stockholmClock(instant: string): string {
  const parts = stockholmParts(new Date(instant));
  return `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
}

export function CalendarPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [search] = useSearchParams();
  const requested = search.get('week');
  const monday = mondayOf(
    requested && /^\d{4}-\d{2}-\d{2}$/.test(requested)
      ? requested
      : stockholmDay(new Date().toISOString()),
  );
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  const from = stockholmLocalToIso(`${monday}T00:00`);
  const to = stockholmLocalToIso(`${addDays(monday, 7)}T00:00`);
  const calendar = useEventList(eventId, () => meetingsApi.calendar(eventId, from, to), [from]);
  const [y, m, d] = monday.split('-').map(Number);
  const week = isoWeek(y!, m!, d!);
  const byDay = new Map<string, CalendarEntry[]>(days.map((day) => [day, []]));
  for (const entry of calendar.data?.items ?? []) byDay.get(stockholmDay(entry.start))?.push(entry);

  return (
    <EventPage
      eventId={eventId}
      title={t('meetings.calendar.title')}
      intro={t('meetings.calendar.intro')}
    >
      {() => (
        <>
          <nav className="button-group" aria-label={t('meetings.calendar.title')}>
            <Link className="button button--secondary" to={`?week=${addDays(monday, -7)}`}>
              {t('meetings.calendar.previous')}
            </Link>
            <Link className="button button--secondary" to="?">
              {t('meetings.calendar.thisWeek')}
            </Link>
            <Link className="button button--secondary" to={`?week=${addDays(monday, 7)}`}>
              {t('meetings.calendar.next')}
            </Link>
          </nav>
          <section aria-labelledby="calendar-week-title">
            <h2 id="calendar-week-title" aria-live="polite">
              {t('meetings.calendar.week', { week: week.week, year: week.year })}
            </h2>
            {calendar.error ? (
              <LoadError error={calendar.error} retry={calendar.reload} />
            ) : !calendar.data ? (
              <Loading />
            ) : (
              <>
                {calendar.data.items.length === 0 && <p>{t('meetings.calendar.empty')}</p>}
                {days.map((day) => (
                  <CalendarDay key={day} day={day} entries={byDay.get(day) ?? []} />
                ))}
              </>
            )}
          </section>
          <Subscription eventId={eventId} />
        </>
      )}
    </EventPage>
  );
}

function CalendarDay({ day, entries }: { day: string; entries: CalendarEntry[] }) {
  const { t } = useTranslation();
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
  const headingId = `calendar-day-${day}`;
  return (
    <section className="calendar-day" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`meetings.weekdays.${weekday}`)} {formatDate(`${day}T12:00:00Z`)}
      </h3>
      {entries.length === 0 ? (
        <p className="muted small">{t('meetings.calendar.nothingThisDay')}</p>
      ) : (
        <ul className="plain-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <span className="nowrap">
                {entry.allDay
                  ? t('meetings.calendar.allDay')
                  : entry.start === entry.end
                    ? stockholmClock(entry.start)
                    : `${stockholmClock(entry.start)}–${stockholmClock(entry.end)}`}
              </span>{' '}
              <span className="tag tag--compact">{t(`meetings.calendar.kinds.${entry.kind}`)}</span>{' '}
              {entry.internal && <InternalTag />}{' '}
              {entry.link.startsWith('/r/') ? (
                <a href={entry.link}>{entry.title}</a>
              ) : (
                <Link to={entry.link}>{entry.title}</Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Subscription({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const status = useLoad(() => meetingsApi.subscription(eventId), [eventId]);
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function run(action: () => Promise<void>) {
    setError('');
    setMessage('');
    try {
      await action();
      await status.reload();
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  return (
    <section className="panel" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title" className="panel__title">
        {t('meetings.calendar.subscribe.title')}
      </h2>
      <p>{t('meetings.calendar.subscribe.text')}</p>
      <div role="status" aria-live="polite">
        {message && <p className="notice notice--success">{message}</p>}
        {error && <p className="notice notice--error">{error}</p>}
      </div>
      {url ? (
        <div className="field">
          <label className="label" htmlFor="calendar-url">
            {t('meetings.calendar.subscribe.url')}
          </label>
          <p className="hint" id="calendar-url-hint">
            {t('meetings.calendar.subscribe.copyHint')}
          </p>
          <input
            id="calendar-url"
            className="input"
            readOnly
            value={url}
            aria-describedby="calendar-url-hint"
            onFocus={(event) => event.target.select()}
          />
        </div>
      ) : status.data?.active ? (
        <p>
          {t('meetings.calendar.subscribe.active', {
            when: formatDateTime(status.data.createdAt),
          })}
        </p>
      ) : (
        status.data && <p>{t('meetings.calendar.subscribe.inactive')}</p>
      )}
      <div className="button-group">
        <button
          type="button"
          className="button"
          onClick={() =>
            void run(async () => {
              setUrl((await meetingsApi.subscribe(eventId)).url);
            })
          }
        >
          {status.data?.active || url
            ? t('meetings.calendar.subscribe.replace')
            : t('meetings.calendar.subscribe.create')}
        </button>
        {(status.data?.active || url) && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void run(async () => {
                await meetingsApi.unsubscribe(eventId);
                setUrl('');
                setMessage(t('meetings.calendar.subscribe.revoked'));
              })
            }
          >
            {t('meetings.calendar.subscribe.revoke')}
          </button>
        )}
      </div>
    </section>
  );
}
