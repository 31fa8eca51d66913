// "Ändringar sedan förra rapporten": per section, what was added, removed or changed.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { Breadcrumb, ChangeTag, useLiveReport, useReportName } from './ReportParts.tsx';
import { eventsApi } from '../../clients/events.ts';

export function ReportChangesPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const { user } = useSession();
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const { report, error, reload } = useLiveReport(eventId, reportId, user?.name);
  usePageTitle(t('reports.changes.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (error && !report) return <LoadError error={error} retry={() => void reload()} />;
  if (!event.data || !report) return <Loading />;

  const base = `/events/${eventId}/reports/${reportId}`;
  const sectionIds = new Map(report.sections.map((section) => [section.key, section.id]));
  const { sections } = report.changes;
  const changed = sections.filter((section) => section.change !== 'unchanged');
  const unchanged = sections.filter((section) => section.change === 'unchanged');
  const count = (kind: string) => sections.filter((section) => section.change === kind).length;

  return (
    <div className="reports">
      <Breadcrumb
        event={event.data}
        trail={[
          { to: `/events/${eventId}/reports`, label: t('reports.list.title') },
          { to: base, label: reportName(report) },
        ]}
      />
      <p className="caption">{reportName(report)}</p>
      <PageHeading>{t('reports.changes.title')}</PageHeading>
      {report.changes.previousReportId === null ? (
        <p>{t('reports.changes.none')}</p>
      ) : (
        <>
          <p>
            {t('reports.changes.summary', {
              changed: count('changed'),
              added: count('added'),
              removed: count('removed'),
              unchanged: count('unchanged'),
            })}
          </p>
          <ol className="plain-list changes">
            {changed.map((section) => {
              const id = sectionIds.get(section.key);
              return (
                <li key={section.key} className="changes__item">
                  <h2 className="changes__title">
                    {id ? (
                      <Link to={`${base}/sections/${id}`}>{section.title}</Link>
                    ) : (
                      section.title
                    )}{' '}
                    <ChangeTag change={section.change} />
                  </h2>
                  {section.change === 'changed' && (
                    <div className="changes__lines">
                      {section.removed.length > 0 && (
                        <>
                          <h3 className="changes__subtitle">{t('reports.changes.removed')}</h3>
                          <ul className="plain-list">
                            {section.removed.map((line, index) => (
                              <li key={index} className="diff-line diff-line--removed">
                                <span aria-hidden="true" className="diff-line__sign">
                                  −
                                </span>
                                <del>{line}</del>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                      {section.added.length > 0 && (
                        <>
                          <h3 className="changes__subtitle">{t('reports.changes.added')}</h3>
                          <ul className="plain-list">
                            {section.added.map((line, index) => (
                              <li key={index} className="diff-line diff-line--added">
                                <span aria-hidden="true" className="diff-line__sign">
                                  +
                                </span>
                                <ins>{line}</ins>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          {unchanged.length > 0 && (
            <details className="changes__unchanged">
              <summary>{t('reports.changes.unchangedList', { count: unchanged.length })}</summary>
              <ul>
                {unchanged.map((section) => (
                  <li key={section.key}>{section.title}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <p>
        <Link to={base}>{t('reports.section.all')}</Link>
      </p>
    </div>
  );
}
