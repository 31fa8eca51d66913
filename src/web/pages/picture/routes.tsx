// The routes of the picture and admin screens; App.tsx wraps each page in RequireUser. Each
// screen is loaded when first opened, so the start page's JavaScript carries none of them.
import type { ComponentType } from 'react';
import { lazyPage } from '../../kit/lazy-page.tsx';

export { AdminNavLink, SiteFooter } from '../admin/SiteLinks.tsx';

export const AccessibilityPage = lazyPage(['admin'], () =>
  import('../admin/Accessibility.tsx').then((module) => module.AccessibilityPage),
);
const ReadinessPage = lazyPage(['picture', 'eventSettings', 'situations', 'forms'], () =>
  import('../readiness/ReadinessPage.tsx').then((module) => module.ReadinessPage),
);
const InputRequestsPage = lazyPage(['picture', 'situations'], () =>
  import('../situation/InputRequestsPage.tsx').then((module) => module.InputRequestsPage),
);
const SituationReviewPage = lazyPage(['files', 'forms', 'situations'], () =>
  import('../situation/SituationReviewPage.tsx').then((module) => module.SituationReviewPage),
);
const LogPage = lazyPage(['picture', 'files'], () =>
  import('./Log.tsx').then((module) => module.LogPage),
);
const DecisionsPage = lazyPage(['files', 'picture', 'meetings'], () =>
  import('./Decisions.tsx').then((module) => module.DecisionsPage),
);
const MilestonesPage = lazyPage(['picture', 'milestones'], () =>
  import('./Milestones.tsx').then((module) => module.MilestonesPage),
);
const ActionsPage = lazyPage(['picture', 'meetings'], () =>
  import('./Actions.tsx').then((module) => module.ActionsPage),
);
const MeetingsPage = lazyPage(['picture', 'meetings'], () =>
  import('../meetings/Meetings.tsx').then((module) => module.MeetingsPage),
);
const MeetingPage = lazyPage(['picture', 'meetings'], () =>
  import('../meetings/Meeting.tsx').then((module) => module.MeetingPage),
);
const ForumsPage = lazyPage(['picture', 'meetings'], () =>
  import('../meetings/Forums.tsx').then((module) => module.ForumsPage),
);
const CalendarPage = lazyPage(['picture', 'meetings'], () =>
  import('../meetings/Calendar.tsx').then((module) => module.CalendarPage),
);
const RisksPage = lazyPage(['picture'], () =>
  import('./Risks.tsx').then((module) => module.RisksPage),
);
const DiversionsPage = lazyPage(['picture'], () =>
  import('./Diversions.tsx').then((module) => module.DiversionsPage),
);
const FiguresPage = lazyPage(['picture'], () =>
  import('./Figures.tsx').then((module) => module.FiguresPage),
);
const CommunicationPage = lazyPage(['picture'], () =>
  import('./Communication.tsx').then((module) => module.CommunicationPage),
);
const DocumentsPage = lazyPage(['files'], () =>
  import('../files/DocumentsPage.tsx').then((module) => module.DocumentsPage),
);
const ReviewPage = lazyPage(['picture', 'review'], () =>
  import('../review/ReviewPage.tsx').then((module) => module.ReviewPage),
);
const SearchPage = lazyPage([], () =>
  import('../search/SearchPage.tsx').then((module) => module.SearchPage),
);
const EventAdminHome = lazyPage([], () =>
  import('../admin/AdminFrame.tsx').then((module) => module.EventAdminHome),
);
const EventDetailsPage = lazyPage(['picture', 'eventSettings'], () =>
  import('../admin/EventDetails.tsx').then((module) => module.EventDetailsPage),
);
const EventUnitsPage = lazyPage(['eventUnits', 'admin'], () =>
  import('../admin/EventUnits.tsx').then((module) => module.EventUnitsPage),
);
const AccessPage = lazyPage(['picture', 'admin', 'sso'], () =>
  import('../admin/Access.tsx').then((module) => module.AccessPage),
);
const EventSettingsPage = lazyPage(['eventSettings'], () =>
  import('../admin/EventSettings.tsx').then((module) => module.EventSettingsPage),
);
const TemplatesPage = lazyPage(['templates', 'admin', 'reports', 'picture'], () =>
  import('../templates/TemplatesPage.tsx').then((module) => module.TemplatesPage),
);
const ScalesAdminPage = lazyPage(['scales'], () =>
  import('../admin/Scales.tsx').then((module) => module.ScalesAdminPage),
);
const DistributionPage = lazyPage(['picture', 'mail', 'admin'], () =>
  import('../admin/Distribution.tsx').then((module) => module.DistributionPage),
);
const OutboxPage = lazyPage(['picture', 'mail'], () =>
  import('../admin/Outbox.tsx').then((module) => module.OutboxPage),
);
const FeedsPage = lazyPage(['picture', 'admin'], () =>
  import('../admin/Feeds.tsx').then((module) => module.FeedsPage),
);
const EventSetupPage = lazyPage(['picture', 'setups'], () =>
  import('../admin/Setups.tsx').then((module) => module.EventSetupPage),
);
const ReturnFormPage = lazyPage(['forms'], () =>
  import('../admin/ReturnForm.tsx').then((module) => module.ReturnFormPage),
);
const EventAuditPage = lazyPage(['audit', 'admin', 'picture'], () =>
  import('../admin/Audit.tsx').then((module) => module.EventAuditPage),
);
const AdminHomePage = lazyPage([], () =>
  import('../admin/AdminFrame.tsx').then((module) => module.AdminHomePage),
);
const UsersPage = lazyPage(['picture', 'admin', 'sso'], () =>
  import('../admin/Users.tsx').then((module) => module.UsersPage),
);
const UnitsPage = lazyPage(['picture', 'admin', 'eventUnits'], () =>
  import('../admin/Units.tsx').then((module) => module.UnitsPage),
);
const SsoPage = lazyPage(['picture', 'admin', 'sso'], () =>
  import('../admin/Sso.tsx').then((module) => module.SsoPage),
);
const SecondFactorPolicyPage = lazyPage(['mfa'], () =>
  import('../admin/SecondFactorPolicy.tsx').then((module) => module.SecondFactorPolicyPage),
);
const SetupsPage = lazyPage(['picture', 'setups'], () =>
  import('../admin/Setups.tsx').then((module) => module.SetupsPage),
);
const SystemAuditPage = lazyPage(['audit', 'admin', 'picture'], () =>
  import('../admin/Audit.tsx').then((module) => module.SystemAuditPage),
);

