// The second step of a login: the code from the authenticator app, or a recovery code.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/auth.ts';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { secondFactorApi } from '../../clients/mfa.ts';

export function SecondFactorStep({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: (session: Session) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  usePageTitle(t('mfa.step.title'));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

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
      <p className="lead">{t('mfa.step.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="code"
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          width="half"
          label={t('mfa.step.code')}
          hint={t('mfa.step.codeHint')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.byField.code}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('mfa.step.submit')}
        </button>
      </form>
      <p className="small">
        <button type="button" className="link-button" onClick={onRestart}>
          {t('mfa.step.restart')}
        </button>
      </p>
    </div>
  );
}
