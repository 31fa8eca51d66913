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
  import('./ReportsListPage.tsx').then((module) => module.ReportsListPage),
);
export const ReportWorkflowPage = page(() =>
  import('./ReportWorkflowPage.tsx').then((module) => module.ReportWorkflowPage),
);
export const EditSectionPage = page(() =>
  import('./EditSectionPage.tsx').then((module) => module.EditSectionPage),
);
export const ReportChangesPage = page(() =>
  import('./ReportChangesPage.tsx').then((module) => module.ReportChangesPage),
);
export const SendBackPage = page(() =>
  import('./SendBackPage.tsx').then((module) => module.SendBackPage),
);
export const PublishReportPage = page(() =>
  import('./PublishReportPage.tsx').then((module) => module.PublishReportPage),
);
export const DeliveriesPage = page(() =>
  import('./DeliveriesPage.tsx').then((module) => module.DeliveriesPage),
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
