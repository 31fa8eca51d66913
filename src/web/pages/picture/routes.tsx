// The routes of the picture and admin screens; App.tsx wraps each page in RequireUser.
import type { ComponentType } from 'react';
import { AccessPage } from '../admin/Access.tsx';
import { AdminHomePage, EventAdminHome } from '../admin/AdminFrame.tsx';
import { EventAuditPage, SystemAuditPage } from '../admin/Audit.tsx';
import { DistributionPage } from '../admin/Distribution.tsx';
import { EventDetailsPage } from '../admin/EventDetails.tsx';
import { EventSettingsPage } from '../admin/EventSettings.tsx';
import { FeedsPage } from '../admin/Feeds.tsx';
import { OutboxPage } from '../admin/Outbox.tsx';
import { ReturnFormPage } from '../admin/ReturnForm.tsx';
import { TemplatesPage } from '../templates/TemplatesPage.tsx';
import { EventUnitsPage } from '../admin/EventUnits.tsx';
import { SsoPage } from '../admin/Sso.tsx';
import { SecondFactorPolicyPage } from '../admin/SecondFactorPolicy.tsx';
import { UnitsPage } from '../admin/Units.tsx';
import { UsersPage } from '../admin/Users.tsx';
import { EventSetupPage, SetupsPage } from '../admin/Setups.tsx';
import { CalendarPage } from '../meetings/Calendar.tsx';
import { ForumsPage } from '../meetings/Forums.tsx';
import { MeetingPage } from '../meetings/Meeting.tsx';
import { MeetingsPage } from '../meetings/Meetings.tsx';
import { ActionsPage } from './Actions.tsx';
import { CommunicationPage } from './Communication.tsx';
import { DecisionsPage } from './Decisions.tsx';
import { DocumentsPage } from '../files/DocumentsPage.tsx';
import { DiversionsPage } from './Diversions.tsx';
import { FiguresPage } from './Figures.tsx';
import { LogPage } from './Log.tsx';
import { MilestonesPage } from './Milestones.tsx';
import { RisksPage } from './Risks.tsx';
import { ReviewPage } from '../review/ReviewPage.tsx';
import { SearchPage } from '../search/SearchPage.tsx';
import { ScalesAdminPage } from '../admin/Scales.tsx';
import { ReadinessPage } from '../readiness/ReadinessPage.tsx';
import { InputRequestsPage } from '../situation/InputRequestsPage.tsx';
import { SituationReviewPage } from '../situation/SituationReviewPage.tsx';

export { AccessibilityPage } from '../admin/Accessibility.tsx';
export { AdminNavLink, SiteFooter } from '../admin/AdminFrame.tsx';

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
