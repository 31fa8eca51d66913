// Role grants of one event; a unit reporter is tied to a unit.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type FieldSpec, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice, errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { DataTable, ListBesideForm, ListBody, RowButton } from '../../kit/recordList.tsx';
import { EventAdminPage } from './AdminFrame.tsx';
import { accessApi, roles } from '../../clients/access.ts';
import { unitsApi } from '../../clients/units.ts';
import { usersApi } from '../../clients/users.ts';

export function AccessPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const grants = useLoad(() => accessApi.grants(eventId), [eventId]);
  const others = useLoad(
    () => Promise.all([usersApi.list().catch(() => ({ items: [] })), unitsApi.list()]),
    [],
  );
  const [message, setMessage] = useState('');
  const [rowError, setRowError] = useState('');
  const [users, units] = others.data ?? [null, null];
  const unitName = (id: number | null) =>
    id === null ? '' : (units?.items.find((unit) => unit.id === id)?.name ?? String(id));

  const fields: FieldSpec[] = [
    {
      name: 'userId',
      label: t('admin.access.user'),
      kind: 'select',
      required: true,
      options: [
        { value: '', label: t('admin.access.chooseUser') },
        ...(users?.items ?? [])
          .filter((user) => !user.disabled)
          .map((user) => ({ value: String(user.id), label: `${user.name} (${user.email})` })),
      ],
    },
    {
      name: 'role',
      label: t('admin.access.role'),
      kind: 'select',
      options: roles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) })),
    },
    {
      name: 'unitId',
      label: t('admin.access.unit'),
      hint: t('admin.access.unitHint'),
      kind: 'select',
      required: true,
      when: (values) => values.role === 'unit_reporter',
      options: [
        { value: '', label: t('admin.access.chooseUnit') },
        ...(units?.items ?? []).map((unit) => ({ value: String(unit.id), label: unit.name })),
      ],
    },
  ];

  async function revoke(id: number, label: string) {
    setRowError('');
    try {
      await accessApi.revoke(eventId, id);
      setMessage(t('admin.access.revoked', { grant: label }));
      await grants.reload();
    } catch (error) {
      setRowError(errorText(error, t));
    }
  }

  return (
    <EventAdminPage
      eventId={eventId}
      title={t('admin.access.title')}
      intro={t('admin.access.intro')}
    >
      {() => (
        <>
          <div role="status" aria-live="polite">
            {message && <Notice kind="success">{message}</Notice>}
          </div>
          {rowError && (
            <Notice kind="warning" role="alert">
              <p>{rowError}</p>
            </Notice>
          )}
          <ListBesideForm
            headingId="grants-title"
            heading={t('admin.access.listTitle')}
            form={
              !others.data ? (
                <Loading />
              ) : users && users.items.length === 0 ? (
                <Notice>{t('admin.access.noUserList')}</Notice>
              ) : (
                <RecordForm<{ version: number }>
                  id="grant-form"
                  title={t('admin.access.newTitle')}
                  fields={fields}
                  initial={{ userId: '', role: 'staff', unitId: '' }}
                  toValues={() => ({})}
                  save={async (values) => {
                    await accessApi.grant(eventId, {
                      userId: Number(values.userId),
                      role: str(values.role),
                      unitId:
                        values.role === 'unit_reporter' && str(values.unitId)
                          ? Number(values.unitId)
                          : null,
                    });
                    return { version: 1 };
                  }}
                  submitLabel={t('admin.access.grant')}
                  onSaved={() => {
                    setMessage(t('admin.access.granted'));
                    void grants.reload();
                  }}
                />
              )
            }
          >
            <ListBody list={grants} empty={t('admin.access.none')}>
              {(data) => (
                <DataTable
                  labelledBy="grants-title"
                  caption={t('admin.access.listTitle')}
                  columns={[
                    t('admin.access.user'),
                    t('admin.access.role'),
                    t('admin.access.unit'),
                    t('admin.access.since'),
                  ]}
                  actions
                >
                  {data.items.map((grant) => {
                    const label = `${grant.userName}, ${t(`admin.roles.${grant.role}`)}`;
                    return (
                      <tr key={grant.id}>
                        <th scope="row">
                          {grant.userName}
                          <span className="small muted block break">{grant.userEmail}</span>
                        </th>
                        <td>
                          {t(`admin.roles.${grant.role}`, { defaultValue: grant.role })}
                          {grant.source === 'sso' && (
                            <span className="small muted block">{t('sso.access.fromSso')}</span>
                          )}
                        </td>
                        <td>{unitName(grant.unitId) || '–'}</td>
                        <td className="nowrap">{formatDate(grant.createdAt)}</td>
                        <td className="actions-cell">
                          <RowButton onClick={() => void revoke(grant.id, label)} what={label}>
                            {t('admin.access.revoke')}
                          </RowButton>
                        </td>
                      </tr>
                    );
                  })}
                </DataTable>
              )}
            </ListBody>
          </ListBesideForm>
        </>
      )}
    </EventAdminPage>
  );
}
