// Distribution lists of an event: who receives the published report.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Notice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { MailNotConfigured, useMailConfigured } from '../../kit/mail.tsx';
import { useLoad } from '../../useLoad.ts';
import { DataTable, ListBesideForm, ListBody, RowButton } from '../../kit/recordList.tsx';
import { EventAdminPage } from './AdminFrame.tsx';
import type { DistributionList } from '../../../contract/distribution.ts';
import { distributionApi, listAudiences } from '../../clients/distribution.ts';

/** "Anna Berg <anna@x.se>" or "anna@x.se", one a line. */
export function parseRecipients(text: string): { email: string; name: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s*<([^>]+)>$/.exec(line);
      return match
        ? { name: match[1]!.replace(/^"|"$/g, '').trim(), email: match[2]!.trim() }
        : { name: '', email: line };
    });
}

function formatRecipients(list: DistributionList['recipients']): string {
  return list.map((item) => (item.name ? `${item.name} <${item.email}>` : item.email)).join('\n');
}

export function DistributionPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const lists = useLoad(() => distributionApi.lists(eventId), [eventId]);
  const [editing, setEditing] = useState<DistributionList | null>(null);
  const [message, setMessage] = useState('');
  const mailConfigured = useMailConfigured();

  const fields: FieldSpec[] = [
    { name: 'name', label: t('admin.distribution.name'), kind: 'text', required: true },
    {
      name: 'audience',
      label: t('admin.distribution.audience'),
      hint: t('admin.distribution.audienceHint'),
      kind: 'select',
      options: listAudiences.map((value) => ({
        value,
        label: t(`admin.distribution.audiences.${value}`),
      })),
    },
    {
      name: 'recipients',
      label: t('admin.distribution.recipients'),
      hint: t('admin.distribution.recipientsHint'),
      kind: 'textarea',
      required: false,
    },
  ];

  return (
    <EventAdminPage
      eventId={eventId}
      title={t('admin.distribution.title')}
      intro={t('admin.distribution.intro')}
    >
      {() => (
        <>
          <div role="status" aria-live="polite">
            {message && <Notice kind="success">{message}</Notice>}
          </div>
          {mailConfigured === false && <MailNotConfigured />}
          <ListBesideForm
            headingId="lists-title"
            heading={t('admin.distribution.listTitle')}
            form={
              <RecordForm<DistributionList>
                key={editing ? `edit-${editing.id}` : 'create'}
                id="list-form"
                title={
                  editing
                    ? t('admin.distribution.editTitle', { name: editing.name })
                    : t('admin.distribution.newTitle')
                }
                fields={fields}
                initial={{ name: '', audience: 'internal', recipients: '' }}
                editing={editing}
                toValues={(list): Values => ({
                  name: list.name,
                  audience: list.audience,
                  recipients: formatRecipients(list.recipients),
                })}
                save={(values, version) => {
                  const body = {
                    name: str(values.name),
                    audience: str(values.audience),
                    recipients: parseRecipients(str(values.recipients)),
                  };
                  return editing
                    ? distributionApi.update(eventId, editing.id, { version, ...body })
                    : distributionApi.create(eventId, body);
                }}
                submitLabel={editing ? t('picture.form.save') : t('admin.distribution.add')}
                onSaved={(list) => {
                  setMessage(
                    t('admin.distribution.saved', {
                      name: list.name,
                      count: list.recipients.length,
                    }),
                  );
                  setEditing(null);
                  void lists.reload();
                }}
                {...(editing && { onCancel: () => setEditing(null) })}
              />
            }
          >
            <ListBody list={lists} empty={t('admin.distribution.none')}>
              {(data) => (
                <DataTable
                  labelledBy="lists-title"
                  caption={t('admin.distribution.listTitle')}
                  columns={[
                    t('admin.distribution.name'),
                    t('admin.distribution.audience'),
                    { label: t('admin.distribution.count'), className: 'numeric' },
                    t('admin.distribution.recipients'),
                  ]}
                  actions
                >
                  {data.items.map((list) => (
                    <tr key={list.id}>
                      <th scope="row">{list.name}</th>
                      <td>{t(`admin.distribution.audiences.${list.audience}`)}</td>
                      <td className="numeric">{list.recipients.length}</td>
                      <td className="small break">
                        {list.recipients
                          .slice(0, 4)
                          .map((item) => item.name || item.email)
                          .join(', ')}
                        {list.recipients.length > 4 &&
                          ` ${t('admin.distribution.andMore', { count: list.recipients.length - 4 })}`}
                      </td>
                      <td className="actions-cell">
                        <RowButton onClick={() => setEditing(list)} what={list.name} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </ListBody>
          </ListBesideForm>
        </>
      )}
    </EventAdminPage>
  );
}
