// One meeting: agenda, attendees, minutes, and the decisions and actions recorded in it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { Loading } from '../../kit/layout.tsx';
import { useEventList } from '../../kit/lists.tsx';
import { errorText, SavedNotice } from '../../kit/messages.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { ActionStateTag } from '../picture/Actions.tsx';
import { MeetingForm } from './Meetings.tsx';
import { meetingsApi } from '../../clients/meetings.ts';

export function MeetingPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const meetingId = Number(params.meetingId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState('');
  const navigate = useNavigate();
  const meeting = useEventList(eventId, () => meetingsApi.meeting(eventId, meetingId), [meetingId]);
  const forums = useLoad(() => meetingsApi.forums(eventId), [eventId]);
  const data = meeting.data;
  const forum = forums.data?.items.find((item) => item.id === data?.forumId);
  const empty = <p className="muted">{t('meetings.detail.empty')}</p>;

  async function remove() {
    if (!window.confirm(t('meetings.detail.confirmRemove'))) return;
    try {
      await meetingsApi.removeMeeting(eventId, meetingId);
      void navigate(`/events/${eventId}/meetings`);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  return (
    <EventPage eventId={eventId} title={data?.title ?? t('meetings.list.title')}>
      {(_event, can) =>
        meeting.error ? (
          <LoadError error={meeting.error} retry={meeting.reload} />
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <p>
              <Link to={`/events/${eventId}/meetings`}>{t('meetings.detail.back')}</Link>
            </p>
            <SavedNotice message={saved} />
            <div role="alert">{failure && <p className="notice notice--error">{failure}</p>}</div>
            {editing && forums.data ? (
              <MeetingForm
                eventId={eventId}
                forums={forums.data.items}
                editing={data}
                onSaved={() => {
                  setSaved(t('meetings.list.saved'));
                  setEditing(false);
                  void meeting.reload();
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              can('meeting.write') && (
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setEditing(true)}
                  >
                    {t('meetings.detail.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void remove()}
                  >
                    {t('meetings.detail.remove')}
                  </button>
                </p>
              )
            )}
            {data.internal && (
              <p className="tags">
                <InternalTag />
              </p>
            )}
            <dl>
              <dt>{t('meetings.detail.when')}</dt>
              <dd>
                {formatDateTime(data.startsAt)} – {formatDateTime(data.endsAt)}
              </dd>
              <dt>{t('meetings.detail.forum')}</dt>
              <dd>
                {forum ? (
                  <Link to={`/events/${eventId}/forums#forum-${forum.id}`}>{forum.name}</Link>
                ) : (
                  '–'
                )}
              </dd>
            </dl>
            <h2>{t('meetings.detail.agenda')}</h2>
            {data.agenda ? <p className="pre-line">{data.agenda}</p> : empty}
            <h2>{t('meetings.detail.attendees')}</h2>
            {data.attendees.length > 0 ? (
              <ul>
                {data.attendees.map((role) => (
                  <li key={role}>{role}</li>
                ))}
              </ul>
            ) : (
              empty
            )}
            <h2>{t('meetings.detail.minutes')}</h2>
            {data.minutes ? <p className="pre-line">{data.minutes}</p> : empty}
            <h2>{t('meetings.detail.decisions')}</h2>
            {data.decisions.length === 0 ? (
              <p>{t('meetings.detail.noDecisions')}</p>
            ) : (
              <ul>
                {data.decisions.map((decision) => (
                  <li key={decision.id}>
                    {decision.internal && <InternalTag />} {formatDateTime(decision.decidedAt)}:{' '}
                    <span className="pre-line">{decision.text}</span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={`/events/${eventId}/decisions`}>{t('picture.nav.decisions')}</Link>
            </p>
            <h2>{t('meetings.detail.actions')}</h2>
            {data.actions.length === 0 ? (
              <p>{t('meetings.detail.noActions')}</p>
            ) : (
              <ul>
                {data.actions.map((action) => (
                  <li key={action.id}>
                    <ActionStateTag action={action} /> {action.internal && <InternalTag />}{' '}
                    {action.text}
                  </li>
                ))}
              </ul>
            )}
            <p className="small muted">
              <ProvenanceNote provenance={data.provenance} />
            </p>
          </>
        )
      }
    </EventPage>
  );
}
