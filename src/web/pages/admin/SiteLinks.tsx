// The links every page carries, in the shell's first script: administration in the header, the
// accessibility statement in the footer. The admin screens themselves load when opened.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session.tsx';

/** The header link to system administration, for system admins. */
export function AdminNavLink() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user?.isAdmin) return null;
  return <Link to="/admin">{t('admin.title')}</Link>;
}

/** The footer of every page: the accessibility statement is always one link away. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <Link to="/tillganglighet">{t('a11y.title')}</Link>
      </div>
    </footer>
  );
}
