// /alerts: what alerts the user (in the page, by e-mail, by SMS), this browser's sound and
// notifications, and the user's own recent alerts.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Checkbox } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { useMailConfigured } from '../../kit/mail.tsx';
import { Notice, errorText } from '../../kit/messages.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import type { Alert, AlertChoice, AlertChoices } from '../../../contract/alerts.ts';
import { alertKindList, alertSoundOn, alertsApi, setAlertSound } from '../../clients/alerts.ts';

export function AlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('alerts.title'));
  const choices = useLoad(() => alertsApi.choices(), []);
  const recent = useLoad(() => alertsApi.mine(), []);
  return (
    <>
      <PageHeading>{t('alerts.title')}</PageHeading>
      <p className="lead">{t('alerts.intro')}</p>
      {choices.error ? <LoadError error={choices.error} retry={choices.reload} /> : null}
      {choices.data ? <ChoicesForm initial={choices.data} /> : !choices.error && <Loading />}
      <DeviceChoices />
      <section className="section" aria-labelledby="recent-alerts">
        <h2 id="recent-alerts">{t('alerts.recentTitle')}</h2>
        {recent.error ? <LoadError error={recent.error} retry={recent.reload} /> : null}
        {recent.data?.items.length === 0 && <p>{t('alerts.none')}</p>}
        <ul className="alert-list">
          {recent.data?.items.map((alert) => (
            <RecentAlert key={alert.id} alert={alert} />
          ))}
        </ul>
      </section>
    </>
  );
}

function ChoicesForm({ initial }: { initial: AlertChoices }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AlertChoice[]>(initial.items);
  const [message, setMessage] = useState('');
  const mailConfigured = useMailConfigured();
  const [error, setError] = useState('');
  const chosen = (kind: AlertChoice['kind']) => items.find((item) => item.kind === kind);
  const change = (kind: AlertChoice['kind'], next: AlertChoice | null) =>
    setItems((current) => [
      ...current.filter((item) => item.kind !== kind),
      ...(next ? [next] : []),
    ]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setError('');
    try {
      const saved = await alertsApi.saveChoices(items);
      setItems(saved.items);
      setMessage(t('alerts.saved'));
    } catch (caught) {
      setError(errorText(caught, t));
    }
  }

  return (
    <section className="section" aria-labelledby="alert-choices">
      <h2 id="alert-choices">{t('alerts.choicesTitle')}</h2>
      <form onSubmit={save} noValidate>
        {alertKindList.map((kind) => {
          const choice = chosen(kind);
          const label = t(`alerts.kinds.${kind}`);
          return (
            <fieldset key={kind} className="fieldset">
              <legend>{label}</legend>
              <Checkbox
                id={`alert-${kind}`}
                label={t('alerts.inPage', { kind: label })}
                checked={!!choice}
                onChange={(on) => change(kind, on ? { kind, email: false, sms: false } : null)}
              />
              {choice && (
                <>
                  <Checkbox
                    id={`alert-${kind}-email`}
                    label={t('alerts.email')}
                    checked={choice.email}
                    onChange={(email) => change(kind, { ...choice, email })}
                  />
                  {initial.smsAvailable && (
                    <Checkbox
                      id={`alert-${kind}-sms`}
                      label={t('alerts.sms')}
                      checked={choice.sms}
                      onChange={(sms) => change(kind, { ...choice, sms })}
                    />
                  )}
                </>
              )}
            </fieldset>
          );
        })}
        {mailConfigured === false && <p className="hint">{t('alerts.emailMissing')}</p>}
        {!initial.smsAvailable && <p className="hint">{t('alerts.smsMissing')}</p>}
        <div role="status" aria-live="polite">
          {message && <Notice kind="success">{message}</Notice>}
        </div>
        {error && (
          <Notice kind="warning" role="alert">
            {error}
          </Notice>
        )}
        <button type="submit" className="button">
          {t('alerts.save')}
        </button>
      </form>
    </section>
  );
}

function DeviceChoices() {
  const { t } = useTranslation();
  const [sound, setSound] = useState(alertSoundOn);
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  return (
    <section className="section" aria-labelledby="alert-device">
      <h2 id="alert-device">{t('alerts.deviceTitle')}</h2>
      <Checkbox
        id="alert-sound"
        label={t('alerts.sound')}
        checked={sound}
        onChange={(on) => {
          setAlertSound(on);
          setSound(on);
        }}
      />
      {supported && permission === 'default' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          {t('alerts.notify')}
        </button>
      )}
      {permission === 'granted' && <p>{t('alerts.notifyGranted')}</p>}
      {supported && permission === 'denied' && <p>{t('alerts.notifyDenied')}</p>}
    </section>
  );
}

function RecentAlert({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const sent = [
    alert.email !== 'none' && t('alerts.emailState', { state: t(`alerts.sent.${alert.email}`) }),
    alert.sms !== 'none' && t('alerts.smsState', { state: t(`alerts.sent.${alert.sms}`) }),
  ].filter(Boolean);
  return (
    <li>
      <time dateTime={alert.createdAt}>{formatDateTime(alert.createdAt)}</time>{' '}
      <Link to={alert.link}>{alert.text}</Link>
      {sent.length > 0 && <span className="small muted"> – {sent.join(', ')}</span>}
    </li>
  );
}
