// The second step of a login: a security key, the code from the authenticator app, or a
// recovery code.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/auth.ts';
import type { SecondFactorMethod } from '../../../contract/mfa.ts';
import { ErrorSummary } from '../../kit/forms.tsx';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';
import { PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import {
  secondFactorApi,
  securityKeysSupported,
  signInWithSecurityKey,
} from '../../clients/mfa.ts';

export function SecondFactorStep({
  methods,
  onSignedIn,
  onRestart,
}: {
  methods: SecondFactorMethod[];
  onSignedIn: (session: Session) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  usePageTitle(t('mfa.step.title'));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const withKey = methods.includes('webauthn') && securityKeysSupported();
  const withApp = methods.includes('totp');

  async function useKey() {
    setBusy(true);
    setErrors(noErrors);
    try {
      onSignedIn(await signInWithSecurityKey());
    } catch (error) {
      setErrors(
        error instanceof Error && error.name === 'NotAllowedError'
          ? clientErrors([['security-key', t('mfa.step.keyCancelled')]])
          : formErrorsFrom(error, { code: 'security-key' }, 'security-key'),
      );
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = clientErrors([['code', !code.trim() && t('mfa.step.codeMissing')]]);
    setErrors(missing);
    if (missing.summary.length) return;
    setBusy(true);
    try {
      onSignedIn(await secondFactorApi.code(code.trim()));
    } catch (error) {
      setErrors(formErrorsFrom(error, { code: 'code' }, 'code'));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors.summary} />
      <PageHeading>{t('mfa.step.title')}</PageHeading>
      {withKey && (
        <>
          <p className="lead">{t('mfa.step.keyIntro')}</p>
          <p>
            <button
              id="security-key"
              type="button"
              className="button"
              onClick={useKey}
              disabled={busy}
            >
              {t('mfa.step.useKey')}
            </button>
          </p>
          {errors.byField['security-key'] && (
            <p className="field-error">{errors.byField['security-key']}</p>
          )}
        </>
      )}
      <p className={withKey ? undefined : 'lead'}>
        {t(withApp ? 'mfa.step.intro' : 'mfa.step.recoveryIntro')}
      </p>
      <OneTimeCodeForm
        id="code"
        label={t('mfa.step.code')}
        hint={t('mfa.step.codeHint')}
        value={code}
        onChange={setCode}
        error={errors.byField.code}
        busy={busy}
        submitLabel={t('mfa.step.submit')}
        onSubmit={submit}
        secondary={withKey}
      />
      <p className="small">
        <button type="button" className="link-button" onClick={onRestart}>
          {t('mfa.step.restart')}
        </button>
      </p>
    </div>
  );
}
