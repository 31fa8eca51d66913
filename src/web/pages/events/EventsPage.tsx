import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Event } from '../../../contract/events.ts';
import { eventsApi } from '../../clients/events.ts';
import { NextSteps } from '../next-steps/NextSteps.tsx';

export function EventsPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.title'));
  const { user } = useSession();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const events = useLoad(() => eventsApi.list(), []);

  const items = events.data?.items ?? [];
  const active = items.filter((event) => event.state === 'active');
  const closed = items.filter((event) => event.state !== 'active');

  return (
    <>
      {flash && (
        <Notice kind="success" role="status">
          {flash}
        </Notice>
      )}
      <div className="page-title-row">
        <PageHeading>{t('events.title')}</PageHeading>
        {user?.isAdmin && (
          <Link to="/events/new" className="button button--secondary">
            {t('events.create')}
          </Link>
        )}
      </div>
      {user && <NextSteps />}
      {events.loading && !events.data && <Loading />}
      {events.error ? <LoadError error={events.error} retry={events.reload} /> : null}
      {events.data && items.length === 0 && <p>{t('events.none')}</p>}
      {active.length > 0 && (
        <EventTable
          title={t('events.active')}
          id="active"
          events={active}
          admin={!!user?.isAdmin}
        />
      )}
      {closed.length > 0 && (
        <EventTable title={t('events.closed')} id="closed" events={closed} admin={false} />
      )}
    </>
  );
}

function EventTable({
  title,
  id,
  events,
  admin,
}: {
  title: string;
  id: string;
  events: Event[];
  admin: boolean;
}) {
  const { t } = useTranslation();
  const closed = events.some((event) => event.state === 'closed');
  return (
    <section aria-labelledby={`events-${id}`} className="section">
      <h2 id={`events-${id}`}>{title}</h2>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={`events-${id}`}>
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('events.name')}</th>
              <th scope="col">{t('events.activatedAt')}</th>
              {closed && <th scope="col">{t('events.closedAt')}</th>}
              <th scope="col">
                <span className="visually-hidden">{t('events.state')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <th scope="row">
                  <Link to={`/events/${event.id}`}>{event.name}</Link>{' '}
                  {event.isExercise && <ExerciseTag />}
                  {event.description && <p className="table-note">{event.description}</p>}
                </th>
                <td className="nowrap">{formatDateTime(event.activatedAt)}</td>
                {closed && <td className="nowrap">{formatDateTime(event.closedAt)}</td>}
                <td className="actions-cell">
                  {event.state === 'active' && (
                    <Link to={`/events/${event.id}/report`}>
                      {t('events.report')}
                      <span className="visually-hidden">: {event.name}</span>
                    </Link>
                  )}
                  {admin && (
                    <Link to={`/events/${event.id}/close`}>
                      {event.state === 'active' ? t('events.close') : t('closing.reopenTitle')}
                      <span className="visually-hidden">: {event.name}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
