// Shows the signed-in user's new alerts on every page: announced to screen readers, in words
// and an icon (never colour alone), with a tone when the user chose one, and as a browser
// notification when the tab is in the background.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Alert } from '../../../contract/alerts.ts';
import { alertSoundOn, alertsApi } from '../../clients/alerts.ts';

const pollMs = 5000;

export function AlertWatcher() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Alert[]>([]);
  const newest = useRef<number | null>(null);

  useEffect(() => {
    let stopped = false;
    const check = async () => {
      try {
        const { items } = await alertsApi.mine(newest.current ?? 0);
        if (stopped || items.length === 0) return;
        const first = newest.current === null;
        newest.current = Math.max(...items.map((alert) => alert.id));
        // What was there before the page opened is history: it is on the alerts page.
        if (first) return;
        setShown((current) => [...items, ...current].slice(0, 5));
        for (const alert of items) announce(alert, t('alerts.newAlert', { text: alert.text }));
      } catch {
        // Signed out or offline: the next tick tries again.
      } finally {
        if (newest.current === null && !stopped) newest.current = 0;
      }
    };
    void check();
    const timer = setInterval(() => void check(), pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [t]);

  return (
    <div className="alert-banner-area" role="status" aria-live="assertive">
      {shown.map((alert) => (
        <div key={alert.id} className="alert-banner">
          <span aria-hidden="true" className="alert-banner__icon">
            ⚠
          </span>{' '}
          <strong>{t('alerts.newAlert', { text: alert.text })}</strong>{' '}
          <Link to={alert.link} onClick={() => setShown(without(alert))}>
            {t('alerts.open')}
          </Link>{' '}
          <button type="button" className="link-button" onClick={() => setShown(without(alert))}>
            {t('alerts.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

/** The banners left when one alert is opened or closed. */
function without(alert: Alert) {
  return (current: Alert[]) => current.filter((other) => other.id !== alert.id);
}

function announce(alert: Alert, text: string): void {
  if (alertSoundOn()) playTone();
  if (document.hidden && typeof Notification !== 'undefined') {
    if (Notification.permission === 'granted') new Notification(text, { tag: `alert-${alert.id}` });
  }
}

function playTone(): void {
  try {
    const audio = new AudioContext();
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = 880;
    oscillator.connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
    oscillator.onended = () => void audio.close();
  } catch {
    // No audio in this browser: the alert still shows and is announced.
  }
}
