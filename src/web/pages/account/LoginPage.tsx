import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Session } from '../../../contract/auth.ts';
import type { SecondFactorMethod } from '../../../contract/mfa.ts';
import { needsCode } from '../../clients/mfa.ts';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { authApi } from '../../clients/auth.ts';
import { ssoApi } from '../../clients/sso.ts';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { user, mustEnrolSecondFactor, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [emergencyOpen, setEmergencyOpen] = useState(false);
  const [codeStep, setCodeStep] = useState<SecondFactorMethod[] | null>(null);
  const options = useLoad(() => ssoApi.loginOptions(), []);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const sso = options.data?.sso ?? false;
  const localLogin = options.data?.localLogin ?? true;
  const showPasswordForm = !sso || localLogin || emergencyOpen;

  const landing = (session: { user: { mustChangePassword: boolean } }, enrol: boolean) =>
    session.user.mustChangePassword ? '/password' : enrol ? '/second-factor' : target;
  if (user && !busy) return <Navigate to={landing({ user }, mustEnrolSecondFactor)} replace />;

  const enter = (session: Session) => {
    signIn(session);
    navigate(landing(session, session.mustEnrolSecondFactor), { replace: true });
  };
  if (codeStep) {
    return (
      <SecondFactorStep methods={codeStep} onSignedIn={enter} onRestart={() => setCodeStep(null)} />
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = clientErrors([
      ['email', !email.trim() && t('login.emailMissing')],
      ['password', !password && t('login.passwordMissing')],
    ]);
    setErrors(missing);
    if (missing.summary.length) return;
    setBusy(true);
    try {
      const step = await authApi.login(email.trim(), password);
      if (needsCode(step)) setCodeStep(step.secondFactor);
      else enter(step);
    } catch (error) {
      setErrors(formErrorsFrom(error, { email: 'email', password: 'password' }, 'email'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const passwordForm = (
    <form onSubmit={submit} noValidate>
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        label={t('login.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.byField.email}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={t('login.password')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.byField.password}
      />
      <button type="submit" className={sso ? 'button button--secondary' : 'button'} disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );

  return (
    <div className="narrow">
      <ErrorSummary errors={errors.summary} />
      <PageHeading>{t('login.title')}</PageHeading>
      {sso && (
        <>
          <p className="lead">{t('sso.login.intro')}</p>
          <p>
            <a className="button" href={`/auth/oidc/login?next=${encodeURIComponent(target)}`}>
              {t('sso.login.button')}
            </a>
          </p>
        </>
      )}
      {sso && !localLogin && (
        <p className="small">
          <button
            type="button"
            className="link-button"
            aria-expanded={emergencyOpen}
            aria-controls="password-login"
            onClick={() => setEmergencyOpen((open) => !open)}
          >
            {t('sso.login.emergency')}
          </button>
        </p>
      )}
      {showPasswordForm &&
        (sso ? (
          <section id="password-login" aria-labelledby="password-login-title">
            <h2 id="password-login-title">
              {localLogin ? t('sso.login.passwordTitle') : t('sso.login.emergencyTitle')}
            </h2>
            {!localLogin && <p>{t('sso.login.emergencyIntro')}</p>}
            {passwordForm}
          </section>
        ) : (
          <>
            <p className="lead">{t('login.intro')}</p>
            {passwordForm}
          </>
        ))}
    </div>
  );
}
