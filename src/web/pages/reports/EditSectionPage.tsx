// The page of one report section: where it sits in the report, the editor, and the way to the
// previous and next sections.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, usePageTitle } from '../../kit/layout.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { Breadcrumb, ReportStateTag, useLiveReport, useReportName } from './ReportParts.tsx';
import { ApiError } from '../../api.ts';
import { eventsApi } from '../../clients/events.ts';
import { SectionEditor } from './SectionEditor.tsx';

export function EditSectionPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const sectionId = Number(params.sectionId);
  const { user } = useSession();
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const { report, error, reload } = useLiveReport(eventId, reportId, user?.name);
  const section = report?.sections.find((candidate) => candidate.id === sectionId);
  usePageTitle(section ? section.title : t('reports.section.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (error && !report) return <LoadError error={error} retry={() => void reload()} />;
  if (!event.data || !report) return <Loading />;
  if (!section)
    return (
      <LoadError error={new ApiError(404, 'not_found', t('reports.section.missing'), [], {})} />
    );

  const index = report.sections.indexOf(section);
  const previous = report.sections[index - 1];
  const next = report.sections[index + 1];
  const base = `/events/${eventId}/reports/${reportId}`;

  return (
    <div className="reports">
      <Breadcrumb
        event={event.data}
        trail={[
          { to: `/events/${eventId}/reports`, label: t('reports.list.title') },
          { to: base, label: reportName(report) },
        ]}
      />
      <SectionEditor
        key={section.id}
        eventId={eventId}
        reportId={reportId}
        reportLabel={reportName(report)}
        position={{ index: index + 1, total: report.sections.length }}
        server={section}
        editable={report.state === 'draft' && event.data.state !== 'closed'}
        readOnlyText={t(
          report.state === 'published'
            ? 'reports.workflow.next.published'
            : 'reports.section.readOnly',
        )}
        stateTag={<ReportStateTag state={report.state} />}
        me={user?.name}
        onSaved={() => void reload()}
      />
      <nav className="pager" aria-label={t('reports.section.pager')}>
        {previous ? (
          <Link to={`${base}/sections/${previous.id}`} rel="prev">
            <span className="pager__dir">{t('reports.section.previous')}</span>
            <span className="pager__title">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        <Link to={base} className="pager__all">
          {t('reports.section.all')}
        </Link>
        {next ? (
          <Link to={`${base}/sections/${next.id}`} rel="next" className="pager__next">
            <span className="pager__dir">{t('reports.section.next')}</span>
            <span className="pager__title">{next.title}</span>
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
