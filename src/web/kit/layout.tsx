// The page's frame: document title, the one h1, loading and the closed-event banner.
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { formatDate } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { eventsApi } from '../clients/events.ts';

/** Sets the document title; the h1 of each page says the same. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Lägesbild`;
  }, [title]);
}

let firstHeading = true;

/**
 * The page's one h1. After a client-side navigation it takes focus, so that screen readers
 * announce the new page; on the first page load focus stays at the top, before the skip link.
 */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id={id} className="page-heading">
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** On every page of a closed event: the event is an archive that can only be read. */
export function ArchiveBanner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const eventId = Number(/^\/events\/(\d+)/.exec(pathname)?.[1] ?? 0);
  const event = useLoad(
    () => (eventId ? eventsApi.get(eventId) : Promise.resolve(null)),
    [eventId, pathname],
  );
  if (event.data?.state !== 'closed') return null;
  return (
    <p className="archive-banner" role="note">
      {t('closing.archiveBanner', { when: formatDate(event.data.closedAt) })}
    </p>
  );
}
