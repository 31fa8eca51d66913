// Milstolpar: the plan's milestones on a timeline (with the same facts as a list), and the
// staff's screen to add, edit, move and reach them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { useEventList, hintShownOf } from '../../kit/lists.tsx';
import { ListBesideForm } from '../../kit/recordList.tsx';
import { errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { formatDate, stockholmToday } from '../../format.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Milestone } from '../../../contract/milestones.ts';
import { ApiError } from '../../api.ts';
import { decisionsApi } from '../../clients/decisions.ts';
import { milestonesApi } from '../../clients/milestones.ts';

const dayMs = 86_400_000;

function dayOf(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

/** What the list says about a milestone's state: reached when, or moved from which date. */
function MilestoneState({ item }: { item: Milestone }) {
  const { t } = useTranslation();
  if (item.state === 'reached')
    return (
      <span className="tag tag--green tag--compact">
        ✓ {t('milestones.reachedOn', { when: formatDate(item.reachedAt) })}
      </span>
    );
  if (item.originalOn !== item.plannedOn)
    return (
      <span className="tag tag--yellow tag--compact">
        {t('milestones.movedFrom', {
          from: formatDate(item.originalOn),
          to: formatDate(item.plannedOn),
        })}
      </span>
    );
  if (item.plannedOn < stockholmToday())
    return <span className="tag tag--compact">{t('milestones.state.passed')}</span>;
  return <span className="tag tag--compact">{t('milestones.state.upcoming')}</span>;
}

/**
 * The milestones on a horizontal line with today marked. The drawing is hidden from screen
 * readers; the ordered list below it carries the same facts and is what keyboards reach.
 */
export function MilestoneTimeline({ items, headingId }: { items: Milestone[]; headingId: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('milestones.none')}</p>;
  const today = stockholmToday();
  const days = items.flatMap((item) => [dayOf(item.plannedOn), dayOf(item.originalOn)]);
  const start = Math.min(...days) - 14 * dayMs;
  const end = Math.max(...days) + 14 * dayMs;
  const percent = (date: string) =>
    Math.min(100, Math.max(0, ((dayOf(date) - start) / (end - start)) * 100));
  const at = (date: string) => `${percent(date)}%`;
  const todayOutside = dayOf(today) < start || dayOf(today) > end;
  return (
    <>
      <div className="timeline" aria-hidden="true">
        <div className="timeline__axis" />
        <div
          className={`timeline__today${todayOutside ? ' is-outside' : ''}`}
          style={{ left: at(today) }}
        >
          <span>
            {t('milestones.today')} {todayOutside && formatDate(today)}
          </span>
        </div>
        {items.map((item, index) => (
          <div key={item.id}>
            {item.originalOn !== item.plannedOn && (
              <div
                className="timeline__move"
                style={{
                  left: `${Math.min(percent(item.originalOn), percent(item.plannedOn))}%`,
                  width: `${Math.abs(percent(item.plannedOn) - percent(item.originalOn))}%`,
                }}
              />
            )}
            {item.originalOn !== item.plannedOn && (
              <span className="timeline__ghost" style={{ left: at(item.originalOn) }} />
            )}
            <div
              className={`timeline__item timeline__item--${item.state} ${index % 2 ? 'is-below' : 'is-above'}`}
              style={{ left: at(item.plannedOn) }}
            >
              <span className="timeline__dot">{item.state === 'reached' ? '✓' : ''}</span>
              <span className="timeline__label">
                <strong>{formatDate(item.plannedOn)}</strong> {item.title}
              </span>
            </div>
          </div>
        ))}
      </div>
      <ol className="plain-list milestone-list" aria-labelledby={headingId}>
        {items.map((item) => (
          <li key={item.id}>
            <strong>{formatDate(item.plannedOn)}</strong> {item.title}{' '}
            <MilestoneState item={item} /> {item.internal && <InternalTag />}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The dashboard's panel: the timeline and a link to the staff's screen. */
export function MilestonePanel({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const list = useEventList(eventId, () => milestonesApi.list(eventId), []);
  return (
    <section className="panel milestone-panel" aria-labelledby="milestones-timeline-title">
      <h2 id="milestones-timeline-title" className="panel__title">
        {t('milestones.timelineTitle')}
      </h2>
      <p className="visually-hidden">{t('milestones.timelineLabel')}</p>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <MilestoneTimeline items={list.data.items} headingId="milestones-timeline-title" />
      )}
      <p>
        <Link to={`/events/${eventId}/milestones`}>{t('milestones.manage')}</Link>
      </p>
    </section>
  );
}

type Mode = { kind: 'create' } | { kind: 'edit' | 'move'; item: Milestone };

export function MilestonesPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [mode, setMode] = useState<Mode>({ kind: 'create' });
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState('');
  const list = useEventList(eventId, () => milestonesApi.list(eventId), []);
  const decisions = useEventList(eventId, () => decisionsApi.list(eventId, { limit: 500 }), []);

  const detailFields: FieldSpec[] = [
    { name: 'title', label: t('milestones.fieldTitle'), kind: 'text', required: true },
    { name: 'description', label: t('milestones.description'), kind: 'textarea', required: false },
    {
      name: 'plannedOn',
      label: t('milestones.plannedOn'),
      hint: t('milestones.plannedOnHint'),
      kind: 'date',
      required: true,
      when: () => mode.kind === 'create',
    },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const moveFields: FieldSpec[] = [
    {
      name: 'plannedOn',
      label: t('milestones.newDate'),
      hint: t('milestones.plannedOnHint'),
      kind: 'date',
      required: true,
    },
    { name: 'reason', label: t('milestones.reason'), kind: 'textarea', required: true },
    {
      name: 'decisionId',
      label: t('milestones.decision'),
      hint: hintShownOf(t('milestones.decisionHint'), t, decisions.data),
      kind: 'select',
      required: false,
      options: [
        { value: '', label: t('milestones.noDecision') },
        ...(decisions.data?.items ?? []).map((decision) => ({
          value: String(decision.id),
          label: `${formatDate(decision.decidedAt)} ${decision.forum}: ${decision.text.slice(0, 80)}`,
        })),
      ],
    },
  ];
  const detailValues = (item: Milestone): Values => ({
    title: item.title,
    description: item.description,
    plannedOn: item.plannedOn,
    internal: item.internal,
  });
  const moveValues = (item: Milestone): Values => ({
    plannedOn: item.plannedOn,
    reason: '',
    decisionId: '',
  });
  const done = (message: string) => {
    setSaved(message);
    setFailure('');
    setMode({ kind: 'create' });
    void list.reload();
  };

  async function reach(item: Milestone) {
    try {
      await milestonesApi.reach(eventId, item.id, { version: item.version });
      done(t('milestones.reachedDone'));
    } catch (error) {
      setSaved('');
      setFailure(
        error instanceof ApiError && error.stale ? t('milestones.conflict') : errorText(error, t),
      );
      void list.reload();
    }
  }

  return (
    <EventPage eventId={eventId} title={t('milestones.title')} intro={t('milestones.intro')}>
      {(_event, can) => (
        <ListBesideForm
          headingId="milestones-list-title"
          heading={t('milestones.listTitle')}
          showForm={can('milestone.write')}
          saved={saved}
          form={
            mode.kind === 'move' ? (
              <RecordForm<Milestone>
                key={`move-${mode.item.id}`}
                id="milestone-move-form"
                title={t('milestones.moveTitle', { title: mode.item.title })}
                fields={moveFields}
                initial={moveValues(mode.item)}
                editing={mode.item}
                toValues={moveValues}
                save={(values, version) =>
                  milestonesApi.move(eventId, mode.item.id, {
                    version,
                    plannedOn: str(values.plannedOn),
                    reason: str(values.reason),
                    decisionId: str(values.decisionId) ? Number(values.decisionId) : null,
                  })
                }
                submitLabel={t('milestones.move')}
                onSaved={() => done(t('milestones.movedDone'))}
                onCancel={() => setMode({ kind: 'create' })}
              />
            ) : (
              <RecordForm<Milestone>
                key={mode.kind === 'edit' ? `edit-${mode.item.id}` : 'create'}
                id="milestone-form"
                title={mode.kind === 'edit' ? t('milestones.editTitle') : t('milestones.newTitle')}
                fields={detailFields}
                initial={{ title: '', description: '', plannedOn: '', internal: false }}
                editing={mode.kind === 'edit' ? mode.item : null}
                toValues={detailValues}
                save={(values, version) => {
                  const common = {
                    title: str(values.title),
                    description: str(values.description),
                    internal: values.internal === true,
                  };
                  return mode.kind === 'edit'
                    ? milestonesApi.update(eventId, mode.item.id, { version, ...common })
                    : milestonesApi.create(eventId, {
                        ...common,
                        plannedOn: str(values.plannedOn),
                      });
                }}
                submitLabel={mode.kind === 'edit' ? t('picture.form.save') : t('milestones.add')}
                onSaved={() => done(t('milestones.saved'))}
                {...(mode.kind === 'edit' && { onCancel: () => setMode({ kind: 'create' }) })}
              />
            )
          }
        >
          <div role="alert">{failure && <p className="notice notice--warning">{failure}</p>}</div>
          {list.error ? (
            <LoadError error={list.error} retry={list.reload} />
          ) : !list.data ? (
            <Loading />
          ) : list.data.items.length === 0 ? (
            <p>{t('milestones.none')}</p>
          ) : (
            <ol className="plain-list milestone-rows">
              {list.data.items.map((item) => (
                <li key={item.id} className="milestone-row">
                  <p>
                    <strong>{formatDate(item.plannedOn)}</strong> {item.title}{' '}
                    <MilestoneState item={item} /> {item.internal && <InternalTag />}
                  </p>
                  {item.description && <p className="small">{item.description}</p>}
                  <p className="small muted">
                    <ProvenanceNote provenance={item.provenance} />
                  </p>
                  {can('milestone.write') && (
                    <p className="button-group">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setMode({ kind: 'edit', item })}
                      >
                        {t('milestones.edit')}
                        <span className="visually-hidden">: {item.title}</span>
                      </button>
                      {item.state !== 'reached' && (
                        <>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => setMode({ kind: 'move', item })}
                          >
                            {t('milestones.move')}
                            <span className="visually-hidden">: {item.title}</span>
                          </button>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => void reach(item)}
                          >
                            {t('milestones.reach')}
                            <span className="visually-hidden">: {item.title}</span>
                          </button>
                        </>
                      )}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </ListBesideForm>
      )}
    </EventPage>
  );
}
