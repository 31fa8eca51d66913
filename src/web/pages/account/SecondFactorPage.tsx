// Two-step verification of one's own account (/second-factor): security keys added by name and
// removed, switching TOTP on with a QR code or the key as text (in groups of four), the recovery
// codes shown once, and switching TOTP off.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { SecurityKey, TotpEnrolment } from '../../../contract/mfa.ts';
import { authApi } from '../../clients/auth.ts';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { registerSecurityKey, secondFactorApi, securityKeysSupported } from '../../clients/mfa.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';

export function SecondFactorPage() {
  const { t } = useTranslation();
  usePageTitle(t('mfa.enrol.title'));
  const { user, mustEnrolSecondFactor } = useSession();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');
  const status = useLoad(
    () => (user ? secondFactorApi.status() : Promise.resolve(null)),
    [user, recoveryCodes, message],
  );

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace />;
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  if (recoveryCodes) return <RecoveryCodesShown codes={recoveryCodes} />;
  if (status.error) return <LoadError error={status.error} />;
  if (!status.data) return <Loading />;

  return (
    <div className="narrow">
      <PageHeading>{t('mfa.enrol.title')}</PageHeading>
      {message && (
        <Notice kind="success" role="status">
          {message}
        </Notice>
      )}
      {mustEnrolSecondFactor && (
        <Notice kind="warning" role="alert">
          {t('mfa.enrol.required')}
        </Notice>
      )}
      {status.data.enabled ? (
        <>
          <p className="lead">{t('mfa.enrol.enabled')}</p>
          <p>{t('mfa.enrol.codesLeft', { count: status.data.recoveryCodesLeft })}</p>
        </>
      ) : (
        !mustEnrolSecondFactor && <p className="lead">{t('mfa.enrol.off')}</p>
      )}
      <SecurityKeys
        keys={status.data.securityKeys}
        onChanged={(text, codes) => (codes ? setRecoveryCodes(codes) : setMessage(text))}
      />
      <section aria-labelledby="totp-title">
        <h2 id="totp-title">{t('mfa.enrol.totpTitle')}</h2>
        {status.data.totp ? (
          <DisableForm onDisabled={() => setMessage(t('mfa.enrol.disabled'))} />
        ) : (
          <EnrolForm onEnabled={setRecoveryCodes} />
        )}
      </section>
    </div>
  );
}

/** The secret as four-character groups for reading; copying it gives the plain secret. */
function GroupedSecret({ secret }: { secret: string }) {
  const groups = secret.match(/.{1,4}/g) ?? [];
  return (
    <code
      className="totp-secret"
      data-testid="totp-secret"
      onCopy={(event) => {
        event.clipboardData.setData('text/plain', secret);
        event.preventDefault();
      }}
    >
      {groups.join(' ')}
    </code>
  );
}

