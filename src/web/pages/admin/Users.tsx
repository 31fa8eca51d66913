// Users (system admin): create (the one-time password is shown once), disable, reset password.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice, errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { DataTable, ListBesideForm, RowButton } from '../../kit/recordList.tsx';
import { SystemAdminPage } from './AdminFrame.tsx';
import { ApiError } from '../../api.ts';
import { type AdminUser, usersApi } from '../../clients/users.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const users = useLoad(() => usersApi.list(), []);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [secret, setSecret] = useState<{ name: string; email: string; password: string } | null>(
    null,
  );
  const [confirmReset, setConfirmReset] = useState<AdminUser | null>(null);
  const [message, setMessage] = useState('');
  const [rowError, setRowError] = useState('');
  const secretRef = useRef<HTMLDivElement>(null);

  const showSecret = (user: AdminUser) => {
    if (!user.oneTimePassword) return;
    setSecret({ name: user.name, email: user.email, password: user.oneTimePassword });
    setTimeout(() => secretRef.current?.focus(), 0);
  };

  const fields: FieldSpec[] = [
    ...(editing
      ? []
      : [{ name: 'email', label: t('admin.users.email'), kind: 'email' as const, required: true }]),
    { name: 'name', label: t('admin.users.name'), kind: 'text', required: true },
    {
      name: 'isAdmin',
      label: t('admin.users.isAdmin'),
      hint: t('admin.users.isAdminHint'),
      kind: 'checkbox',
    },
    {
      name: 'breakGlass',
      label: t('sso.users.breakGlass'),
      hint: t('sso.users.breakGlassHint'),
      kind: 'checkbox',
    },
  ];

  async function toggle(user: AdminUser) {
    setRowError('');
    try {
      await usersApi.update(user.id, { version: user.version, disabled: !user.disabled });
      setMessage(
        t(user.disabled ? 'admin.users.enabled' : 'admin.users.disabledDone', { name: user.name }),
      );
      await users.reload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) await users.reload();
      setRowError(errorText(error, t));
    }
  }

  async function reset(user: AdminUser) {
    setRowError('');
    try {
      const answer = await usersApi.resetPassword(user.id);
      setConfirmReset(null);
      showSecret(answer);
      await users.reload();
    } catch (error) {
      setRowError(errorText(error, t));
    }
  }

  return (
    <SystemAdminPage title={t('admin.users.title')}>
      {secret && (
        <div className="notice notice--success one-time" role="alert" tabIndex={-1} ref={secretRef}>
          <h2>{t('admin.users.secretTitle', { name: secret.name })}</h2>
          <p>{t('admin.users.secretText', { email: secret.email })}</p>
          <p className="one-time__password">
            <span className="visually-hidden">{t('admin.users.password')}: </span>
            <code data-testid="one-time-password">{secret.password}</code>
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setSecret(null)}
          >
            {t('admin.users.secretDone')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {message && <Notice kind="success">{message}</Notice>}
      </div>
      {rowError && (
        <Notice kind="warning" role="alert">
          <p>{rowError}</p>
        </Notice>
      )}
      <ListBesideForm
        headingId="users-list-title"
        heading={t('admin.users.listTitle')}
        form={
          <RecordForm<AdminUser>
            key={editing ? `edit-${editing.id}` : 'create'}
            id="user-form"
            title={
              editing
                ? t('admin.users.editTitle', { name: editing.name })
                : t('admin.users.newTitle')
            }
            fields={fields}
            initial={{ email: '', name: '', isAdmin: false, breakGlass: false }}
            editing={editing}
            toValues={(user): Values => ({
              name: user.name,
              isAdmin: user.isAdmin,
              breakGlass: user.breakGlass,
            })}
            save={(values, version) =>
              editing
                ? usersApi.update(editing.id, {
                    version,
                    name: str(values.name),
                    isAdmin: values.isAdmin === true,
                    breakGlass: values.breakGlass === true,
                  })
                : usersApi.create({
                    email: str(values.email).trim(),
                    name: str(values.name),
                    isAdmin: values.isAdmin === true,
                    breakGlass: values.breakGlass === true,
                  })
            }
            submitLabel={editing ? t('picture.form.save') : t('admin.users.create')}
            onSaved={(user) => {
              setMessage(t('admin.users.saved', { name: user.name }));
              setEditing(null);
              showSecret(user);
              void users.reload();
            }}
            {...(editing && { onCancel: () => setEditing(null) })}
          />
        }
      >
        {users.error ? (
          <LoadError error={users.error} retry={users.reload} />
        ) : !users.data ? (
          <Loading />
        ) : (
          <DataTable
            labelledBy="users-list-title"
            caption={t('admin.users.listTitle')}
            columns={[t('admin.users.name'), t('admin.users.email'), t('admin.users.state')]}
            actions
          >
            {users.data.items.map((user) => (
              <tr key={user.id} className={user.disabled ? 'is-disabled' : undefined}>
                <th scope="row">
                  {user.name}
                  {user.isAdmin && (
                    <span className="tag tag--compact tag--admin">{t('admin.users.admin')}</span>
                  )}
                  {user.breakGlass && (
                    <span className="tag tag--compact">{t('sso.users.breakGlassTag')}</span>
                  )}
                </th>
                <td className="break">{user.email}</td>
                <td>
                  {user.disabled ? (
                    <span className="tag tag--compact tag--disabled">
                      ✕ {t('admin.users.disabled')}
                    </span>
                  ) : user.mustChangePassword ? (
                    <span className="tag tag--compact tag--pending">
                      {t('admin.users.mustChange')}
                    </span>
                  ) : (
                    <span className="tag tag--compact tag--active">
                      ✓ {t('admin.users.active')}
                    </span>
                  )}
                </td>
                <td className="actions-cell">
                  {confirmReset?.id === user.id ? (
                    <span className="confirm">
                      {t('admin.users.confirmReset', { name: user.name })}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void reset(user)}
                      >
                        {t('admin.users.confirmYes')}
                      </button>{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setConfirmReset(null)}
                      >
                        {t('picture.form.cancel')}
                      </button>
                    </span>
                  ) : (
                    <>
                      <RowButton onClick={() => setEditing(user)} what={user.name} />{' '}
                      <RowButton onClick={() => setConfirmReset(user)} what={user.name}>
                        {t('admin.users.reset')}
                      </RowButton>{' '}
                      {user.id !== me?.id && (
                        <RowButton onClick={() => void toggle(user)} what={user.name}>
                          {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                        </RowButton>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListBesideForm>
    </SystemAdminPage>
  );
}