export const staffRoutes: { path: string; Page: ComponentType }[] = [
  { path: '/events/:eventId/readiness', Page: ReadinessPage },
  { path: '/events/:eventId/input-requests', Page: InputRequestsPage },
  { path: '/events/:eventId/situations/:situationId', Page: SituationReviewPage },
  { path: '/events/:eventId/log', Page: LogPage },
  { path: '/events/:eventId/decisions', Page: DecisionsPage },
  { path: '/events/:eventId/milestones', Page: MilestonesPage },
  { path: '/events/:eventId/actions', Page: ActionsPage },
  { path: '/events/:eventId/meetings', Page: MeetingsPage },
  { path: '/events/:eventId/meetings/:meetingId', Page: MeetingPage },
  { path: '/events/:eventId/forums', Page: ForumsPage },
  { path: '/events/:eventId/calendar', Page: CalendarPage },
  { path: '/events/:eventId/risks', Page: RisksPage },
  { path: '/events/:eventId/diversions', Page: DiversionsPage },
  { path: '/events/:eventId/figures', Page: FiguresPage },
  { path: '/events/:eventId/communication', Page: CommunicationPage },
  { path: '/events/:eventId/documents', Page: DocumentsPage },
  { path: '/events/:eventId/review', Page: ReviewPage },
  { path: '/events/:eventId/search', Page: SearchPage },
  { path: '/events/:eventId/admin', Page: EventAdminHome },
  { path: '/events/:eventId/admin/event', Page: EventDetailsPage },
  { path: '/events/:eventId/admin/units', Page: EventUnitsPage },
  { path: '/events/:eventId/admin/access', Page: AccessPage },
  { path: '/events/:eventId/admin/settings', Page: EventSettingsPage },
  { path: '/events/:eventId/admin/templates', Page: TemplatesPage },
  { path: '/events/:eventId/admin/scales', Page: ScalesAdminPage },
  { path: '/events/:eventId/admin/distribution', Page: DistributionPage },
  { path: '/events/:eventId/admin/outbox', Page: OutboxPage },
  { path: '/events/:eventId/admin/feeds', Page: FeedsPage },
  { path: '/events/:eventId/admin/setup', Page: EventSetupPage },
  { path: '/events/:eventId/admin/form', Page: ReturnFormPage },
  { path: '/events/:eventId/admin/audit', Page: EventAuditPage },
  { path: '/admin', Page: AdminHomePage },
  { path: '/admin/users', Page: UsersPage },
  { path: '/admin/units', Page: UnitsPage },
  { path: '/admin/sso', Page: SsoPage },
  { path: '/admin/second-factor', Page: SecondFactorPolicyPage },
  { path: '/admin/setups', Page: SetupsPage },
  { path: '/admin/audit', Page: SystemAuditPage },
];
