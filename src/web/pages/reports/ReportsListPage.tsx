// The reports of one event: drafts with their state, published ones (to the archive), and
// "Starta nästa rapport": which template and kind, and reopening a series a final report closed.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Checkbox, ErrorSummary, FieldError, SelectField } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { Breadcrumb, ReportStateTag, useReportName } from './ReportParts.tsx';
import type { ReportKind } from '../../../contract/reports.ts';
import { ApiError } from '../../api.ts';
import { accessApi } from '../../clients/access.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';
import { templatesApi } from '../../clients/templates.ts';

const kinds: ReportKind[] = ['regular', 'extra', 'final'];

const startFields = {
  kind: 'kind-regular',
  templateId: 'start-template',
  reopenSeries: 'start-reopen',
};

export function ReportsListPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const navigate = useNavigate();
  const flash = (useLocation().state as { message?: string } | null)?.message ?? null;
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const reports = useLoad(() => reportsApi.list(eventId), [eventId]);
  const mine = useLoad(() => accessApi.mine(eventId).catch(() => null), [eventId]);
  const templates = useLoad(() => templatesApi.list(eventId), [eventId]);
  const [kind, setKind] = useState<ReportKind>('regular');
  const [templateId, setTemplateId] = useState('');
  const [reopenOffered, setReopenOffered] = useState(false);
  const [reopenSeries, setReopenSeries] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('reports.list.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (!event.data || reports.loading) return <Loading />;
  const forbidden = reports.error instanceof ApiError && reports.error.status === 403;
  if (reports.error && !forbidden)
    return <LoadError error={reports.error} retry={reports.reload} />;

  const items = reports.data?.items ?? [];
  const ongoing = items.filter((report) => report.state !== 'published');
  const published = items.filter((report) => report.state === 'published');
  const closed = event.data.state === 'closed';

  async function start(formEvent: FormEvent) {
    formEvent.preventDefault();
    setBusy(true);
    setErrors(noErrors);
    try {
      const report = await reportsApi.start(eventId, {
        kind,
        ...(templateId && { templateId: Number(templateId) }),
        ...(reopenSeries && { reopenSeries }),
      });
      navigate(`/events/${eventId}/reports/${report.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.fieldMessage('reopenSeries')) setReopenOffered(true);
      setErrors(formErrorsFrom(error, startFields, 'kind-regular'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="reports">
      <Breadcrumb event={event.data} />
      <ErrorSummary errors={errors.summary} />
      <PageHeading>
        {t('reports.list.title')} {event.data.isExercise && <ExerciseTag />}
      </PageHeading>
      <p>
        <Link to={`/events/${eventId}/archive`}>{t('reports.list.archiveLink')}</Link>
        {mine.data?.permissions.includes('template.manage') && (
          <>
            {' · '}
            <Link to={`/events/${eventId}/admin/templates`}>{t('templates.editorLink')}</Link>
          </>
        )}
      </p>
      {flash && (
        <Notice kind="success" role="status">
          {flash}
        </Notice>
      )}
      {forbidden ? (
        <Notice>{t('reports.list.readerNote')}</Notice>
      ) : (
        <>
          <section className="section" aria-labelledby="ongoing-title">
            <h2 id="ongoing-title">{t('reports.list.ongoing')}</h2>
            {ongoing.length === 0 ? (
              <p>{t('reports.list.noOngoing')}</p>
            ) : (
              <div
                className="table-wrap"
                role="region"
                aria-labelledby="ongoing-title"
                tabIndex={0}
              >
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.list.report')}</th>
                      <th scope="col">{t('reports.list.state')}</th>
                      <th scope="col">{t('reports.list.compiled')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ongoing.map((report) => (
                      <tr key={report.id}>
                        <th scope="row">
                          <Link to={`/events/${eventId}/reports/${report.id}`}>
                            {reportName(report)}
                          </Link>
                          <span className="reports__subtitle">{report.title}</span>
                        </th>
                        <td>
                          <ReportStateTag state={report.state} />
                          {report.state === 'draft' && report.returnComment && (
                            <span className="reports__returned">{t('reports.list.returned')}</span>
                          )}
                        </td>
                        <td className="nowrap">{formatDateTime(report.compiledAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {!closed && mine.data?.permissions.includes('report.edit') !== false && (
            <section className="section narrow" aria-labelledby="start-title">
              <h2 id="start-title">{t('reports.start.title')}</h2>
              <form onSubmit={start} noValidate>
                <fieldset
                  className={`fieldset${errors.byField['kind-regular'] ? ' field--error' : ''}`}
                  aria-describedby={
                    errors.byField['kind-regular'] ? 'kind-regular-error' : undefined
                  }
                >
                  <legend className="fieldset__legend">{t('reports.start.kind')}</legend>
                  <FieldError id="kind-regular" message={errors.byField['kind-regular']} />
                  <div className="radios">
                    {kinds.map((option) => (
                      <div className="radio" key={option}>
                        <input
                          type="radio"
                          id={`kind-${option}`}
                          name="kind"
                          value={option}
                          checked={kind === option}
                          onChange={() => setKind(option)}
                          aria-describedby={`kind-${option}-hint`}
                        />
                        <label htmlFor={`kind-${option}`}>{t(`reports.kind.${option}`)}</label>
                        <p className="hint radio__hint" id={`kind-${option}-hint`}>
                          {t(`reports.start.hint.${option}`)}
                        </p>
                      </div>
                    ))}
                  </div>
                </fieldset>
                <SelectField
                  id="start-template"
                  label={t('reports.start.template')}
                  hint={t('reports.start.templateHint')}
                  error={errors.byField['start-template']}
                  value={templateId}
                  options={[
                    { value: '', label: t('reports.start.templateOfKind') },
                    ...(templates.data?.items ?? []).map((template) => ({
                      value: String(template.id),
                      label: template.name,
                    })),
                  ]}
                  onChange={setTemplateId}
                />
                {reopenOffered && (
                  <div className={`field${errors.byField['start-reopen'] ? ' field--error' : ''}`}>
                    <FieldError id="start-reopen" message={errors.byField['start-reopen']} />
                    <Checkbox
                      id="start-reopen"
                      label={t('reports.start.reopen')}
                      hint={t('reports.start.reopenHint')}
                      checked={reopenSeries}
                      onChange={setReopenSeries}
                    />
                  </div>
                )}
                <p className="hint">{t('reports.start.explain')}</p>
                <button type="submit" className="button" disabled={busy}>
                  {t('reports.start.submit')}
                </button>
              </form>
            </section>
          )}

          <section className="section" aria-labelledby="published-title">
            <h2 id="published-title">{t('reports.list.published')}</h2>
            {published.length === 0 ? (
              <p>{t('reports.list.nonePublished')}</p>
            ) : (
              <ul className="plain-list reports__published">
                {published.map((report) => (
                  <li key={report.id}>
                    <a href={`/r/${eventId}/${report.number}?version=${report.revision}`}>
                      {reportName(report)}
                    </a>{' '}
                    <span className="muted">
                      {t('reports.list.publishedAt', { when: formatDateTime(report.publishedAt) })}
                    </span>{' '}
                    <Link to={`/events/${eventId}/reports/${report.id}`} className="small">
                      {t('reports.list.details')}
                      <span className="visually-hidden"> – {reportName(report)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
