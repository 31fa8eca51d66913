// "Check your answers" before the irreversible step: what will be published (public and internal
// versions), who gets the e-mail, then publish. Afterwards a confirmation with the links.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorSummary } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, noErrors } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { Breadcrumb, InternalTag, useLiveReport, useReportName } from './ReportParts.tsx';
import { SectionPreview } from './Preview.tsx';
import { workflowError } from './ReportWorkflowPage.tsx';
import type { ReportSection, ReportSummary } from '../../../contract/reports.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';
import { ReportWarnings, useReportChecks } from './ReportChecks.tsx';
import { MailNotConfigured, useMailConfigured } from '../../kit/mail.tsx';

/** Sections of the public version: internal ones leave, with everything below them. */
function publicSections(sections: ReportSection[]): ReportSection[] {
  const hidden = new Set<string>();
  return sections.filter((section) => {
    const isHidden =
      section.internal || (section.parentKey !== null && hidden.has(section.parentKey));
    if (isHidden) hidden.add(section.key);
    return !isHidden;
  });
}

export function PublishReportPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const { user } = useSession();
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const { report, error, reload } = useLiveReport(eventId, reportId, user?.name);
  const recipients = useLoad(() => reportsApi.recipients(eventId, reportId), [eventId, reportId]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<ReportSummary | null>(null);
  const warnings = useReportChecks(eventId, reportId, report?.version);
  const mailConfigured = useMailConfigured();
  const doneRef = useRef<HTMLDivElement>(null);
  usePageTitle(published ? t('reports.publish.doneTitle') : t('reports.publish.title'));
  useEffect(() => {
    if (published) doneRef.current?.focus();
  }, [published]);

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (error && !report) return <LoadError error={error} retry={() => void reload()} />;
  if (!event.data || !report || recipients.loading) return <Loading />;
  const base = `/events/${eventId}/reports/${reportId}`;
  const current = report;
  const trail = [
    { to: `/events/${eventId}/reports`, label: t('reports.list.title') },
    { to: base, label: reportName(report) },
  ];

  if (published) {
    const page = `/r/${eventId}/${published.number}?version=${published.revision}`;
    return (
      <div className="reports narrow">
        <Breadcrumb event={event.data} trail={trail} />
        <div className="confirmation" ref={doneRef} tabIndex={-1}>
          <PageHeading>{t('reports.publish.doneTitle')}</PageHeading>
          <p className="confirmation__body">
            {t('reports.publish.doneText', {
              name: reportName(published),
              when: formatDateTime(published.publishedAt),
            })}
          </p>
        </div>
        <DoneMail count={recipients.data?.items.length ?? 0} mailConfigured={mailConfigured} />
        <ul>
          <li>
            <Link to={`${base}/deliveries`}>{t('mail.deliveries.link')}</Link>
          </li>
          <li>
            <a href={page}>{t('reports.publish.openPublic')}</a>
          </li>
          <li>
            <a href={`/r/${eventId}/${published.number}/intern?version=${published.revision}`}>
              {t('reports.publish.openInternal')}
            </a>
          </li>
          <li>
            <Link to={`/events/${eventId}/archive`}>{t('reports.list.archiveLink')}</Link>
          </li>
        </ul>
      </div>
    );
  }

  const publicOnes = publicSections(report.sections);
  const internalOnly = report.sections.filter((section) => !publicOnes.includes(section));
  const items = recipients.data?.items ?? [];
  const byAudience = (audience: 'public' | 'internal') =>
    items.filter((recipient) => recipient.audience === audience).length;

  function publishLabel(warned: boolean, recipients: number): string {
    const count = mailConfigured === false ? 0 : recipients;
    if (warned) {
      return count === 0
        ? t('reports.checks.publishAnyway')
        : t('reports.checks.publishAnywayTo', { count });
    }
    return count === 0 ? t('reports.publish.submitNone') : t('reports.publish.submit', { count });
  }

  async function publish() {
    setBusy(true);
    setErrors(noErrors);
    try {
      setPublished(await reportsApi.publish(eventId, reportId, current.version));
    } catch (caught) {
      setErrors(workflowError(caught, t));
      void reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="reports publish">
      <Breadcrumb event={event.data} trail={trail} />
      <ErrorSummary errors={errors.summary} />
      <p className="caption">{reportName(report)}</p>
      <PageHeading>{t('reports.publish.title')}</PageHeading>
      {report.state !== 'approved' ? (
        <Notice>
          {t('reports.publish.notApproved', {
            state: t(`reports.state.${report.state}`).toLocaleLowerCase(),
          })}{' '}
          <Link to={base}>{t('reports.section.all')}</Link>
        </Notice>
      ) : (
        <>
          <h2>{t('reports.publish.report')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('reports.facts.title')}</dt>
              <dd>{report.title}</dd>
            </div>
            <div>
              <dt>{t('reports.facts.kind')}</dt>
              <dd>{t(`reports.kind.${report.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('reports.facts.compiled')}</dt>
              <dd>{formatDateTime(report.compiledAt)}</dd>
            </div>
            <div>
              <dt>{t('reports.facts.authors')}</dt>
              <dd>{report.authors.join(', ') || '–'}</dd>
            </div>
            <div>
              <dt>{t('reports.facts.approved')}</dt>
              <dd>{formatDateTime(report.approvedAt)}</dd>
            </div>
          </dl>

          <h2 id="recipients-title">{t('reports.publish.recipients')}</h2>
          {items.length === 0 ? (
            <Notice kind="warning">{t('reports.publish.noRecipients')}</Notice>
          ) : (
            <>
              {mailConfigured === false && <MailNotConfigured />}
              <p>
                {t('reports.publish.recipientsSummary', {
                  count: items.length,
                  public: formatNumber(byAudience('public')),
                  internal: formatNumber(byAudience('internal')),
                })}
              </p>
              <div
                className="table-wrap recipients"
                role="region"
                aria-labelledby="recipients-title"
                tabIndex={0}
              >
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.publish.email')}</th>
                      <th scope="col">{t('reports.publish.version')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((recipient) => (
                      <tr key={recipient.email}>
                        <th scope="row">{recipient.email}</th>
                        <td>
                          {recipient.audience === 'internal' ? (
                            <InternalTag />
                          ) : (
                            t('reports.preview.public')
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <h2>{t('reports.publish.versions')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('reports.preview.public')}</dt>
              <dd>
                {t('reports.publish.publicCount', { count: publicOnes.length })}
                <details className="publish__details">
                  <summary>{t('reports.publish.showPublic')}</summary>
                  <div className="report-preview">
                    {publicOnes.map((section) => (
                      <SectionPreview key={section.id} section={section} audience="public" />
                    ))}
                  </div>
                </details>
              </dd>
            </div>
            <div>
              <dt>{t('reports.preview.internal')}</dt>
              <dd>
                {t('reports.publish.internalCount', { count: report.sections.length })}
                {internalOnly.length > 0 && (
                  <>
                    {' '}
                    {t('reports.publish.internalOnly')}
                    <ul>
                      {internalOnly.map((section) => (
                        <li key={section.id}>{section.title}</li>
                      ))}
                    </ul>
                  </>
                )}
                <details className="publish__details">
                  <summary>{t('reports.publish.showInternal')}</summary>
                  <div className="report-preview">
                    {report.sections.map((section) => (
                      <SectionPreview key={section.id} section={section} audience="internal" />
                    ))}
                  </div>
                </details>
              </dd>
            </div>
          </dl>

          <ReportWarnings warnings={warnings} report={report} eventId={eventId} />

          <h2>{t('reports.publish.confirmTitle')}</h2>
          <div className="warning-text">
            <span className="warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong>
              <span className="visually-hidden">{t('reports.publish.warning')}: </span>
              {t('reports.publish.irreversible')}
            </strong>
          </div>
          <div className="button-group" id="workflow" tabIndex={-1}>
            <button type="button" className="button" disabled={busy} onClick={() => void publish()}>
              {publishLabel(warnings.length > 0, items.length)}
            </button>
            <Link to={base}>{t('reports.cancel')}</Link>
          </div>
        </>
      )}
    </div>
  );
}

/** What happens to the e-mails after publishing, said as it is. */
function DoneMail({
  count,
  mailConfigured,
}: {
  count: number;
  mailConfigured: boolean | undefined;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  if (mailConfigured === false) {
    return (
      <>
        <p>{t('mail.publishNotSent', { count })}</p>
        <MailNotConfigured />
      </>
    );
  }
  return <p>{t('reports.publish.doneMail', { count })}</p>;
}
