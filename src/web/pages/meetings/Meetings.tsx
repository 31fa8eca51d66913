// Möten: the meetings of the event with agenda, attendees and minutes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Pager, useEventList } from '../../kit/lists.tsx';
import { ListBesideForm } from '../../kit/recordList.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { InternalTag } from '../../kit/status.tsx';
import { formatDateTime, stockholmLocalNow } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Forum, Meeting } from '../../../contract/meetings.ts';
import { meetingsApi } from '../../clients/meetings.ts';

const limit = 50;

/** The create/edit form of a meeting; also used on the meeting's own page. */
export function MeetingForm({
  eventId,
  forums,
  editing,
  onSaved,
  onCancel,
}: {
  eventId: number;
  forums: Forum[];
  editing: Meeting | null;
  onSaved: (meeting: Meeting) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const fields: FieldSpec[] = [
    {
      name: 'forumId',
      label: t('meetings.list.forum'),
      kind: 'select',
      required: false,
      options: [
        { value: '', label: t('meetings.list.noForum') },
        ...forums.map((forum) => ({ value: String(forum.id), label: forum.name })),
      ],
    },
    { name: 'title', label: t('meetings.list.titleField'), kind: 'text', required: true },
    { name: 'startsAt', label: t('meetings.list.startsAt'), kind: 'datetime', required: true },
    { name: 'endsAt', label: t('meetings.list.endsAt'), kind: 'datetime', required: true },
    { name: 'agenda', label: t('meetings.list.agenda'), kind: 'textarea', required: false },
    {
      name: 'attendees',
      label: t('meetings.list.attendees'),
      hint: t('meetings.list.attendeesHint'),
      kind: 'textarea',
      required: false,
    },
    { name: 'minutes', label: t('meetings.list.minutes'), kind: 'textarea', required: false },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: Meeting): Values => ({
    forumId: item.forumId === null ? '' : String(item.forumId),
    title: item.title,
    startsAt: localOf(item.startsAt),
    endsAt: localOf(item.endsAt),
    agenda: item.agenda,
    attendees: item.attendees.join('\n'),
    minutes: item.minutes,
    internal: item.internal,
  });
  const body = (values: Values) => ({
    forumId: str(values.forumId) ? Number(str(values.forumId)) : null,
    title: str(values.title),
    startsAt: isoOf(values.startsAt) ?? '',
    endsAt: isoOf(values.endsAt) ?? '',
    agenda: str(values.agenda),
    attendees: str(values.attendees)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    minutes: str(values.minutes),
    internal: values.internal === true,
  });
  const now = stockholmLocalNow();
  return (
    <RecordForm<Meeting>
      key={editing ? `edit-${editing.id}` : 'create'}
      id="meeting-form"
      title={editing ? t('meetings.list.editTitle') : t('meetings.list.newTitle')}
      fields={fields}
      initial={{
        forumId: '',
        title: '',
        startsAt: now,
        endsAt: now,
        agenda: '',
        attendees: '',
        minutes: '',
        internal: false,
      }}
      editing={editing}
      toValues={toValues}
      save={(values, version) =>
        editing
          ? meetingsApi.updateMeeting(eventId, editing.id, {
              version: version ?? editing.version,
              ...body(values),
            })
          : meetingsApi.createMeeting(eventId, body(values))
      }
      submitLabel={editing ? t('picture.form.save') : t('meetings.list.add')}
      onSaved={onSaved}
      {...(onCancel && { onCancel })}
    />
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [offset, setOffset] = useState(0);
  const [saved, setSaved] = useState('');
  const list = useEventList(
    eventId,
    () => meetingsApi.meetings(eventId, { limit, offset, order: 'desc' }),
    [offset],
  );
  const forums = useLoad(() => meetingsApi.forums(eventId), [eventId]);
  const forumName = new Map((forums.data?.items ?? []).map((forum) => [forum.id, forum.name]));

  return (
    <EventPage eventId={eventId} title={t('meetings.list.title')} intro={t('meetings.list.intro')}>
      {(_event, can) => (
        <ListBesideForm
          headingId="meetings-list-title"
          heading={t('meetings.list.listTitle')}
          showForm={can('meeting.write')}
          saved={saved}
          form={
            forums.data && (
              <MeetingForm
                eventId={eventId}
                forums={forums.data.items}
                editing={null}
                onSaved={() => {
                  setSaved(t('meetings.list.saved'));
                  void list.reload();
                }}
              />
            )
          }
        >
          <p>
            <Link to={`/events/${eventId}/forums`}>{t('meetings.forums.title')}</Link>
          </p>
          {list.error ? (
            <LoadError error={list.error} retry={list.reload} />
          ) : !list.data ? (
            <Loading />
          ) : list.data.items.length === 0 ? (
            <p>{t('meetings.list.none')}</p>
          ) : (
            <>
              <div
                className="table-wrap"
                tabIndex={0}
                role="group"
                aria-labelledby="meetings-list-title"
              >
                <table className="table table--dense">
                  <caption className="visually-hidden">{t('meetings.list.listTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('meetings.list.when')}</th>
                      <th scope="col">{t('meetings.list.titleField')}</th>
                      <th scope="col">{t('meetings.list.forum')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((meeting) => (
                      <tr key={meeting.id}>
                        <td className="nowrap">{formatDateTime(meeting.startsAt)}</td>
                        <td>
                          {meeting.internal && <InternalTag />}{' '}
                          <Link to={`/events/${eventId}/meetings/${meeting.id}`}>
                            {meeting.title}
                          </Link>
                        </td>
                        <td>
                          {meeting.forumId === null ? (
                            <span className="muted">–</span>
                          ) : (
                            forumName.get(meeting.forumId)
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager total={list.data.total} limit={limit} offset={offset} onChange={setOffset} />
            </>
          )}
        </ListBesideForm>
      )}
    </EventPage>
  );
}