function SecurityKeys({
  keys,
  onChanged,
}: {
  keys: SecurityKey[];
  onChanged: (message: string, recoveryCodes: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const supported = securityKeysSupported();

  async function add(event: FormEvent) {
    event.preventDefault();
    const missing = clientErrors([['key-name', !name.trim() && t('mfa.keys.nameMissing')]]);
    setErrors(missing);
    if (missing.summary.length) return;
    setBusy(true);
    try {
      const registered = await registerSecurityKey(name.trim());
      setName('');
      onChanged(t('mfa.keys.added', { name: registered.key.name }), registered.recoveryCodes);
    } catch (error) {
      setErrors(
        error instanceof Error && error.name === 'NotAllowedError'
          ? clientErrors([['key-name', t('mfa.keys.cancelled')]])
          : formErrorsFrom(error, { name: 'key-name' }, 'key-name'),
      );
    } finally {
      setBusy(false);
    }
  }

  async function remove(key: SecurityKey) {
    setBusy(true);
    try {
      await secondFactorApi.removeKey(key.id);
      onChanged(t('mfa.keys.removed', { name: key.name }), null);
    } catch (error) {
      setErrors(formErrorsFrom(error, {}, 'key-name'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('mfa.keys.title')}</h2>
      <ErrorSummary errors={errors.summary} />
      {keys.length > 0 ? (
        <ul className="security-keys" data-testid="security-keys">
          {keys.map((key) => (
            <li key={key.id}>
              <strong>{key.name}</strong>{' '}
              <span className="small">
                {t('mfa.keys.created', { at: formatDateTime(key.createdAt) })}
                {key.lastUsedAt &&
                  ` · ${t('mfa.keys.lastUsed', { at: formatDateTime(key.lastUsedAt) })}`}
              </span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => remove(key)}
                disabled={busy}
              >
                {t('mfa.keys.remove', { name: key.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('mfa.keys.none')}</p>
      )}
      {supported ? (
        <form onSubmit={add} noValidate>
          <TextField
            id="key-name"
            name="name"
            width="half"
            label={t('mfa.keys.name')}
            hint={t('mfa.keys.nameHint')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.byField['key-name']}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('mfa.keys.add')}
          </button>
        </form>
      ) : (
        <p>{t('mfa.keys.unsupported')}</p>
      )}
    </section>
  );
}

function EnrolForm({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    try {
      setEnrolment(await secondFactorApi.startTotp());
      setErrors(noErrors);
    } catch (error) {
      setErrors(formErrorsFrom(error, {}, 'enrol-start'));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const missing = clientErrors([['totp-code', !code.trim() && t('mfa.enrol.codeMissing')]]);
    setErrors(missing);
    if (missing.summary.length) return;
    setBusy(true);
    try {
      onEnabled((await secondFactorApi.confirmTotp(code.trim())).recoveryCodes);
    } catch (error) {
      setErrors(formErrorsFrom(error, { code: 'totp-code' }, 'totp-code'));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  if (!enrolment) {
    return (
      <>
        <ErrorSummary errors={errors.summary} />
        <button id="enrol-start" type="button" className="button" onClick={start} disabled={busy}>
          {t('mfa.enrol.start')}
        </button>
      </>
    );
  }
  const qrCode = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrCodeSvg)}`;
  return (
    <>
      <ErrorSummary errors={errors.summary} />
      <p>{t('mfa.enrol.scan')}</p>
      <img className="qr-code" src={qrCode} alt={t('mfa.enrol.qrAlt')} width={200} height={200} />
      <p>{t('mfa.enrol.manual')}</p>
      <p>
        <GroupedSecret secret={enrolment.secret} />
      </p>
      <form onSubmit={confirm} noValidate>
        <TextField
          id="totp-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          width="half"
          label={t('mfa.enrol.code')}
          hint={t('mfa.enrol.codeHint')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.byField['totp-code']}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('mfa.enrol.confirm')}
        </button>
      </form>
    </>
  );
}

function RecoveryCodesShown({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  async function done() {
    signIn(await authApi.me());
    navigate('/', { replace: true });
  }
  return (
    <div className="narrow">
      <PageHeading>{t('mfa.enrol.codesTitle')}</PageHeading>
      <p className="lead">{t('mfa.enrol.codesIntro')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={done}>
        {t('mfa.enrol.continue')}
      </button>
    </div>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = clientErrors([['disable-code', !code.trim() && t('mfa.step.codeMissing')]]);
    setErrors(missing);
    if (missing.summary.length) return;
    setBusy(true);
    try {
      await secondFactorApi.disable(code.trim());
      setCode('');
      onDisabled();
    } catch (error) {
      setErrors(formErrorsFrom(error, { code: 'disable-code' }, 'disable-code'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="disable-title">
      <h2 id="disable-title">{t('mfa.enrol.disableTitle')}</h2>
      <ErrorSummary errors={errors.summary} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="disable-code"
          name="code"
          autoComplete="one-time-code"
          width="half"
          label={t('mfa.enrol.disableCode')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.byField['disable-code']}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('mfa.enrol.disable')}
        </button>
      </form>
    </section>
  );
}
