// One report: its sections as a task list (GOV.UK pattern) with their state since the previous
// report, who saved what, and the workflow: submit, approve, return, publish.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../core/access.ts';
import { useEventAccess } from '../../kit/eventPage.tsx';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { type FormErrors, noErrors } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import {
  Breadcrumb,
  ChangeTag,
  InternalTag,
  OthersEditing,
  ReportStateTag,
  useLiveReport,
  useReportName,
} from './ReportParts.tsx';
import type { ReportDetail } from '../../../contract/reports.ts';
import { ApiError } from '../../api.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';
import { ReportWarnings, useReportChecks } from './ReportChecks.tsx';

/** The Swedish message for a refused step, beside the button that caused it. */
export function workflowError(error: unknown, t: (key: string) => string): FormErrors {
  if (error instanceof ApiError) {
    if (error.status === 403 && error.details.permission === 'report.four_eyes') {
      return { summary: [{ id: 'workflow', message: t('reports.errors.fourEyes') }], byField: {} };
    }
    if (error.status === 403) {
      return { summary: [{ id: 'workflow', message: t('reports.errors.forbidden') }], byField: {} };
    }
    if (error.stale) {
      return { summary: [{ id: 'workflow', message: t('reports.errors.stale') }], byField: {} };
    }
    if (error.code === 'network') {
      return { summary: [{ id: 'workflow', message: t('app.networkError') }], byField: {} };
    }
    return { summary: [{ id: 'workflow', message: error.message }], byField: {} };
  }
  return { summary: [{ id: 'workflow', message: String(error) }], byField: {} };
}

