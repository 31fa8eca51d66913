import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { useSession } from '../../session.tsx';
import { authApi } from '../../clients/auth.ts';

const fieldIds = { currentPassword: 'current-password', newPassword: 'new-password' };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = clientErrors([
      ['current-password', !current && t('password.currentMissing')],
      ['new-password', !next && t('password.newMissing')],
      ['confirm-password', next !== confirm && t('password.mismatch')],
    ]);
    setErrors(invalid);
    if (invalid.summary.length) return;
    setBusy(true);
    try {
      const session = await authApi.changePassword(current, next);
      signIn(session);
      navigate('/', { replace: true, state: { flash: t('password.changed') } });
    } catch (error) {
      setErrors(formErrorsFrom(error, fieldIds, 'current-password'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors.summary} />
      <PageHeading>{t('password.title')}</PageHeading>
      {user.mustChangePassword && <p className="lead">{t('password.intro')}</p>}
      <form onSubmit={submit} noValidate>
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={user.email}
          readOnly
          hidden
        />
        <TextField
          id="current-password"
          type="password"
          autoComplete="current-password"
          label={t('password.current')}
          hint={user.mustChangePassword ? t('password.currentHint') : undefined}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.byField['current-password']}
        />
        <TextField
          id="new-password"
          type="password"
          autoComplete="new-password"
          label={t('password.new')}
          hint={t('password.newHint')}
          value={next}
          onChange={(event) => setNext(event.target.value)}
          error={errors.byField['new-password']}
        />
        <TextField
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          label={t('password.confirm')}
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          error={errors.byField['confirm-password']}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}
