// Whether the staff roles must have two-step verification (system admin, /admin/second-factor).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, ErrorSummary } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { secondFactorApi } from '../../clients/mfa.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { SystemAdminPage } from './AdminFrame.tsx';

export function SecondFactorPolicyPage() {
  const { t } = useTranslation();
  const policy = useLoad(() => secondFactorApi.policy(), []);
  return (
    <SystemAdminPage title={t('mfa.policy.title')}>
      {policy.error ? (
        <LoadError error={policy.error} />
      ) : !policy.data ? (
        <Loading />
      ) : (
        <PolicyForm initial={policy.data.requiredForStaff} />
      )}
    </SystemAdminPage>
  );
}

function PolicyForm({ initial }: { initial: boolean }) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const saved = await secondFactorApi.setPolicy(required);
      setRequired(saved.requiredForStaff);
      setErrors(noErrors);
      setMessage(t('mfa.policy.saved'));
    } catch (error) {
      setErrors(
        formErrorsFrom(error, { requiredForStaff: 'required-for-staff' }, 'required-for-staff'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors.summary} />
      {message && (
        <Notice kind="success" role="status">
          {message}
        </Notice>
      )}
      <p>{t('mfa.policy.intro')}</p>
      <form onSubmit={save} noValidate>
        <Checkbox
          id="required-for-staff"
          label={t('mfa.policy.required')}
          hint={t('mfa.policy.requiredHint')}
          checked={required}
          onChange={setRequired}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('mfa.policy.save')}
        </button>
      </form>
    </>
  );
}
