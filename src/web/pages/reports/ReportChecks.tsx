// The checks before a report leaves the staff: warnings shown beside the submit, approve and
// publish buttons, which then say "… ändå". The user confirms; nothing is blocked.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../kit/messages.tsx';
import { useLoad } from '../../useLoad.ts';
import type { ReportDetail, ReportWarning } from '../../../contract/reports.ts';
import { reportsApi } from '../../clients/reports.ts';

/** The report's warnings, loaded again whenever the report changes (its version). */
export function useReportChecks(
  eventId: number,
  reportId: number,
  version: number | undefined,
): ReportWarning[] {
  const checks = useLoad(() => reportsApi.checks(eventId, reportId), [eventId, reportId, version]);
  return checks.data?.items ?? [];
}

export function ReportWarnings({
  warnings,
  report,
  eventId,
}: {
  warnings: ReportWarning[];
  report: ReportDetail;
  eventId: number;
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  const sectionIds = new Map(report.sections.map((section) => [section.key, section.id]));
  const base = `/events/${eventId}/reports/${report.id}`;
  return (
    <section className="report-checks" aria-labelledby="report-checks-title">
      <Notice kind="warning">
        <h2 id="report-checks-title">{t('reports.checks.title', { count: warnings.length })}</h2>
        <p>{t('reports.checks.intro')}</p>
        <ul>
          {warnings.map((warning, index) => {
            const sectionId = warning.sectionKey ? sectionIds.get(warning.sectionKey) : undefined;
            return (
              <li key={`${warning.code}-${index}`}>
                {warning.message}{' '}
                {sectionId !== undefined && report.state === 'draft' && (
                  <Link to={`${base}/sections/${sectionId}`}>{t('reports.checks.toSection')}</Link>
                )}
              </li>
            );
          })}
        </ul>
      </Notice>
    </section>
  );
}
