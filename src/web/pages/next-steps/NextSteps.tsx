// The start page's "To do": what the signed-in person must do next, each with a link to its place.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../kit/loadError.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { formatDateTime, periodLabel } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import type { EventNextSteps } from '../../../contract/next-steps.ts';
import { nextStepsApi } from '../../clients/next-steps.ts';

export function NextSteps() {
  const { t } = useTranslation();
  const steps = useLoad(() => nextStepsApi.mine(), []);
  return (
    <section aria-labelledby="next-steps-title" className="section next-steps">
      <h2 id="next-steps-title">{t('nextSteps.title')}</h2>
      {steps.error ? <LoadError error={steps.error} retry={steps.reload} /> : null}
      {!steps.data && !steps.error && <p>{t('nextSteps.loading')}</p>}
      {steps.data?.items.length === 0 && <p>{t('nextSteps.nothing')}</p>}
      {steps.data?.items.map((item) => (
        <EventSteps key={item.event.id} steps={item} />
      ))}
    </section>
  );
}

function EventSteps({ steps }: { steps: EventNextSteps }) {
  const { t } = useTranslation();
  const { event } = steps;
  const base = `/events/${event.id}`;
  const situation = (unitId: number, period: string) =>
    `${base}/report?unit=${unitId}&period=${encodeURIComponent(period)}`;
  return (
    <div className="next-steps__event">
      <h3>
        <Link to={base}>{event.name}</Link> {event.isExercise && <ExerciseTag />}
      </h3>
      <StepList title={t('nextSteps.approvals')} items={steps.approvals}>
        {(report) => (
          <>
            <Link to={`${base}/reports/${report.reportId}`}>
              {t('nextSteps.approve', { title: report.title })}
            </Link>
            {report.compiledAt && (
              <Detail>
                {t('nextSteps.compiledAt', { when: formatDateTime(report.compiledAt) })}
              </Detail>
            )}
          </>
        )}
      </StepList>
      <StepList title={t('nextSteps.returns')} items={steps.returns}>
        {(item) => (
          <>
            <Link to={situation(item.unitId, item.period)}>
              {t('nextSteps.fixReturn', { unit: item.unitName, period: periodLabel(item.period) })}
            </Link>
            {item.comment && (
              <Detail>{t('nextSteps.returnComment', { comment: item.comment })}</Detail>
            )}
          </>
        )}
      </StepList>
      <StepList title={t('nextSteps.overdueActions')} items={steps.overdueActions}>
        {(action) => (
          <>
            <Link to={`${base}/actions`}>{action.text}</Link>
            <Detail>{t('nextSteps.dueAt', { when: formatDateTime(action.dueAt) })}</Detail>
          </>
        )}
      </StepList>
      <StepList title={t('nextSteps.deadlines')} items={steps.deadlines}>
        {(item) => (
          <>
            <Link to={situation(item.unitId, item.period)}>
              {t('nextSteps.deadline', { unit: item.unitName, period: periodLabel(item.period) })}
            </Link>
            <Detail>{t('nextSteps.deadlineAt', { when: formatDateTime(item.deadline) })}</Detail>
          </>
        )}
      </StepList>
      <StepList title={t('nextSteps.missingReports')} items={steps.missingReports}>
        {(item) => (
          <>
            <Link to={situation(item.unitId, item.period)}>
              {t('nextSteps.missingReport', {
                unit: item.unitName,
                period: periodLabel(item.period),
              })}
            </Link>
            {item.deadline && (
              <Detail>
                {t('nextSteps.missingDeadline', { when: formatDateTime(item.deadline) })}
              </Detail>
            )}
          </>
        )}
      </StepList>
    </div>
  );
}

function StepList<Item>({
  title,
  items,
  children,
}: {
  title: string;
  items: Item[];
  children: (item: Item) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>
        {title} ({items.length})
      </h4>
      <ul className="next-steps__list">
        {items.map((item, index) => (
          <li key={index}>{children(item)}</li>
        ))}
      </ul>
    </>
  );
}

function Detail({ children }: { children: ReactNode }) {
  return <span className="small muted"> – {children}</span>;
}
