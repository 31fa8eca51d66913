// The media picture per week: tone, reach and what the media say.
import { useTranslation } from 'react-i18next';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { useEventList } from '../../kit/lists.tsx';
import {
  DataTable,
  EditForm,
  ListBesideForm,
  ListBody,
  RowButton,
  useEditor,
} from '../../kit/recordList.tsx';
import { InternalTag } from '../../kit/status.tsx';
import { currentWeekKey, formatNumber, periodLabel } from '../../format.ts';
import type { MediaPicture } from '../../../contract/communication.ts';
import { communicationApi, tones } from '../../clients/communication.ts';

export function Media({ eventId, canWrite }: { eventId: number; canWrite: boolean }) {
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
    <ListBesideForm
      headingId="media-title"
      heading={t('picture.communication.media')}
      scope="section"
      showForm={canWrite}
      saved={editor.saved}
      form={
        <EditForm<MediaPicture>
          id="media-form"
          newTitle={t('picture.communication.newMedia')}
          editTitle={
            editing
              ? t('picture.communication.editMedia', { week: periodLabel(editing.period) })
              : ''
          }
          addLabel={t('picture.communication.addMedia')}
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
          create={(values) =>
            communicationApi.media.create(eventId, { period: str(values.period), ...body(values) })
          }
          update={(item, values, version) =>
            communicationApi.media.update(eventId, item.id, { version, ...body(values) })
          }
          onSaved={() => editor.done(t('picture.communication.saved'))}
          onCancel={editor.cancel}
        />
      }
    >
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
    </ListBesideForm>
  );
}
