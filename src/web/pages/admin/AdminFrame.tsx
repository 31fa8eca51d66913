// The frame of the admin screens: system administration (users, units, audit trail) and an
// event's administration (access, templates, scales, distribution lists, feeds, audit trail).
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import { type EventAccess, EventPage } from '../../kit/eventPage.tsx';
import { PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import '../picture/picture.css';
import type { Permission } from '../../../core/access.ts';
import type { Event } from '../../../contract/events.ts';

const systemSections = [
  ['users', '/admin/users'],
  ['units', '/admin/units'],
  ['sso', '/admin/sso'],
  ['secondFactor', '/admin/second-factor'],
  ['setups', '/admin/setups'],
  ['audit', '/admin/audit'],
] as const;

export function SystemAdminPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('app.events')}</Link> › <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <nav className="event-nav" aria-label={t('admin.navLabel')}>
        <ul>
          {systemSections.map(([key, path]) => (
            <li key={key}>
              <NavLink to={path}>{t(`admin.nav.${key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading>{title}</PageHeading>
      <div className="picture-page">{children}</div>
    </>
  );
}

/**
 * The event's administration pages, each with the permission needed to open it: its changes need
 * the same on the server, and the event's own details are shown read-only to whoever reads it.
 */
const eventSections = [
  ['event', '/admin/event', 'picture.read'],
  ['units', '/admin/units', 'event.manage'],
  ['access', '/admin/access', 'access.manage'],
  ['templates', '/admin/templates', 'template.manage'],
  ['scales', '/admin/scales', 'event.manage'],
  ['distribution', '/admin/distribution', 'distribution.manage'],
  ['outbox', '/admin/outbox', 'distribution.manage'],
  ['feeds', '/admin/feeds', 'feeds.manage'],
  ['settings', '/admin/settings', 'event.manage'],
  ['setup', '/admin/setup', 'event.manage'],
  ['form', '/admin/form', 'event.manage'],
  ['audit', '/admin/audit', 'audit.read'],
] as const satisfies readonly (readonly [string, string, Permission])[];

/** The sections the user's grants let them use (a closed event's pages still show read-only). */
function sectionsFor(can: (permission: Permission) => boolean) {
  return eventSections.filter(([, , permission]) => can(permission));
}

export function EventAdminPage({
  eventId,
  title,
  intro,
  children,
}: {
  eventId: number;
  title: string;
  intro?: string;
  children: (event: Event, can: (permission: string) => boolean, access: EventAccess) => ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <EventPage eventId={eventId} title={title} intro={intro}>
      {(event, can, access) => {
        const mayUse = (permission: Permission) => access.can(permission);
        const here = eventSections.find(([, path]) => pathname.endsWith(path));
        return (
          <>
            <nav className="sub-nav" aria-label={t('admin.eventNavLabel')}>
              <ul>
                {sectionsFor(mayUse).map(([key, path]) => (
                  <li key={key}>
                    <NavLink to={`/events/${eventId}${path}`}>{t(`admin.eventNav.${key}`)}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            {here && !mayUse(here[2]) ? (
              <Notice>{t('admin.notAllowed')}</Notice>
            ) : (
              children(event, can, access)
            )}
          </>
        );
      }}
    </EventPage>
  );
}

/** /admin: where the system admin starts. */
export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <SystemAdminPage title={t('admin.title')}>
      <ul className="card-links">
        {systemSections.map(([key, path]) => (
          <li key={key}>
            <Link to={path}>{t(`admin.nav.${key}`)}</Link>
            <p className="small muted">{t(`admin.navHint.${key}`)}</p>
          </li>
        ))}
      </ul>
      <p>{t('admin.eventAdminHint')}</p>
    </SystemAdminPage>
  );
}

/** /events/:id/admin: the event's administration. */
export function EventAdminHome() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventAdminPage eventId={eventId} title={t('admin.eventTitle')}>
      {(_event, _can, access) => (
        <ul className="card-links">
          {sectionsFor(access.can).map(([key, path]) => (
            <li key={key}>
              <Link to={`/events/${eventId}${path}`}>{t(`admin.eventNav.${key}`)}</Link>
              <p className="small muted">{t(`admin.eventNavHint.${key}`)}</p>
            </li>
          ))}
        </ul>
      )}
    </EventAdminPage>
  );
}
