// Kommunikation: communication activities, the media picture per week, and spokespersons.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { SelectField } from '../../kit/forms.tsx';
import { FormColumn, Filters, PeriodFilter, useEventList } from '../../kit/lists.tsx';
import { SavedNotice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import {
  DataTable,
  EditForm,
  ListBody,
  RowButton,
  useEditor,
  usePaging,
} from '../../kit/recordList.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { currentWeekKey, formatDate, formatNumber, periodLabel } from '../../format.ts';
import type { Activity, MediaPicture, Spokesperson } from '../../../contract/communication.ts';
import { audiences, channels, communicationApi, tones } from '../../clients/communication.ts';

const limit = 50;

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

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
    <section className="section" aria-labelledby="activities-title">
      <h2 id="activities-title">{t('picture.communication.activities')}</h2>
      <div className="picture-layout">
        <FormColumn show={canWrite}>
          <SavedNotice message={editor.saved} />
          <EditForm<Activity>
            id="activity-form"
            newTitle={t('picture.communication.newActivity')}
            editTitle={t('picture.communication.editActivity')}
            addLabel={t('picture.communication.addActivity')}
            fields={fields}
            initial={{
              occurredOn: today(),
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
        </FormColumn>
        <div className="picture-layout__list">
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
                      {canWrite && (
                        <RowButton onClick={() => editor.setMode(item)} what={item.title} />
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </ListBody>
        </div>
      </div>
    </section>
  );
}

function Media({ eventId, canWrite }: { eventId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useEventList(
    eventId,
    () => communicationApi.media.list(eventId, { limit: 100 }),
    [],
  );
  const editor = useEditor<MediaPicture | null>(null, list.reload);
  const editing = editor.mode;
  const tone = (value: string) => t(`picture.communication.tone.${value}`);
  const fields: FieldSpec[] = [
    ...(editing
      ? []
      : [
          {
            name: 'period',
            label: t('picture.communication.week'),
            hint: t('picture.filter.periodHint'),
            kind: 'week' as const,
            required: true,
          },
        ]),
    {
      name: 'articleCount',
      label: t('picture.communication.articleCount'),
      kind: 'number',
      required: true,
    },
    {
      name: 'tone',
      label: t('picture.communication.toneLabel'),
      kind: 'select',
      options: tones.map((value) => ({ value, label: tone(value) })),
    },
    {
      name: 'themes',
      label: t('picture.communication.themes'),
      hint: t('picture.communication.themesHint'),
      kind: 'textarea',
      required: false,
    },
    {
      name: 'comment',
      label: t('picture.communication.comment'),
      kind: 'textarea',
      required: false,
    },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: MediaPicture): Values => ({
    period: item.period,
    articleCount: String(item.articleCount),
    tone: item.tone,
    themes: item.themes.join('\n'),
    comment: item.comment,
    internal: item.internal,
  });
  const body = (values: Values) => ({
    articleCount: Number(str(values.articleCount).trim()),
    tone: str(values.tone),
    themes: str(values.themes)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    comment: str(values.comment),
    internal: values.internal === true,
  });
  return (
    <section className="section" aria-labelledby="media-title">
      <h2 id="media-title">{t('picture.communication.media')}</h2>
      <div className="picture-layout">
        <FormColumn show={canWrite}>
          <SavedNotice message={editor.saved} />
          <RecordForm<MediaPicture>
            key={editing ? `edit-${editing.id}` : 'create'}
            id="media-form"
            title={
              editing
                ? t('picture.communication.editMedia', { week: periodLabel(editing.period) })
                : t('picture.communication.newMedia')
            }
            fields={fields}
            initial={{
              period: currentWeekKey(),
              articleCount: '',
              tone: 'neutral',
              themes: '',
              comment: '',
              internal: false,
            }}
            editing={editing}
            toValues={toValues}
            validate={(values) => [
              [
                'articleCount',
                !/^\d+$/.test(str(values.articleCount).trim()) &&
                  t('picture.communication.countInvalid'),
              ],
            ]}
            save={(values, version) =>
              editing
                ? communicationApi.media.update(eventId, editing.id, { version, ...body(values) })
                : communicationApi.media.create(eventId, {
                    period: str(values.period),
                    ...body(values),
                  })
            }
            submitLabel={editing ? t('picture.form.save') : t('picture.communication.addMedia')}
            onSaved={() => editor.done(t('picture.communication.saved'))}
            {...(editing && { onCancel: editor.cancel })}
          />
        </FormColumn>
        <div className="picture-layout__list">
          <ListBody list={list} empty={t('picture.communication.noMedia')}>
            {(data) => (
              <DataTable
                labelledBy="media-title"
                caption={t('picture.communication.media')}
                columns={[
                  t('picture.communication.week'),
                  { label: t('picture.communication.articleCount'), className: 'numeric' },
                  t('picture.communication.toneLabel'),
                  t('picture.communication.themes'),
                ]}
                actions
              >
                {data.items.map((item, index, all) => {
                  const previous = all[index + 1];
                  return (
                    <tr key={item.id}>
                      <th scope="row" className="nowrap">
                        {periodLabel(item.period)} {item.internal && <InternalTag />}
                      </th>
                      <td className="numeric nowrap">
                        {formatNumber(item.articleCount, 0)}
                        {previous && (
                          <span className="change">
                            {' '}
                            ({item.articleCount - previous.articleCount >= 0 ? '+' : '−'}
                            {Math.abs(item.articleCount - previous.articleCount)})
                          </span>
                        )}
                      </td>
                      <td>{tone(item.tone)}</td>
                      <td>
                        {item.themes.join(', ') || '–'}
                        {item.comment && <p className="small">{item.comment}</p>}
                      </td>
                      <td className="actions-cell">
                        {canWrite && (
                          <RowButton
                            onClick={() => editor.setMode(item)}
                            what={periodLabel(item.period)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
          </ListBody>
        </div>
      </div>
    </section>
  );
}

function Spokespersons({ eventId, canWrite }: { eventId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useEventList(
    eventId,
    () => communicationApi.spokespersons.list(eventId, { limit: 200 }),
    [],
  );
  const editor = useEditor<Spokesperson | null>(null, list.reload);
  const editing = editor.mode;
  const fields: FieldSpec[] = [
    { name: 'name', label: t('picture.communication.name'), kind: 'text', required: true },
    { name: 'title', label: t('picture.communication.personTitle'), kind: 'text', required: true },
    { name: 'topic', label: t('picture.communication.topic'), kind: 'text', required: false },
    { name: 'fromDate', label: t('picture.communication.fromDate'), kind: 'date', required: true },
    { name: 'toDate', label: t('picture.communication.toDate'), kind: 'date', required: false },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: Spokesperson): Values => ({
    name: item.name,
    title: item.title,
    topic: item.topic,
    fromDate: item.fromDate,
    toDate: item.toDate ?? '',
    internal: item.internal,
  });
  const body = (values: Values) => ({
    name: str(values.name),
    title: str(values.title),
    topic: str(values.topic),
    fromDate: str(values.fromDate),
    toDate: str(values.toDate) || null,
    internal: values.internal === true,
  });
  return (
    <section className="section" aria-labelledby="spokespersons-title">
      <h2 id="spokespersons-title">{t('picture.communication.spokespersons')}</h2>
      <div className="picture-layout">
        <FormColumn show={canWrite}>
          <SavedNotice message={editor.saved} />
          <RecordForm<Spokesperson>
            key={editing ? `edit-${editing.id}` : 'create'}
            id="spokesperson-form"
            title={
              editing
                ? t('picture.communication.editSpokesperson')
                : t('picture.communication.newSpokesperson')
            }
            fields={fields}
            initial={{
              name: '',
              title: '',
              topic: '',
              fromDate: today(),
              toDate: '',
              internal: false,
            }}
            editing={editing}
            toValues={toValues}
            save={(values, version) =>
              editing
                ? communicationApi.spokespersons.update(eventId, editing.id, {
                    version,
                    ...body(values),
                  })
                : communicationApi.spokespersons.create(eventId, body(values))
            }
            submitLabel={
              editing ? t('picture.form.save') : t('picture.communication.addSpokesperson')
            }
            onSaved={() => editor.done(t('picture.communication.saved'))}
            {...(editing && { onCancel: editor.cancel })}
          />
        </FormColumn>
        <div className="picture-layout__list">
          <ListBody list={list} empty={t('picture.communication.noSpokespersons')}>
            {(data) => (
              <DataTable
                labelledBy="spokespersons-title"
                caption={t('picture.communication.spokespersons')}
                columns={[
                  t('picture.communication.name'),
                  t('picture.communication.personTitle'),
                  t('picture.communication.topic'),
                  t('picture.communication.validity'),
                ]}
                actions
              >
                {data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      {item.name} {item.internal && <InternalTag />}
                    </th>
                    <td>{item.title}</td>
                    <td>{item.topic || '–'}</td>
                    <td className="nowrap">
                      {formatDate(`${item.fromDate}T12:00:00Z`)} –{' '}
                      {item.toDate ? formatDate(`${item.toDate}T12:00:00Z`) : ''}
                    </td>
                    <td className="actions-cell">
                      {canWrite && (
                        <RowButton onClick={() => editor.setMode(item)} what={item.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </ListBody>
        </div>
      </div>
    </section>
  );
}
