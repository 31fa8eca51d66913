// Two-step verification of one's own account (/second-factor): security keys added by name and
// removed, switching TOTP on with a QR code or the key as text (in groups of four), the recovery
// codes shown once, new recovery codes, and switching TOTP off. Removing a factor and new codes
// ask for a fresh code or key first when the server wants one (ConfirmIdentity).
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { SecurityKey, TotpEnrolment } from '../../../contract/mfa.ts';
import { authApi } from '../../clients/auth.ts';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import {
  needsStepUp,
  registerSecurityKey,
  secondFactorApi,
  securityKeysSupported,
  stepUpWithSecurityKey,
} from '../../clients/mfa.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';

/** Something that removes a factor or renews codes: the server may want a fresh factor first. */
interface ProtectedAction {
  /** What it does, for "Bekräfta att det är du innan du …". */
  what: string;
  run: () => Promise<void>;
}

export function SecondFactorPage() {
  const { t } = useTranslation();
  usePageTitle(t('mfa.enrol.title'));
  const { user, mustEnrolSecondFactor } = useSession();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<ProtectedAction | null>(null);
  const [actionErrors, setActionErrors] = useState<FormErrors>(noErrors);

  /** Runs the action; when the server asks for a fresh factor, asks the user for it first. */
  async function protect(action: ProtectedAction) {
    setActionErrors(noErrors);
    try {
      await action.run();
    } catch (error) {
      if (needsStepUp(error)) setConfirming(action);
      else setActionErrors(formErrorsFrom(error, {}, 'factor-actions'));
    }
  }
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
  if (confirming) {
    return (
      <ConfirmIdentity
        action={confirming}
        withKey={status.data.securityKeys.length > 0 && status.data.securityKeysAvailable}
        onDone={() => setConfirming(null)}
      />
    );
  }
  const renewCodes = () =>
    protect({
      what: t('mfa.confirm.renewCodes'),
      run: async () => setRecoveryCodes((await secondFactorApi.renewRecoveryCodes()).recoveryCodes),
    });

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
      <ErrorSummary errors={actionErrors.summary} />
      {status.data.enabled ? (
        <>
          <p className="lead">{t('mfa.enrol.enabled')}</p>
          <p id="factor-actions">
            {t('mfa.enrol.codesLeft', { count: status.data.recoveryCodesLeft })}{' '}
            <button type="button" className="link-button" onClick={renewCodes}>
              {t('mfa.enrol.renewCodes')}
            </button>
          </p>
        </>
      ) : (
        !mustEnrolSecondFactor && <p className="lead">{t('mfa.enrol.off')}</p>
      )}
      <SecurityKeys
        keys={status.data.securityKeys}
        available={status.data.securityKeysAvailable}
        onChanged={(text, codes) => (codes ? setRecoveryCodes(codes) : setMessage(text))}
        onRemove={(key) =>
          protect({
            what: t('mfa.confirm.removeKey', { name: key.name }),
            run: async () => {
              await secondFactorApi.removeKey(key.id);
              setMessage(t('mfa.keys.removed', { name: key.name }));
            },
          })
        }
      />
      <section aria-labelledby="totp-title">
        <h2 id="totp-title">{t('mfa.enrol.totpTitle')}</h2>
        {status.data.totp ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              protect({
                what: t('mfa.confirm.disable'),
                run: async () => {
                  await secondFactorApi.disable();
                  setMessage(t('mfa.enrol.disabled'));
                },
              })
            }
          >
            {t('mfa.enrol.disable')}
          </button>
        ) : (
          <EnrolForm onEnabled={setRecoveryCodes} />
        )}
      </section>
    </div>
  );
}

/**
 * Asks for a fresh factor (a code from the app, a recovery code or the security key) and then
 * does what was asked; errors stand beside the code field.
 */
function ConfirmIdentity({
  action,
  withKey,
  onDone,
}: {
  action: ProtectedAction;
  withKey: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function confirmWith(stepUp: () => Promise<unknown>) {
    setBusy(true);
    try {
      await stepUp();
      await action.run();
      onDone();
    } catch (error) {
      setErrors(
        error instanceof Error && error.name === 'NotAllowedError'
          ? clientErrors([['step-up-code', t('mfa.step.keyCancelled')]])
          : formErrorsFrom(error, { code: 'step-up-code' }, 'step-up-code'),
      );
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = clientErrors([['step-up-code', !code.trim() && t('mfa.step.codeMissing')]]);
    setErrors(missing);
    if (missing.summary.length) return;
    void confirmWith(() => secondFactorApi.stepUp(code.trim()));
  }

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('mfa.confirm.title')}
      </h1>
      <p className="lead">{t('mfa.confirm.intro', { what: action.what })}</p>
      <ErrorSummary errors={errors.summary} />
      {withKey && securityKeysSupported() && (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void confirmWith(stepUpWithSecurityKey)}
          >
            {t('mfa.step.useKey')}
          </button>
        </p>
      )}
      <OneTimeCodeForm
        id="step-up-code"
        label={t('mfa.enrol.disableCode')}
        hint={t('mfa.step.codeHint')}
        value={code}
        onChange={setCode}
        error={errors.byField['step-up-code']}
        busy={busy}
        submitLabel={t('mfa.confirm.submit')}
        onSubmit={submit}
      >
        {' '}
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('mfa.confirm.cancel')}
        </button>
      </OneTimeCodeForm>
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
  available,
  onChanged,
  onRemove,
}: {
  keys: SecurityKey[];
  /** Whether this installation's address allows security keys (PUBLIC_URL names a host). */
  available: boolean;
  onChanged: (message: string, recoveryCodes: string[] | null) => void;
  onRemove: (key: SecurityKey) => Promise<void>;
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
      await onRemove(key);
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
      {!available ? (
        <Notice kind="warning" role="status">
          {t('mfa.keys.noHost')}
        </Notice>
      ) : supported ? (
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
      <OneTimeCodeForm
        id="totp-code"
        label={t('mfa.enrol.code')}
        hint={t('mfa.enrol.codeHint')}
        value={code}
        onChange={setCode}
        error={errors.byField['totp-code']}
        busy={busy}
        submitLabel={t('mfa.enrol.confirm')}
        onSubmit={confirm}
        digitsOnly
      />
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
