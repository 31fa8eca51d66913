// Kommunikation: communication activities, the media picture per week, and spokespersons.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { SelectField } from '../../kit/forms.tsx';
import { Filters, PeriodFilter, useEventList } from '../../kit/lists.tsx';
import {
  DataTable,
  EditForm,
  ListBesideForm,
  ListBody,
  RowButton,
  useEditor,
  usePaging,
} from '../../kit/recordList.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { formatDate, stockholmToday } from '../../format.ts';
import type { Activity } from '../../../contract/communication.ts';
import { audiences, channels, communicationApi } from '../../clients/communication.ts';
import { Media } from './MediaPicture.tsx';
import { Spokespersons } from './Spokespersons.tsx';

const limit = 50;

export function CommunicationPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventPage
      eventId={eventId}
      title={t('picture.communication.title')}
      intro={t('picture.communication.intro')}
    >
      {(_event, can) => (
        <>
          <nav className="in-page-nav" aria-label={t('picture.communication.onThisPage')}>
            <a href="#activities-title">{t('picture.communication.activities')}</a>
            <a href="#media-title">{t('picture.communication.media')}</a>
            <a href="#spokespersons-title">{t('picture.communication.spokespersons')}</a>
          </nav>
          <Activities eventId={eventId} canWrite={can('communication.write')} />
          <Media eventId={eventId} canWrite={can('communication.write')} />
          <Spokespersons eventId={eventId} canWrite={can('communication.write')} />
        </>
      )}
    </EventPage>
  );
}

function Activities({ eventId, canWrite }: { eventId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState('');
  const [audience, setAudience] = useState('');
  const [channel, setChannel] = useState('');
  const { offset, setOffset, filter } = usePaging();
  const list = useEventList(
    eventId,
    () =>
      communicationApi.activities.list(eventId, {
        limit,
        offset,
        period: period || undefined,
        audience: audience || undefined,
        channel: channel || undefined,
      }),
    [period, audience, channel, offset],
  );
  const editor = useEditor<Activity | null>(null, list.reload);
  const editing = editor.mode;
  const channelLabel = (value: string) => t(`picture.communication.channel.${value}`);
  const fields: FieldSpec[] = [
    { name: 'occurredOn', label: t('picture.communication.date'), kind: 'date', required: true },
    {
      name: 'title',
      label: t('picture.communication.activityTitle'),
      kind: 'text',
      required: true,
    },
    {
      name: 'channels',
      label: t('picture.communication.channels'),
      kind: 'checkboxes',
      required: true,
      options: channels.map((value) => ({ value, label: channelLabel(value) })),
    },
    {
      name: 'audience',
      label: t('picture.communication.audience'),
      kind: 'select',
      options: audiences.map((value) => ({
        value,
        label: t(`picture.communication.audienceValue.${value}`),
      })),
    },
    {
      name: 'link',
      label: t('picture.communication.link'),
      hint: t('picture.communication.linkHint'),
      kind: 'text',
      required: false,
    },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: Activity): Values => ({
    occurredOn: item.occurredOn,
    title: item.title,
    channels: item.channels,
    audience: item.audience,
    link: item.link ?? '',
    internal: item.internal,
  });
  const body = (values: Values) => ({
    occurredOn: str(values.occurredOn),
    title: str(values.title),
    channels: values.channels,
    audience: str(values.audience),
    link: str(values.link).trim() || null,
    internal: values.internal === true,
  });
  return (
    <ListBesideForm
      headingId="activities-title"
      heading={t('picture.communication.activities')}
      scope="section"
      showForm={canWrite}
      saved={editor.saved}
      form={
        <EditForm<Activity>
          id="activity-form"
          newTitle={t('picture.communication.newActivity')}
          editTitle={t('picture.communication.editActivity')}
          addLabel={t('picture.communication.addActivity')}
          fields={fields}
          initial={{
            occurredOn: stockholmToday(),
            title: '',
            channels: [],
            audience: 'external',
            link: '',
            internal: false,
          }}
          editing={editing}
          toValues={toValues}
          create={(values) => communicationApi.activities.create(eventId, body(values))}
          update={(item, values, version) =>
            communicationApi.activities.update(eventId, item.id, { version, ...body(values) })
          }
          onSaved={() => editor.done(t('picture.communication.saved'))}
          onCancel={editor.cancel}
        />
      }
    >
      <Filters label={t('picture.filter.label')}>
        <PeriodFilter id="activities-period" value={period} onChange={filter(setPeriod)} />
        <SelectField
          id="activities-audience"
          label={t('picture.communication.audience')}
          value={audience}
          options={[
            { value: '', label: t('picture.filter.all') },
            ...audiences.map((value) => ({
              value,
              label: t(`picture.communication.audienceValue.${value}`),
            })),
          ]}
          onChange={filter(setAudience)}
        />
        <SelectField
          id="activities-channel"
          label={t('picture.communication.channel.label')}
          value={channel}
          options={[
            { value: '', label: t('picture.filter.all') },
            ...channels.map((value) => ({ value, label: channelLabel(value) })),
          ]}
          onChange={filter(setChannel)}
        />
      </Filters>
      <ListBody
        list={list}
        empty={t('picture.communication.noActivities')}
        paging={{ limit, offset, onChange: setOffset }}
      >
        {(data) => (
          <DataTable
            labelledBy="activities-title"
            caption={t('picture.communication.activities')}
            columns={[
              t('picture.communication.date'),
              t('picture.communication.activityTitle'),
              t('picture.communication.channels'),
              t('picture.communication.audience'),
            ]}
            actions
          >
            {data.items.map((item) => (
              <tr key={item.id}>
                <td className="nowrap">{formatDate(`${item.occurredOn}T12:00:00Z`)}</td>
                <td>
                  {item.link ? <a href={item.link}>{item.title}</a> : item.title}{' '}
                  {item.internal && <InternalTag />}
                  <p className="small muted">
                    <ProvenanceNote provenance={item.provenance} />
                  </p>
                </td>
                <td>{item.channels.map(channelLabel).join(', ')}</td>
                <td>{t(`picture.communication.audienceValue.${item.audience}`)}</td>
                <td className="actions-cell">
                  {canWrite && <RowButton onClick={() => editor.setMode(item)} what={item.title} />}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListBody>
    </ListBesideForm>
  );
}
