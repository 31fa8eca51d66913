// The report screens, loaded on demand (the editor brings markdown-it and a diff), so the
// dashboard's initial JavaScript stays small.
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch } from 'react-router';
import { lazyPage } from '../../kit/lazy-page.tsx';

export const ReportsListPage = lazyPage(['reports', 'templates'], () =>
  import('./ReportsListPage.tsx').then((module) => module.ReportsListPage),
);
export const ReportWorkflowPage = lazyPage(['reports', 'mail'], () =>
  import('./ReportWorkflowPage.tsx').then((module) => module.ReportWorkflowPage),
);
export const EditSectionPage = lazyPage(['reports'], () =>
  import('./EditSectionPage.tsx').then((module) => module.EditSectionPage),
);
export const ReportChangesPage = lazyPage(['reports'], () =>
  import('./ReportChangesPage.tsx').then((module) => module.ReportChangesPage),
);
export const SendBackPage = lazyPage(['reports', 'mail'], () =>
  import('./SendBackPage.tsx').then((module) => module.SendBackPage),
);
export const PublishReportPage = lazyPage(['reports', 'mail', 'picture'], () =>
  import('./PublishReportPage.tsx').then((module) => module.PublishReportPage),
);
export const DeliveriesPage = lazyPage(['reports', 'picture', 'mail'], () =>
  import('./DeliveriesPage.tsx').then((module) => module.DeliveriesPage),
);
export const ArchivePage = lazyPage(['reports', 'picture', 'mail'], () =>
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
