// The signed-in user's alerts and what alerts them (src/server/alerts/).
import type { AlertChoice, AlertChoices, AlertList } from '../../contract/alerts.ts';
import { request } from '../api.ts';
import { allOf } from '../exhaustive.ts';

export const alertKindList = allOf<AlertChoice['kind']>()([
  'diversion',
  'worst_status',
  'figure_threshold',
  'approval_waiting',
  'deadline_near',
]);

export const alertsApi = {
  mine: (after = 0) => request<AlertList>('GET', '/api/me/alerts', undefined, { after }),
  choices: () => request<AlertChoices>('GET', '/api/me/alert-choices'),
  saveChoices: (items: AlertChoice[]) =>
    request<AlertChoices>('PUT', '/api/me/alert-choices', { items }),
};

const soundKey = 'lagesbild.alertSound';

/** Whether this browser sounds a tone with an alert: the user's choice, kept on the device. */
export function alertSoundOn(): boolean {
  try {
    return localStorage.getItem(soundKey) === 'on';
  } catch {
    return false;
  }
}

export function setAlertSound(on: boolean): void {
  try {
    localStorage.setItem(soundKey, on ? 'on' : 'off');
  } catch {
    // Storage is off in this browser: the choice lasts for this page only.
  }
}
