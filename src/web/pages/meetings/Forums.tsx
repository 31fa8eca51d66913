// Forum: the meeting forums of the event, with mandate, chair and regular time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { useEventList } from '../../kit/lists.tsx';
import { ListBesideForm } from '../../kit/recordList.tsx';
import { errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { ProvenanceNote } from '../../kit/status.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import type { Forum, Schedule } from '../../../contract/meetings.ts';
import { meetingsApi } from '../../clients/meetings.ts';

const weekdays = ['1', '2', '3', '4', '5', '6', '7'];

/** "Vardagar kl. 08:30 (30 min)" */
export function useScheduleText(): (schedule: Schedule | null) => string {
  const { t } = useTranslation();
  return (schedule) => {
    if (!schedule) return t('meetings.forums.noRegular');
    const days =
      schedule.days.join(',') === '1,2,3,4,5'
        ? t('meetings.forums.everyWeekday')
        : schedule.days.map((day) => t(`meetings.weekdays.${day}`)).join(', ');
    return t('meetings.forums.schedule', {
      days,
      time: schedule.time,
      minutes: schedule.durationMinutes,
    });
  };
}

export function ForumsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [editing, setEditing] = useState<Forum | null>(null);
  const [saved, setSaved] = useState('');
  const list = useEventList(eventId, () => meetingsApi.forums(eventId), []);
  const scheduleText = useScheduleText();
  const [failure, setFailure] = useState('');

  async function remove(forum: Forum) {
    if (!window.confirm(t('meetings.forums.confirmRemove', { name: forum.name }))) return;
    setFailure('');
    try {
      await meetingsApi.removeForum(eventId, forum.id);
      setSaved(t('meetings.forums.removed'));
      await list.reload();
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  const fields: FieldSpec[] = [
    { name: 'name', label: t('meetings.forums.name'), kind: 'text', required: true },
    { name: 'mandate', label: t('meetings.forums.mandate'), kind: 'textarea', required: false },
    { name: 'chairRole', label: t('meetings.forums.chairRole'), kind: 'text', required: false },
    {
      name: 'days',
      label: t('meetings.forums.days'),
      hint: t('meetings.forums.daysHint'),
      kind: 'checkboxes',
      options: weekdays.map((day) => ({ value: day, label: t(`meetings.weekdays.${day}`) })),
    },
    {
      name: 'time',
      label: t('meetings.forums.time'),
      hint: t('meetings.forums.timeHint'),
      kind: 'text',
      width: 'quarter',
      when: (values) => (values.days as string[]).length > 0,
    },
    {
      name: 'durationMinutes',
      label: t('meetings.forums.duration'),
      kind: 'number',
      when: (values) => (values.days as string[]).length > 0,
    },
  ];
  const toValues = (item: Forum): Values => ({
    name: item.name,
    mandate: item.mandate,
    chairRole: item.chairRole,
    days: (item.schedule?.days ?? []).map(String),
    time: item.schedule?.time ?? '',
    durationMinutes: item.schedule ? String(item.schedule.durationMinutes) : '',
  });
  const body = (values: Values) => {
    const days = (values.days as string[]).map(Number).sort((a, b) => a - b);
    return {
      name: str(values.name),
      mandate: str(values.mandate),
      chairRole: str(values.chairRole),
      schedule:
        days.length === 0
          ? null
          : {
              days,
              time: str(values.time).trim(),
              durationMinutes: Number(str(values.durationMinutes)),
            },
    };
  };
  const validate = (values: Values): [string, string | false][] => {
    if ((values.days as string[]).length === 0) return [];
    return [
      ['time', !str(values.time).trim() && t('meetings.forums.timeMissing')],
      [
        'durationMinutes',
        !/^\d+$/.test(str(values.durationMinutes).trim()) && t('meetings.forums.durationInvalid'),
      ],
    ];
  };

  return (
    <EventPage
      eventId={eventId}
      title={t('meetings.forums.title')}
      intro={t('meetings.forums.intro')}
    >
      {(_event, can) => (
        <ListBesideForm
          headingId="forums-list-title"
          heading={t('meetings.forums.listTitle')}
          showForm={can('meeting.write')}
          saved={saved}
          form={
            <RecordForm<Forum>
              key={editing ? `edit-${editing.id}` : 'create'}
              id="forum-form"
              title={editing ? t('meetings.forums.editTitle') : t('meetings.forums.newTitle')}
              fields={fields}
              initial={{
                name: '',
                mandate: '',
                chairRole: '',
                days: [],
                time: '08:30',
                durationMinutes: '30',
              }}
              editing={editing}
              toValues={toValues}
              validate={validate}
              save={(values, version) =>
                editing
                  ? meetingsApi.updateForum(eventId, editing.id, {
                      version: version ?? editing.version,
                      ...body(values),
                    })
                  : meetingsApi.createForum(eventId, body(values))
              }
              submitLabel={editing ? t('picture.form.save') : t('meetings.forums.add')}
              onSaved={() => {
                setSaved(t('meetings.forums.saved'));
                setEditing(null);
                void list.reload();
              }}
              {...(editing && { onCancel: () => setEditing(null) })}
            />
          }
        >
          <div role="alert">{failure && <p className="notice notice--error">{failure}</p>}</div>
          <p>
            <Link to={`/events/${eventId}/meetings`}>{t('meetings.list.title')}</Link>
          </p>
          {list.error ? (
            <LoadError error={list.error} retry={list.reload} />
          ) : !list.data ? (
            <Loading />
          ) : list.data.items.length === 0 ? (
            <p>{t('meetings.forums.none')}</p>
          ) : (
            <ul className="plain-list">
              {list.data.items.map((forum) => (
                <li key={forum.id} id={`forum-${forum.id}`} className="panel">
                  <h3>{forum.name}</h3>
                  <dl>
                    <dt>{t('meetings.forums.regular')}</dt>
                    <dd>{scheduleText(forum.schedule)}</dd>
                    {forum.chairRole && (
                      <>
                        <dt>{t('meetings.forums.chairRole')}</dt>
                        <dd>{forum.chairRole}</dd>
                      </>
                    )}
                    {forum.mandate && (
                      <>
                        <dt>{t('meetings.forums.mandate')}</dt>
                        <dd className="pre-line">{forum.mandate}</dd>
                      </>
                    )}
                  </dl>
                  <p className="small muted">
                    <ProvenanceNote provenance={forum.provenance} />
                  </p>
                  {can('meeting.write') && (
                    <button type="button" className="link-button" onClick={() => setEditing(forum)}>
                      {t('picture.form.edit')}
                      <span className="visually-hidden">: {forum.name}</span>
                    </button>
                  )}{' '}
                  {can('meeting.write') && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void remove(forum)}
                    >
                      {t('meetings.forums.remove')}
                      <span className="visually-hidden">: {forum.name}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </ListBesideForm>
      )}
    </EventPage>
  );
}
