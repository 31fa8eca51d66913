// Efterhandsanalys: the whole event's timeline with filters, the lessons learned and the export.
import { DateField } from '../../kit/dateField.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Checkbox, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { FormColumn, Filters, Pager, useEventList } from '../../kit/lists.tsx';
import { SavedNotice, errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import './review.css';
import type { Lesson, TimelineEntry } from '../../../contract/review.ts';
import { accessApi } from '../../clients/access.ts';
import {
  type TimelineFilter,
  exportUrl,
  lessonStates,
  reviewApi,
  timelineKinds,
} from '../../clients/review.ts';

const limit = 50;

export function ReviewPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  // Lessons are written after closing too, so the event page's own check (closed = read-only)
  // does not apply here.
  const mine = useLoad(() => accessApi.mine(eventId).catch(() => null), [eventId]);
  const canWrite = !mine.data || mine.data.permissions.includes('review.write');
  return (
    <EventPage eventId={eventId} title={t('review.title')} intro={t('review.intro')}>
      {() => (
        <>
          <TimelineSection eventId={eventId} />
          <LessonsSection eventId={eventId} canWrite={canWrite && !mine.loading} />
        </>
      )}
    </EventPage>
  );
}

function TimelineSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TimelineFilter>({
    kinds: [...timelineKinds],
    from: '',
    to: '',
    q: '',
  });
  const [offset, setOffset] = useState(0);
  const rangeError = filter.from && filter.to && filter.to < filter.from;
  const list = useEventList(
    eventId,
    () =>
      rangeError
        ? Promise.resolve({ items: [], total: 0, limit, offset: 0 })
        : reviewApi.timeline(eventId, filter, { limit, offset }),
    [filter, offset],
  );
  const change = (changes: Partial<TimelineFilter>) => {
    setFilter((before) => ({ ...before, ...changes }));
    setOffset(0);
  };

  return (
    <section aria-labelledby="timeline-title" className="review-section">
      <h2 id="timeline-title">{t('review.timeline.title')}</h2>
      <Filters label={t('review.timeline.filters')}>
        <fieldset className="fieldset review-kinds">
          <legend className="label">{t('review.timeline.kinds')}</legend>
          <div className="checkboxes--inline">
            {timelineKinds.map((kind) => (
              <Checkbox
                key={kind}
                id={`timeline-kind-${kind}`}
                label={t(`review.kind.${kind}`)}
                checked={filter.kinds.includes(kind)}
                onChange={(checked) =>
                  change({
                    kinds: checked
                      ? timelineKinds.filter((k) => k === kind || filter.kinds.includes(k))
                      : filter.kinds.filter((k) => k !== kind),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
        <DateField
          id="timeline-from"
          kind="date"
          label={t('review.timeline.from')}
          value={filter.from}
          onChange={(from) => change({ from })}
        />
        <DateField
          id="timeline-to"
          kind="date"
          label={t('review.timeline.to')}
          value={filter.to}
          error={rangeError ? t('review.timeline.rangeError') : undefined}
          onChange={(to) => change({ to })}
        />
        <TextField
          id="timeline-q"
          type="search"
          label={t('review.timeline.search')}
          value={filter.q}
          onChange={(event) => change({ q: event.target.value })}
        />
      </Filters>
      <ExportLinks eventId={eventId} filter={filter} />
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t('review.timeline.none')}</p>
      ) : (
        <>
          <ol className="review-timeline">
            {list.data.items.map((entry) => (
              <TimelineItem
                key={`${entry.kind}-${entry.target.id}-${entry.at}`}
                eventId={eventId}
                entry={entry}
              />
            ))}
          </ol>
          <Pager total={list.data.total} limit={limit} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

function ExportLinks({ eventId, filter }: { eventId: number; filter: TimelineFilter }) {
  const { t } = useTranslation();
  return (
    <nav className="review-export" aria-label={t('review.timeline.download')}>
      <p className="review-export__label">{t('review.timeline.download')}</p>
      <a className="button button--secondary" href={exportUrl(eventId, 'docx', filter)} download>
        {t('review.timeline.word')}
      </a>{' '}
      <a className="button button--secondary" href={exportUrl(eventId, 'pdf', filter)} download>
        {t('review.timeline.pdf')}
      </a>
    </nav>
  );
}

/** Where an entry's own screen is; readiness has none of its own but the overview. */
function targetPath(eventId: number, target: TimelineEntry['target']): string {
  const paths: Record<string, string> = {
    log_entry: '/log',
    decision: '/decisions',
    diversion: '/diversions',
    risk: '/risks',
    report: `/reports/${target.id}`,
    milestone: '/milestones',
    meeting: `/meetings/${target.id}`,
  };
  return `/events/${eventId}${paths[target.kind] ?? ''}`;
}

function TimelineItem({ eventId, entry }: { eventId: number; entry: TimelineEntry }) {
  const { t } = useTranslation();
  return (
    <li className={`review-timeline__item review-timeline__item--${entry.kind}`}>
      <p className="review-timeline__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
        <span className="tag tag--compact">{t(`review.kind.${entry.kind}`)}</span>{' '}
        {entry.internal && <InternalTag />}
      </p>
      <p className="review-timeline__title">
        <Link to={targetPath(eventId, entry.target)}>{entry.title}</Link>
      </p>
      {entry.summary && <p className="pre-line">{entry.summary}</p>}
    </li>
  );
}

function LessonsSection({ eventId, canWrite }: { eventId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Lesson | null>(null);
  const [message, setMessage] = useState('');
  const [deleteError, setDeleteError] = useState('');
  const lessons = useEventList(eventId, () => reviewApi.lessons(eventId), []);

  const fields: FieldSpec[] = [
    {
      name: 'observation',
      label: t('review.lessons.observation'),
      hint: t('review.lessons.observationHint'),
      kind: 'textarea',
      required: true,
    },
    {
      name: 'recommendation',
      label: t('review.lessons.recommendation'),
      kind: 'textarea',
      required: false,
    },
    {
      name: 'owner',
      label: t('review.lessons.owner'),
      hint: t('review.lessons.ownerHint'),
      kind: 'text',
      required: false,
    },
    {
      name: 'state',
      label: t('review.lessons.state'),
      kind: 'select',
      required: true,
      options: lessonStates.map((state) => ({ value: state, label: t(`review.state.${state}`) })),
    },
    {
      name: 'category',
      label: t('review.lessons.category'),
      hint: t('review.lessons.categoryHint'),
      kind: 'text',
      required: false,
    },
  ];
  const toValues = (lesson: Lesson): Values => ({
    observation: lesson.observation,
    recommendation: lesson.recommendation,
    owner: lesson.owner,
    state: lesson.state,
    category: lesson.category ?? '',
  });
  const body = (values: Values) => ({
    observation: str(values.observation),
    recommendation: str(values.recommendation),
    owner: str(values.owner),
    state: str(values.state),
    category: str(values.category) || null,
  });

  async function remove(lesson: Lesson) {
    if (!window.confirm(t('review.lessons.confirmDelete'))) return;
    try {
      await reviewApi.deleteLesson(eventId, lesson.id, lesson.version);
      setDeleteError('');
      setMessage(t('review.lessons.deleted'));
      if (editing?.id === lesson.id) setEditing(null);
      void lessons.reload();
    } catch (error) {
      setDeleteError(errorText(error, t));
    }
  }

  return (
    <section aria-labelledby="lessons-title" className="review-section">
      <h2 id="lessons-title">{t('review.lessons.title')}</h2>
      <div className="picture-layout">
        <FormColumn show={canWrite}>
          <SavedNotice message={message} />
          <RecordForm<Lesson>
            key={editing ? `edit-${editing.id}` : 'create'}
            id="lesson-form"
            title={editing ? t('review.lessons.editTitle') : t('review.lessons.newTitle')}
            fields={fields}
            initial={{
              observation: '',
              recommendation: '',
              owner: '',
              state: 'open',
              category: '',
            }}
            editing={editing}
            toValues={toValues}
            save={(values, version) =>
              editing
                ? reviewApi.updateLesson(eventId, editing.id, { version, ...body(values) })
                : reviewApi.createLesson(eventId, body(values))
            }
            submitLabel={editing ? t('picture.form.save') : t('review.lessons.add')}
            onSaved={() => {
              setMessage(t('review.lessons.saved'));
              setEditing(null);
              void lessons.reload();
            }}
            {...(editing && { onCancel: () => setEditing(null) })}
          />
        </FormColumn>
        <div className="picture-layout__list">
          {deleteError && (
            <div className="notice notice--warning" role="alert">
              <p>{deleteError}</p>
            </div>
          )}
          {lessons.error ? (
            <LoadError error={lessons.error} retry={lessons.reload} />
          ) : !lessons.data ? (
            <Loading />
          ) : lessons.data.items.length === 0 ? (
            <p>{t('review.lessons.none')}</p>
          ) : (
            <ol className="plain-list review-lessons">
              {lessons.data.items.map((lesson) => (
                <LessonCard
                  key={lesson.id}
                  lesson={lesson}
                  canWrite={canWrite}
                  onEdit={() => setEditing(lesson)}
                  onDelete={() => void remove(lesson)}
                />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

function LessonCard({
  lesson,
  canWrite,
  onEdit,
  onDelete,
}: {
  lesson: Lesson;
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const name = lesson.category ?? shortened(lesson.observation);
  return (
    <li className="panel review-lesson">
      <h3 className="review-lesson__title">
        {name}{' '}
        <span className={`tag tag--compact tag--action-${lesson.state}`}>
          {t(`review.state.${lesson.state}`)}
        </span>
      </h3>
      <dl className="review-lesson__facts">
        <dt>{t('review.lessons.observation')}</dt>
        <dd className="pre-line">{lesson.observation}</dd>
        {lesson.recommendation && (
          <>
            <dt>{t('review.lessons.recommendation')}</dt>
            <dd className="pre-line">{lesson.recommendation}</dd>
          </>
        )}
        {lesson.owner && (
          <>
            <dt>{t('review.lessons.owner')}</dt>
            <dd>{lesson.owner}</dd>
          </>
        )}
      </dl>
      <p className="small muted">
        <ProvenanceNote provenance={lesson.provenance} />
      </p>
      {canWrite && (
        <div className="button-group">
          <button type="button" className="link-button" onClick={onEdit}>
            {t('picture.form.edit')}
            <span className="visually-hidden">: {name}</span>
          </button>
          <button type="button" className="link-button" onClick={onDelete}>
            {t('review.lessons.delete')}
            <span className="visually-hidden">: {name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
