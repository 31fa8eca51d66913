// Sign-on with the region's account (system admin): which groups give which roles, and which
// existing accounts are linked to an identity at the region's provider.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice, errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { DataTable, ListBesideForm, RowButton } from '../../kit/recordList.tsx';
import type { GroupMapping } from '../../../contract/sso.ts';
import { SystemAdminPage } from './AdminFrame.tsx';
import { ssoApi } from '../../clients/sso.ts';
import { roles } from '../../clients/access.ts';
import { eventsApi } from '../../clients/events.ts';
import { unitsApi } from '../../clients/units.ts';
import { usersApi } from '../../clients/users.ts';

export function SsoPage() {
  const { t } = useTranslation();
  const lists = useLoad(() => Promise.all([ssoApi.mappings(), ssoApi.identities()]), []);
  const choices = useLoad(
    () => Promise.all([eventsApi.list(), unitsApi.list(), usersApi.list()]),
    [],
  );
  const [message, setMessage] = useState('');
  const [rowError, setRowError] = useState('');
  const [mappings, identities] = lists.data ?? [null, null];
  const [events, units, users] = choices.data ?? [null, null, null];
  const eventName = (id: number | null) =>
    events?.items.find((event) => event.id === id)?.name ?? String(id);
  const unitName = (id: number | null) =>
    id === null ? '' : (units?.items.find((unit) => unit.id === id)?.name ?? String(id));
  const describeMapping = (mapping: GroupMapping) =>
    mapping.systemAdmin
      ? t('sso.admin.systemAdmin')
      : [
          t(`admin.roles.${mapping.role}`, { defaultValue: mapping.role ?? '' }),
          eventName(mapping.eventId),
          unitName(mapping.unitId),
        ]
          .filter(Boolean)
          .join(', ');

  const mappingFields: FieldSpec[] = [
    {
      name: 'group',
      label: t('sso.admin.group'),
      hint: t('sso.admin.groupHint'),
      kind: 'text',
      required: true,
    },
    {
      name: 'target',
      label: t('sso.admin.target'),
      kind: 'select',
      options: (['event', 'system_admin'] as const).map((value) => ({
        value,
        label: t(`sso.admin.targets.${value}`),
      })),
    },
    {
      name: 'eventId',
      label: t('sso.admin.event'),
      kind: 'select',
      required: true,
      when: (values) => values.target === 'event',
      options: [
        { value: '', label: t('sso.admin.chooseEvent') },
        ...(events?.items ?? []).map((event) => ({ value: String(event.id), label: event.name })),
      ],
    },
    {
      name: 'role',
      label: t('sso.admin.role'),
      kind: 'select',
      when: (values) => values.target === 'event',
      options: roles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) })),
    },
    {
      name: 'unitId',
      label: t('sso.admin.unit'),
      kind: 'select',
      required: true,
      when: (values) => values.target === 'event' && values.role === 'unit_reporter',
      options: [
        { value: '', label: t('sso.admin.chooseUnit') },
        ...(units?.items ?? []).map((unit) => ({ value: String(unit.id), label: unit.name })),
      ],
    },
  ];

  const identityFields: FieldSpec[] = [
    {
      name: 'userId',
      label: t('sso.admin.user'),
      kind: 'select',
      required: true,
      options: [
        { value: '', label: t('sso.admin.chooseUser') },
        ...(users?.items ?? []).map((user) => ({
          value: String(user.id),
          label: `${user.name} (${user.email})`,
        })),
      ],
    },
    { name: 'subject', label: t('sso.admin.subject'), kind: 'text', required: true },
  ];

  async function removeRow(action: () => Promise<void>, done: string) {
    setRowError('');
    try {
      await action();
      setMessage(done);
      await lists.reload();
    } catch (error) {
      setRowError(errorText(error, t));
    }
  }

  return (
    <SystemAdminPage title={t('sso.admin.title')}>
      <p className="lead">{t('sso.admin.intro')}</p>
      <div role="status" aria-live="polite">
        {message && <Notice kind="success">{message}</Notice>}
      </div>
      {rowError && (
        <Notice kind="warning" role="alert">
          <p>{rowError}</p>
        </Notice>
      )}
      {lists.error || choices.error ? (
        <LoadError
          error={lists.error ?? choices.error}
          retry={() => Promise.all([lists.reload(), choices.reload()]).then(() => undefined)}
        />
      ) : !mappings || !identities || !events || !units || !users ? (
        <Loading />
      ) : (
        <>
          <ListBesideForm
            headingId="mappings-title"
            heading={t('sso.admin.mappingsTitle')}
            form={
              <RecordForm<{ version: number }>
                id="mapping-form"
                title={t('sso.admin.newMapping')}
                fields={mappingFields}
                initial={{ group: '', target: 'event', eventId: '', role: 'staff', unitId: '' }}
                toValues={() => ({})}
                save={async (values) => {
                  const group = str(values.group).trim();
                  await ssoApi.addMapping(
                    values.target === 'system_admin'
                      ? { target: 'system_admin', group }
                      : {
                          target: 'event',
                          group,
                          eventId: Number(values.eventId),
                          role: str(values.role),
                          unitId:
                            values.role === 'unit_reporter' && str(values.unitId)
                              ? Number(values.unitId)
                              : null,
                        },
                  );
                  return { version: 1 };
                }}
                submitLabel={t('sso.admin.add')}
                onSaved={() => {
                  setMessage(t('sso.admin.added'));
                  void lists.reload();
                }}
              />
            }
          >
            {mappings.items.length === 0 ? (
              <p>{t('sso.admin.noMappings')}</p>
            ) : (
              <DataTable
                labelledBy="mappings-title"
                caption={t('sso.admin.mappingsTitle')}
                columns={[t('sso.admin.group'), t('sso.admin.target')]}
                actions
              >
                {mappings.items.map((mapping) => {
                  const label = `${mapping.groupValue}: ${describeMapping(mapping)}`;
                  return (
                    <tr key={mapping.id}>
                      <th scope="row">
                        <code>{mapping.groupValue}</code>
                      </th>
                      <td>{describeMapping(mapping)}</td>
                      <td className="actions-cell">
                        <RowButton
                          onClick={() =>
                            void removeRow(
                              () => ssoApi.removeMapping(mapping.id),
                              t('sso.admin.removed', { mapping: label }),
                            )
                          }
                          what={label}
                        >
                          {t('sso.admin.remove')}
                        </RowButton>
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
          </ListBesideForm>
          <ListBesideForm
            headingId="identities-title"
            heading={t('sso.admin.identitiesTitle')}
            form={
              <RecordForm<{ version: number }>
                id="identity-form"
                title={t('sso.admin.newIdentity')}
                fields={identityFields}
                initial={{ userId: '', subject: '' }}
                toValues={() => ({})}
                save={async (values) => {
                  await ssoApi.link({
                    userId: Number(values.userId),
                    subject: str(values.subject).trim(),
                  });
                  return { version: 1 };
                }}
                submitLabel={t('sso.admin.link')}
                onSaved={() => {
                  setMessage(t('sso.admin.linked'));
                  void lists.reload();
                }}
              />
            }
          >
            <p>{t('sso.admin.identitiesIntro')}</p>
            {identities.items.length === 0 ? (
              <p>{t('sso.admin.noIdentities')}</p>
            ) : (
              <DataTable
                labelledBy="identities-title"
                caption={t('sso.admin.identitiesTitle')}
                columns={[t('sso.admin.user'), t('sso.admin.subject'), t('sso.admin.lastLogin')]}
                actions
              >
                {identities.items.map((identity) => (
                  <tr key={identity.id}>
                    <th scope="row">
                      {identity.userName}
                      <span className="small muted block break">{identity.userEmail}</span>
                    </th>
                    <td className="break">
                      <code>{identity.subject}</code>
                    </td>
                    <td className="nowrap">
                      {identity.lastLoginAt
                        ? formatDate(identity.lastLoginAt)
                        : t('sso.admin.never')}
                    </td>
                    <td className="actions-cell">
                      <RowButton
                        onClick={() =>
                          void removeRow(
                            () => ssoApi.unlink(identity.id),
                            t('sso.admin.unlinked', { identity: identity.userName }),
                          )
                        }
                        what={identity.userName}
                      >
                        {t('sso.admin.unlink')}
                      </RowButton>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </ListBesideForm>
        </>
      )}
    </SystemAdminPage>
  );
}
