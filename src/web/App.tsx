import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  Navigate,
  Outlet,
  RouterProvider,
  createBrowserRouter,
  useLocation,
  useNavigate,
} from 'react-router';
import { ArchiveBanner, Loading, PageHeading, usePageTitle } from './kit/layout.tsx';
import { type Language, setLanguage } from './i18n.ts';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage.tsx';
import { EventsPage } from './pages/events/EventsPage.tsx';
import { LoginPage } from './pages/account/LoginPage.tsx';
import * as Reports from './pages/reports/index.tsx';
import * as Staff from './pages/picture/routes.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { AlertWatcher } from './pages/alerts/AlertWatcher.tsx';
import { lazyPage } from './kit/lazy-page.tsx';

// Only the sign-in and the list of events are in the first script; every other screen is
// loaded when first opened.
const CreateEventPage = lazyPage(['setups', 'milestones'], () =>
  import('./pages/events/EventForms.tsx').then((module) => module.CreateEventPage),
);
const CloseEventPage = lazyPage(['setups', 'milestones'], () =>
  import('./pages/events/EventForms.tsx').then((module) => module.CloseEventPage),
);
const DashboardPage = lazyPage(
  ['picture', 'eventSettings', 'situations', 'forms', 'milestones'],
  () => import('./pages/events/DashboardPage.tsx').then((module) => module.DashboardPage),
);
const SituationReturnPage = lazyPage(['forms', 'files'], () =>
  import('./pages/situation/SituationReturnPage.tsx').then((module) => module.SituationReturnPage),
);
const SecondFactorPage = lazyPage(['mfa'], () =>
  import('./pages/account/SecondFactorPage.tsx').then((module) => module.SecondFactorPage),
);
const ApiTokensPage = lazyPage(['picture', 'tokens'], () =>
  import('./pages/account/ApiTokensPage.tsx').then((module) => module.ApiTokensPage),
);
const AlertsPage = lazyPage(['picture', 'mail'], () =>
  import('./pages/alerts/AlertsPage.tsx').then((module) => module.AlertsPage),
);

function Layout() {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const other: Language = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <rect x="1" y="1" width="18" height="18" rx="3" fill="currentColor" />
              <path d="M5 14V9M10 14V5M15 14v-3" stroke="#0b0c0c" strokeWidth="2.4" />
            </svg>
            {t('app.name')}
          </Link>
          {user && (
            <nav aria-label={t('app.events')} className="site-nav">
              <Link to="/">{t('app.events')}</Link>
              <Reports.ReportsNavLink />
              <Staff.AdminNavLink />
              <Link to="/alerts">{t('alerts.link')}</Link>
            </nav>
          )}
          <div className="site-header__tools">
            <button
              type="button"
              className="link-button"
              lang={other}
              aria-label={t('app.switchToLabel')}
              onClick={() => setLanguage(other)}
            >
              {t('app.switchTo')}
            </button>
            {user && (
              <>
                <span className="site-header__user">{user.name}</span>
                <Link to="/second-factor">{t('mfa.link')}</Link>
                <Link to="/api-tokens">{t('tokens.link')}</Link>
                <button
                  type="button"
                  className="link-button"
                  onClick={async () => {
                    await signOut();
                    navigate('/login');
                  }}
                >
                  {t('app.logout')}
                </button>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {user && <ArchiveBanner />}
        {user && <AlertWatcher />}
        <Outlet />
      </main>
      <Staff.SiteFooter />
    </>
  );
}

/** Pages behind sign-in; a user with a one-time password is sent to change it first. */
function RequireUser({ children }: { children: ReactNode }) {
  const { user, mustEnrolSecondFactor } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    const next = location.pathname + location.search;
    return (
      <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />
    );
  }
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  if (mustEnrolSecondFactor) return <Navigate to="/second-factor" replace />;
  return <>{children}</>;
}

function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound'));
  return (
    <>
      <PageHeading>{t('app.notFound')}</PageHeading>
      <p>{t('app.notFoundText')}</p>
      <p>
        <Link to="/">{t('app.events')}</Link>
      </p>
    </>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/password', element: <ChangePasswordPage /> },
      { path: '/second-factor', element: <SecondFactorPage /> },
      {
        path: '/api-tokens',
        element: (
          <RequireUser>
            <ApiTokensPage />
          </RequireUser>
        ),
      },
      {
        path: '/',
        element: (
          <RequireUser>
            <EventsPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/new',
        element: (
          <RequireUser>
            <CreateEventPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId',
        element: (
          <RequireUser>
            <DashboardPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/close',
        element: (
          <RequireUser>
            <CloseEventPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/report',
        element: (
          <RequireUser>
            <SituationReturnPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports',
        element: (
          <RequireUser>
            <Reports.ReportsListPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports/:reportId',
        element: (
          <RequireUser>
            <Reports.ReportWorkflowPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports/:reportId/sections/:sectionId',
        element: (
          <RequireUser>
            <Reports.EditSectionPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports/:reportId/changes',
        element: (
          <RequireUser>
            <Reports.ReportChangesPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports/:reportId/return',
        element: (
          <RequireUser>
            <Reports.SendBackPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports/:reportId/publish',
        element: (
          <RequireUser>
            <Reports.PublishReportPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/reports/:reportId/deliveries',
        element: (
          <RequireUser>
            <Reports.DeliveriesPage />
          </RequireUser>
        ),
      },
      {
        path: '/events/:eventId/archive',
        element: (
          <RequireUser>
            <Reports.ArchivePage />
          </RequireUser>
        ),
      },
      ...Staff.staffRoutes.map(({ path, Page }) => ({
        path,
        element: (
          <RequireUser>
            <Page />
          </RequireUser>
        ),
      })),
      {
        path: '/alerts',
        element: (
          <RequireUser>
            <AlertsPage />
          </RequireUser>
        ),
      },
      { path: '/tillganglighet', element: <Staff.AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
