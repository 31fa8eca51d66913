// Return a report in review to its editors, with a comment (required).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary, TextArea } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { Breadcrumb, useLiveReport, useReportName } from './ReportParts.tsx';
import { workflowError } from './ReportWorkflowPage.tsx';
import { ApiError } from '../../api.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';

export function SendBackPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const navigate = useNavigate();
  const { user } = useSession();
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const { report, error, reload } = useLiveReport(eventId, reportId, user?.name);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('reports.return.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (error && !report) return <LoadError error={error} retry={() => void reload()} />;
  if (!event.data || !report) return <Loading />;
  const base = `/events/${eventId}/reports/${reportId}`;
  const current = report;

  async function onSubmit(formEvent: FormEvent) {
    formEvent.preventDefault();
    const invalid = clientErrors([['comment', !comment.trim() && t('reports.return.missing')]]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      await reportsApi.returnToDraft(eventId, reportId, current.version, comment.trim());
      navigate(base, { state: { message: t('reports.return.done') } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields.length > 0) {
        setErrors(formErrorsFrom(caught, { comment: 'comment' }, 'comment'));
      } else {
        const failed = workflowError(caught, t);
        setErrors({
          summary: failed.summary.map((item) => ({ ...item, id: 'comment' })),
          byField: { comment: failed.summary[0]?.message ?? '' },
        });
      }
      void reload();
    } finally {
      setBusy(false);
    }
  }

  const allowed = report.state === 'in_review' || report.state === 'approved';

  return (
    <div className="reports narrow">
      <Breadcrumb
        event={event.data}
        trail={[
          { to: `/events/${eventId}/reports`, label: t('reports.list.title') },
          { to: base, label: reportName(report) },
        ]}
      />
      <ErrorSummary errors={errors.summary} />
      <p className="caption">{reportName(report)}</p>
      <PageHeading>{t('reports.return.title')}</PageHeading>
      {!allowed ? (
        <Notice>{t('reports.return.notAllowed')}</Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p>{t('reports.return.intro')}</p>
          <TextArea
            id="comment"
            label={<span className="label--m">{t('reports.return.comment')}</span>}
            hint={t('reports.return.hint')}
            rows={6}
            value={comment}
            onChange={(change) => setComment(change.target.value)}
            error={errors.byField.comment}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {t('reports.return.submit')}
            </button>
            <Link to={base}>{t('reports.cancel')}</Link>
          </div>
        </form>
      )}
    </div>
  );
}
