// Spokespersons: who speaks for the region on what, and from when.
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
import { formatDate, stockholmToday } from '../../format.ts';
import type { Spokesperson } from '../../../contract/communication.ts';
import { communicationApi } from '../../clients/communication.ts';

export function Spokespersons({ eventId, canWrite }: { eventId: number; canWrite: boolean }) {
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
    <ListBesideForm
      headingId="spokespersons-title"
      heading={t('picture.communication.spokespersons')}
      scope="section"
      showForm={canWrite}
      saved={editor.saved}
      form={
        <EditForm<Spokesperson>
          id="spokesperson-form"
          newTitle={t('picture.communication.newSpokesperson')}
          editTitle={t('picture.communication.editSpokesperson')}
          addLabel={t('picture.communication.addSpokesperson')}
          fields={fields}
          initial={{
            name: '',
            title: '',
            topic: '',
            fromDate: stockholmToday(),
            toDate: '',
            internal: false,
          }}
          editing={editing}
          toValues={toValues}
          create={(values) => communicationApi.spokespersons.create(eventId, body(values))}
          update={(item, values, version) =>
            communicationApi.spokespersons.update(eventId, item.id, { version, ...body(values) })
          }
          onSaved={() => editor.done(t('picture.communication.saved'))}
          onCancel={editor.cancel}
        />
      }
    >
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
                  {canWrite && <RowButton onClick={() => editor.setMode(item)} what={item.name} />}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListBody>
    </ListBesideForm>
  );
}
