import type { Generated } from 'kysely';
import type { AlertKind } from '../../contract/alerts.ts';

/** How a chosen alert also reaches its user outside the page: queued, sent, failed or not wanted. */
export type SendState = 'none' | 'pending' | 'sent' | 'failed';

/** One kind of alert a user chose; in the page always, by e-mail and SMS when ticked. */
export interface AlertChoicesTable {
  user_id: number;
  kind: AlertKind;
  email: number;
  sms: number;
}

/** An alert raised for one user; `subject_key` names what it is about, so it is raised once. */
export interface AlertsTable {
  id: Generated<number>;
  user_id: number;
  event_id: number;
  kind: AlertKind;
  subject_key: string;
  text: string;
  link: string;
  created_at: string;
  email_state: SendState;
  sms_state: SendState;
}

/** The last audit record the alert job has read (one row). */
export interface AlertCursorTable {
  id: number;
  last_record_id: number;
}

export interface AlertsTables {
  alert_choices: AlertChoicesTable;
  alerts: AlertsTable;
  alert_cursor: AlertCursorTable;
}