export function ReportWorkflowPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const access = useEventAccess(eventId);
  const { report, setReport, error, reload, others } = useLiveReport(eventId, reportId, user?.name);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const flash = (location.state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<string | null>(flash);
  const warnings = useReportChecks(eventId, reportId, report?.version);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  usePageTitle(report ? reportName(report) : t('reports.list.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (error && !report) return <LoadError error={error} retry={() => void reload()} />;
  if (!event.data || !report) return <Loading />;

  const base = `/events/${eventId}/reports/${reportId}`;
  const changes = new Map(report.changes.sections.map((change) => [change.key, change]));
  const hasPrevious = report.changes.previousReportId !== null;

  async function step(action: WorkflowAction, current: ReportDetail) {
    if (action === 'delete' && !window.confirm(t('reports.workflow.confirmDelete'))) return;
    setBusy(true);
    setErrors(noErrors);
    setMessage(null);
    try {
      if (action === 'delete') {
        await reportsApi.remove(eventId, current.id);
        navigate(`/events/${eventId}/reports`, {
          state: { message: t('reports.workflow.deleted', { name: reportName(current) }) },
        });
        return;
      }
      if (action === 'correct') {
        const correction = await reportsApi.correct(eventId, current.id);
        navigate(`/events/${eventId}/reports/${correction.id}`, {
          state: { message: t('reports.workflow.corrected') },
        });
        return;
      }
      const moved =
        action === 'submit'
          ? await reportsApi.submit(eventId, current.id, current.version)
          : await reportsApi.approve(eventId, current.id, current.version);
      setReport({ ...current, ...moved });
      setMessage(
        t(action === 'submit' ? 'reports.workflow.submitted' : 'reports.workflow.approved'),
      );
      void reload();
    } catch (caught) {
      setErrors(workflowError(caught, t));
      void reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="reports">
      <Breadcrumb
        event={event.data}
        trail={[{ to: `/events/${eventId}/reports`, label: t('reports.list.title') }]}
      />
      <ErrorSummary errors={errors.summary} />
      <div className="report-head">
        <PageHeading>
          {reportName(report)} {event.data.isExercise && <ExerciseTag />}
        </PageHeading>
        <ReportStateTag state={report.state} />
      </div>
      <dl className="summary-list summary-list--compact report-facts">
        <div>
          <dt>{t('reports.facts.title')}</dt>
          <dd>{report.title}</dd>
        </div>
        <div>
          <dt>{t('reports.facts.compiled')}</dt>
          <dd>{formatDateTime(report.compiledAt)}</dd>
        </div>
        {report.periodStart && (
          <div>
            <dt>{t('reports.facts.since')}</dt>
            <dd>{formatDateTime(report.periodStart)}</dd>
          </div>
        )}
        <div>
          <dt>{t('reports.facts.authors')}</dt>
          <dd>{report.authors.join(', ') || '–'}</dd>
        </div>
        {report.publishedAt && (
          <div>
            <dt>{t('reports.facts.published')}</dt>
            <dd>{formatDateTime(report.publishedAt)}</dd>
          </div>
        )}
      </dl>

      {message && (
        <div ref={messageRef} tabIndex={-1} className="focus-target">
          <Notice kind="success" role="status">
            {message}
          </Notice>
        </div>
      )}
      {report.state === 'draft' && report.returnComment && (
        <Notice kind="warning">
          <p>
            <strong>{t('reports.workflow.returnedTitle')}</strong>
          </p>
          <p className="pre-line">{report.returnComment}</p>
        </Notice>
      )}

      {(report.state === 'draft' || report.state === 'in_review') && (
        <ReportWarnings warnings={warnings} report={report} eventId={eventId} />
      )}

      <Workflow
        report={report}
        eventId={eventId}
        warned={warnings.length > 0}
        closed={event.data.state === 'closed'}
        can={access.can}
        busy={busy}
        onStep={(action) => void step(action, report)}
      />

      <OthersEditing others={others} eventId={eventId} reportId={reportId} />

      <section className="section" aria-labelledby="sections-title">
        <div className="row-between">
          <h2 id="sections-title">{t('reports.tasks.title')}</h2>
          <Link to={`${base}/changes`}>{t('reports.changes.link')}</Link>
        </div>
        <p className="muted small">
          {hasPrevious ? t('reports.tasks.intro') : t('reports.tasks.introFirst')}
        </p>
        <ol className="task-list">
          {report.sections.map((section) => {
            const change = changes.get(section.key);
            return (
              <li
                key={section.id}
                className={`task-list__item task-list__item--level-${Math.min(3, section.level)}`}
              >
                <div className="task-list__name">
                  <Link
                    to={`${base}/sections/${section.id}`}
                    aria-describedby={`section-${section.id}-status`}
                  >
                    {section.title}
                  </Link>
                  <p className="task-list__hint">
                    {section.updatedBy
                      ? t('reports.tasks.updated', {
                          name: section.updatedBy,
                          when: formatDateTime(section.updatedAt),
                        })
                      : formatDateTime(section.updatedAt)}
                  </p>
                </div>
                <div className="task-list__status" id={`section-${section.id}-status`}>
                  {section.internal && <InternalTag />}
                  {hasPrevious && change && <ChangeTag change={change.change} />}
                  {!hasPrevious && <ChangeTag change="added" />}
                </div>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

type WorkflowAction = 'submit' | 'approve' | 'correct' | 'delete';

function Workflow({
  report,
  eventId,
  warned,
  closed,
  can,
  busy,
  onStep,
}: {
  report: ReportDetail;
  eventId: number;
  /** The checks found something: the next step says "… ändå". */
  warned: boolean;
  /** A closed event is an archive: only the published report can be opened. */
  closed: boolean;
  /** The user's permissions: each step is offered only to whom the server lets take it. */
  can: (permission: Permission) => boolean;
  busy: boolean;
  onStep: (action: WorkflowAction) => void;
}) {
  const { t } = useTranslation();
  const edits = !closed && can('report.edit');
  const approves = !closed && can('report.approve');
  const base = `/events/${eventId}/reports/${report.id}`;
  return (
    <section className="workflow" aria-labelledby="workflow-title" id="workflow" tabIndex={-1}>
      <h2 id="workflow-title" className="visually-hidden">
        {t('reports.workflow.title')}
      </h2>
      <p className="workflow__next">{t(`reports.workflow.next.${report.state}`)}</p>
      <div className="button-group">
        {edits && report.state === 'draft' && (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onStep('submit')}
            >
              {t(warned ? 'reports.checks.submitAnyway' : 'reports.workflow.submit')}
            </button>
            {report.publishedAt === null && (
              <button
                type="button"
                className="button button--warning"
                disabled={busy}
                onClick={() => onStep('delete')}
              >
                {t('reports.workflow.delete')}
              </button>
            )}
          </>
        )}
        {approves && report.state === 'in_review' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => onStep('approve')}
          >
            {t(warned ? 'reports.checks.approveAnyway' : 'reports.workflow.approve')}
          </button>
        )}
        {approves && report.state === 'approved' && (
          <Link to={`${base}/publish`} className="button">
            {t('reports.workflow.toPublish')}
          </Link>
        )}
        {approves && (report.state === 'in_review' || report.state === 'approved') && (
          <Link to={`${base}/return`} className="button button--secondary">
            {t('reports.workflow.return')}
          </Link>
        )}
        {report.state === 'published' && (
          <>
            <a
              href={`/r/${eventId}/${report.number}?version=${report.revision}`}
              className="button"
            >
              {t('reports.workflow.openPublished')}
            </a>
            <Link to={`${base}/deliveries`}>{t('mail.deliveries.link')}</Link>
            <Link to={`/events/${eventId}/archive`}>{t('reports.list.archiveLink')}</Link>
            {edits && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => onStep('correct')}
              >
                {t('reports.workflow.correct')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
