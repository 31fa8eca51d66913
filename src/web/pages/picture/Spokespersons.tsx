// Spokespersons: who speaks for the region on what, and from when.
import { useTranslation } from 'react-i18next';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { FormColumn, useEventList } from '../../kit/lists.tsx';
import { SavedNotice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { DataTable, ListBody, RowButton, useEditor } from '../../kit/recordList.tsx';
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
              fromDate: stockholmToday(),
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
