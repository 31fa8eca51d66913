// The event itself (/events/:eventId/admin/event): its name, description, when it started, the
// exercise flag and the four-eyes rule. A stale version shows the other change beside the user's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { Notice, SavedNotice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { formatDateTime } from '../../format.ts';
import { eventsApi } from '../../clients/events.ts';
import type { Event } from '../../../contract/events.ts';
import { EventAdminPage } from './AdminFrame.tsx';

export function EventDetailsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventAdminPage
      eventId={eventId}
      title={t('eventDetails.title')}
      intro={t('eventDetails.intro')}
    >
      {(event, can) =>
        can('event.manage') ? <EventForm event={event} /> : <EventFacts event={event} />
      }
    </EventAdminPage>
  );
}

function valuesOf(event: Event): Values {
  return {
    name: event.name,
    description: event.description,
    activatedAt: localOf(event.activatedAt),
    isExercise: event.isExercise,
    fourEyes: event.fourEyes,
  };
}

function EventForm({ event }: { event: Event }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(event);
  const [saved, setSaved] = useState('');
  const fields: FieldSpec[] = [
    { name: 'name', label: t('eventDetails.name'), kind: 'text', required: true },
    { name: 'description', label: t('eventDetails.description'), kind: 'textarea' },
    {
      name: 'activatedAt',
      label: t('eventDetails.activatedAt'),
      hint: t('eventDetails.activatedAtHint'),
      kind: 'datetime',
      required: true,
    },
    {
      name: 'isExercise',
      label: t('eventDetails.isExercise'),
      hint: t('eventDetails.isExerciseHint'),
      kind: 'checkbox',
    },
    { name: 'fourEyes', label: t('eventDetails.fourEyes'), kind: 'checkbox' },
  ];
  return (
    <>
      <SavedNotice message={saved} />
      <RecordForm<Event>
        key={current.version}
        id="event-form"
        title={t('eventDetails.formTitle')}
        fields={fields}
        initial={valuesOf(current)}
        editing={current}
        toValues={valuesOf}
        save={(values, version) =>
          eventsApi.change(current.id, {
            version,
            name: str(values.name),
            description: str(values.description),
            activatedAt: isoOf(values.activatedAt),
            isExercise: values.isExercise === true,
            fourEyes: values.fourEyes === true,
          })
        }
        submitLabel={t('eventDetails.save')}
        onSaved={(changed) => {
          setCurrent(changed);
          setSaved(t('eventDetails.saved'));
        }}
      />
      <p className="small">
        {current.closedAt
          ? `${t('eventDetails.closedAt')}: ${formatDateTime(current.closedAt)}`
          : t('eventDetails.notClosed')}
      </p>
    </>
  );
}

function EventFacts({ event }: { event: Event }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => t(value ? 'eventDetails.yes' : 'eventDetails.no');
  return (
    <>
      <Notice>{t('eventDetails.readOnly')}</Notice>
      <dl className="summary-list">
        <div>
          <dt>{t('eventDetails.name')}</dt>
          <dd>{event.name}</dd>
        </div>
        <div>
          <dt>{t('eventDetails.activatedAt')}</dt>
          <dd>{formatDateTime(event.activatedAt)}</dd>
        </div>
        <div>
          <dt>{t('eventDetails.closedAt')}</dt>
          <dd>{event.closedAt ? formatDateTime(event.closedAt) : t('eventDetails.notClosed')}</dd>
        </div>
        <div>
          <dt>{t('eventDetails.isExercise')}</dt>
          <dd>{yesNo(event.isExercise)}</dd>
        </div>
        <div>
          <dt>{t('eventDetails.fourEyes')}</dt>
          <dd>{yesNo(event.fourEyes)}</dd>
        </div>
      </dl>
    </>
  );
}
