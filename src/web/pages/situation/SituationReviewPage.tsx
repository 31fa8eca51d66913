// The staff's view of one unit's situation: what the unit reported, and for those who review,
// accepting a submitted return or returning it to the unit with a comment it sees on its form.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FilesPanel } from '../../kit/attachments.tsx';
import { EventPage } from '../../kit/eventPage.tsx';
import { ErrorSummary, TextArea } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { Notice, SavedNotice } from '../../kit/messages.tsx';
import { ScalesProvider, StateTag } from '../../kit/status.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime, periodLabel } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { ApiError } from '../../api.ts';
import type { Situation } from '../../../contract/situations.ts';
import { returnFormsApi } from '../../clients/return-forms.ts';
import { situationsApi } from '../../clients/situations.ts';
import { ReturnAnswers } from './ReturnAnswers.tsx';
import { SituationSummary } from './SituationViews.tsx';
import { valuesOf } from './values.ts';

export function SituationReviewPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const situationId = Number(params.situationId);
  const situation = useLoad(() => situationsApi.get(eventId, situationId), [eventId, situationId]);
  const form = useLoad(() => returnFormsApi.get(eventId), [eventId]);
  const [done, setDone] = useState('');
  const loaded = situation.data;
  const title = loaded
    ? t('situationReview.title', { unit: loaded.unit.name, period: periodLabel(loaded.period) })
    : t('situationReview.titleShort');

  const reviewed = (message: string) => {
    setDone(message);
    void situation.reload();
  };

  return (
    <EventPage eventId={eventId} title={title}>
      {(_event, can) =>
        situation.error ? (
          <LoadError error={situation.error} retry={situation.reload} />
        ) : !loaded ? (
          <Loading />
        ) : (
          <ScalesProvider eventId={eventId}>
            <SavedNotice message={done} />
            <StateLine situation={loaded} />
            <SituationSummary values={valuesOf(loaded)} />
            <ReturnAnswers
              fields={form.data?.fields ?? []}
              situation={loaded}
              title={t('situationReview.otherAnswers')}
            />
            <section aria-labelledby="situation-files-title">
              <h2 id="situation-files-title">{t('files.attachments')}</h2>
              <FilesPanel
                eventId={eventId}
                owner={{
                  kind: 'unit_situation',
                  id: loaded.id,
                  unitId: loaded.unit.id,
                  period: loaded.period,
                }}
                canWrite={can('situation.write')}
              />
            </section>
            {can('situation.review') &&
              (loaded.state === 'submitted' ? (
                <ReviewActions
                  eventId={eventId}
                  situation={loaded}
                  onDone={reviewed}
                  onStale={() => void situation.reload()}
                />
              ) : (
                !done && <p className="muted">{t('situationReview.notSubmitted')}</p>
              ))}
          </ScalesProvider>
        )
      }
    </EventPage>
  );
}

function StateLine({ situation }: { situation: Situation }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <StateTag state={situation.state} />{' '}
        {situation.submittedAt &&
          t('situationReview.submitted', { when: formatDateTime(situation.submittedAt) })}{' '}
        {situation.reviewedAt &&
          t('situationReview.reviewed', { when: formatDateTime(situation.reviewedAt) })}
      </p>
      {situation.state === 'returned' && situation.returnComment && (
        <Notice kind="warning">
          <p className="pre-line">
            {t('situationReview.returnedComment', { comment: situation.returnComment })}
          </p>
        </Notice>
      )}
    </>
  );
}

function ReviewActions({
  eventId,
  situation,
  onDone,
  onStale,
}: {
  eventId: number;
  situation: Situation;
  onDone: (message: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const commentId = 'review-comment';

  async function act(write: () => Promise<Situation>, message: string) {
    setBusy(true);
    try {
      await write();
      setErrors(noErrors);
      onDone(message);
    } catch (error) {
      if (error instanceof ApiError && error.stale) {
        setErrors({ summary: [{ id: '', message: t('situationReview.conflict') }], byField: {} });
        onStale();
      } else {
        setErrors(formErrorsFrom(error, { comment: commentId }, commentId));
      }
    } finally {
      setBusy(false);
    }
  }

  function sendBack(event: FormEvent) {
    event.preventDefault();
    const local = clientErrors([
      [commentId, !comment.trim() && t('situationReview.commentMissing')],
    ]);
    if (local.summary.length > 0) {
      setErrors(local);
      return;
    }
    void act(
      () => situationsApi.sendBack(eventId, situation.id, situation.version, comment),
      t('situationReview.returned'),
    );
  }

  return (
    <>
      <ErrorSummary errors={errors.summary} />
      <div className="picture-layout">
        <section className="panel" aria-labelledby="accept-title">
          <h2 id="accept-title" className="panel__title">
            {t('situationReview.acceptTitle')}
          </h2>
          <p>{t('situationReview.acceptText')}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(
                () => situationsApi.accept(eventId, situation.id, situation.version),
                t('situationReview.accepted'),
              )
            }
          >
            {t('situationReview.accept')}
          </button>
        </section>
        <section className="panel" aria-labelledby="return-title">
          <h2 id="return-title" className="panel__title">
            {t('situationReview.returnTitle')}
          </h2>
          <form noValidate onSubmit={sendBack}>
            <TextArea
              id={commentId}
              label={t('situationReview.comment')}
              hint={t('situationReview.commentHint')}
              error={errors.byField[commentId]}
              rows={4}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t('situationReview.sendBack')}
            </button>
          </form>
        </section>
      </div>
    </>
  );
}
