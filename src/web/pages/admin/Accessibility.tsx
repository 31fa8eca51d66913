// Tillgänglighetsredogörelse: required by the Swedish law on accessibility of digital public
// services (DOS-lagen, 2018:1937). Linked from the footer of every page.
import { useTranslation } from 'react-i18next';
import { accessibilityApi } from '../../clients/accessibility.ts';
import { PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { useLoad } from '../../useLoad.ts';

/** Where people report problems: the installation's ACCESSIBILITY_CONTACT, or what to set. */
function ReportContact() {
  const { t } = useTranslation();
  const settings = useLoad(() => accessibilityApi.settings(), []);
  if (settings.loading) return null;
  const contact = settings.data?.contactEmail;
  if (!contact) return <p>{t('a11y.noContact')}</p>;
  return (
    <p>
      {t('a11y.email')} <a href={`mailto:${contact}`}>{contact}</a>
    </p>
  );
}

export function AccessibilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('a11y.title'));
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  return (
    <div className="narrow prose">
      <PageHeading>{t('a11y.title')}</PageHeading>
      <p className="lead">{t('a11y.intro')}</p>

      <h2>{t('a11y.statusTitle')}</h2>
      <p>{t('a11y.status')}</p>

      <h2>{t('a11y.conformsTitle')}</h2>
      <ul>
        {list('a11y.conforms').map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h2>{t('a11y.gapsTitle')}</h2>
      <p>{t('a11y.gapsIntro')}</p>
      <ul>
        {list('a11y.gaps').map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h2>{t('a11y.reportTitle')}</h2>
      <p>{t('a11y.report')}</p>
      <ReportContact />
      <p>{t('a11y.answer')}</p>

      <h2>{t('a11y.supervisionTitle')}</h2>
      <p>
        {t('a11y.supervision')} <a href="https://www.digg.se/tdosanmalan">{t('a11y.diggLink')}</a>
      </p>

      <h2>{t('a11y.howTitle')}</h2>
      <p>{t('a11y.how')}</p>
      <p className="small muted">{t('a11y.updated')}</p>
    </div>
  );
}
