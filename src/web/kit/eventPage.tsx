// The frame of an event's screens: the event's sub-navigation, breadcrumb and the one h1.
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LoadError } from './loadError.tsx';
import { EventSearchField } from './eventSearch.tsx';
import { useLoad } from '../useLoad.ts';
import { Loading, PageHeading, usePageTitle } from './layout.tsx';
import { ExerciseTag } from './status.tsx';
import '../pages/picture/picture.css';
import type { Permission } from '../../core/access.ts';
import type { Event } from '../../contract/events.ts';
import type { MyGrants } from '../../contract/access.ts';
import { accessApi } from '../clients/access.ts';
import { eventsApi } from '../clients/events.ts';
import { TIME_ZONE, setDisplayTimeZone } from '../format.ts';
import { applyEventLanguage } from '../i18n.ts';

export const eventSections = [
  ['overview', ''],
  ['readiness', '/readiness'],
  ['inputRequests', '/input-requests'],
  ['log', '/log'],
  ['decisions', '/decisions'],
  ['milestones', '/milestones'],
  ['actions', '/actions'],
  ['meetings', '/meetings'],
  ['calendar', '/calendar'],
  ['risks', '/risks'],
  ['diversions', '/diversions'],
  ['figures', '/figures'],
  ['communication', '/communication'],
  ['documents', '/documents'],
  ['reports', '/reports'],
  ['archive', '/archive'],
  ['review', '/review'],
  ['admin', '/admin'],
] as const;

/** Whoever holds one of these sees the event's Administration tab. */
export const adminPermissions: readonly Permission[] = [
  'event.manage',
  'access.manage',
  'template.manage',
  'distribution.manage',
  'feeds.manage',
  'audit.read',
];

/**
 * The event's search field and sub-navigation: one link per area the user may open, the current one marked for
 * screen readers.
 */
export function EventNav({
  eventId,
  can,
}: {
  eventId: number;
  can: (permission: Permission) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <EventSearchField eventId={eventId} />
      <nav className="event-nav" aria-label={t('picture.nav.label')}>
        <ul>
          {eventSections
            .filter(([key]) => mayOpen(key, can))
            .map(([key, path]) => (
              <li key={key}>
                <NavLink to={`/events/${eventId}${path}`} end>
                  {t(`picture.nav.${key}`)}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
    </>
  );
}

/** Areas that only some roles can use; every other area is open to whoever reads the event. */
function mayOpen(
  section: (typeof eventSections)[number][0],
  can: (permission: Permission) => boolean,
): boolean {
  if (section === 'admin') return adminPermissions.some(can);
  if (section === 'inputRequests') return can('input_request.manage');
  return true;
}

/**
 * Shows the event's dates in its time zone and its language as the default, while its pages are
 * shown. The zone is set while rendering too, so that the first paint already uses it.
 */
export function useEventSettings(event: Pick<Event, 'timeZone' | 'language'> | null | undefined) {
  if (event) setDisplayTimeZone(event.timeZone);
  const timeZone = event?.timeZone;
  const language = event?.language;
  useEffect(() => {
    if (!timeZone || !language) return;
    setDisplayTimeZone(timeZone);
    applyEventLanguage(language);
    return () => {
      setDisplayTimeZone(TIME_ZONE);
      applyEventLanguage(null);
    };
  }, [timeZone, language]);
}

/** What the signed-in user may do in the event; unknown (null) means "let the server decide". */
async function myAccess(eventId: number): Promise<MyGrants | null> {
  try {
    return await accessApi.mine(eventId);
  } catch {
    return null;
  }
}

export interface EventAccess {
  loading: boolean;
  /** False while loading; true for everything when the grants could not be read (the server decides). */
  can: (permission: Permission) => boolean;
  /** Reports a unit's situation: for the whole event or for units of their own. */
  mayReport: boolean;
}

/** What the signed-in user may do in the event, so that screens offer only that. */
export function useEventAccess(eventId: number): EventAccess {
  const mine = useLoad(() => myAccess(eventId), [eventId]);
  const can = (permission: Permission) =>
    !mine.loading && (!mine.data || mine.data.permissions.includes(permission));
  return {
    loading: mine.loading,
    can,
    mayReport: can('situation.write') || (mine.data?.unitIds.length ?? 0) > 0,
  };
}

/** The frame of an event's screen: breadcrumb, sub-navigation, the one h1. */
export function EventPage({
  eventId,
  title,
  intro,
  children,
}: {
  eventId: number;
  title: string;
  intro?: ReactNode;
  /** `can` is false for everything in a closed event; `access` tells the user's grants alone. */
  children: (event: Event, can: (permission: string) => boolean, access: EventAccess) => ReactNode;
}) {
  const { t } = useTranslation();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const access = useEventAccess(eventId);
  useEventSettings(event.data);
  usePageTitle(event.data ? `${title} – ${event.data.name}` : title);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('app.events')}</Link>
        {event.data && (
          <>
            {' › '}
            <Link to={`/events/${eventId}`}>{event.data.name}</Link>
          </>
        )}
      </p>
      <EventNav eventId={eventId} can={access.can} />
      {event.data?.isExercise && <p className="exercise-banner">{t('app.exerciseBanner')}</p>}
      <PageHeading>
        {title} {event.data?.isExercise && <ExerciseTag />}
      </PageHeading>
      {intro && <p className="lead">{intro}</p>}
      {event.error ? (
        <LoadError error={event.error} retry={event.reload} />
      ) : !event.data || access.loading ? (
        <Loading />
      ) : (
        <div className="picture-page">
          {children(
            event.data,
            (permission) => event.data?.state !== 'closed' && access.can(permission as Permission),
            access,
          )}
        </div>
      )}
    </>
  );
}
