// The report screens, loaded on demand (the editor brings markdown-it and a diff), so the
// dashboard's initial JavaScript stays small.
import { type ComponentType, Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch } from 'react-router';
import { Loading } from '../../kit/layout.tsx';

function page(load: () => Promise<ComponentType>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function ReportScreen() {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const ReportsListPage = page(() =>
  import('./ReportsList.tsx').then((module) => module.ReportsListPage),
);
export const ReportPage = page(() =>
  import('./ReportPage.tsx').then((module) => module.ReportPage),
);
export const ReportSectionPage = page(() =>
  import('./SectionPage.tsx').then((module) => module.SectionPage),
);
export const ReportChangesPage = page(() =>
  import('./ChangesPage.tsx').then((module) => module.ChangesPage),
);
export const ReportReturnPage = page(() =>
  import('./ReturnPage.tsx').then((module) => module.ReturnPage),
);
export const ReportPublishPage = page(() =>
  import('./PublishPage.tsx').then((module) => module.PublishPage),
);
export const ArchivePage = page(() =>
  import('./ArchivePage.tsx').then((module) => module.ArchivePage),
);

/** "Rapporter" in the header while inside an event. */
export function ReportsNavLink() {
  const { t } = useTranslation();
  const match = useMatch('/events/:eventId/*');
  const eventId = Number(match?.params.eventId);
  if (!eventId) return null;
  return <NavLink to={`/events/${eventId}/reports`}>{t('reports.nav')}</NavLink>;
}
