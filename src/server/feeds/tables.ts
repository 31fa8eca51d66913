import type { Generated } from 'kysely';

/** A CSV or JSON address the server fetches on a schedule and imports as key-figure observations. */
export interface FigureSourcesTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  url: string;
  format: 'csv' | 'json';
  interval_minutes: number;
  enabled: number;
  next_run_at: string;
  last_run_at: string | null;
  last_result: 'ok' | 'failed' | null;
  last_message: string | null;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface FigureSourceRunsTable {
  id: Generated<number>;
  source_id: number;
  event_id: number;
  started_at: string;
  finished_at: string;
  ok: number;
  rows: number;
  message: string;
  /** The rows the import refused, as JSON: [{ row, column, message }]. */
  errors_json: string | null;
}

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  url: string;
  /** Needed in clear to sign each delivery; shown to the admin only when created. */
  secret: string;
  /** Space-separated webhook event types. */
  event_types: string;
  active: number;
  /** The newest audit record already turned into deliveries (or skipped) for this subscription. */
  last_audit_id: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  event_id: number;
  audit_record_id: number;
  event_type: string;
  payload: string;
  state: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface FeedsTables {
  figure_sources: FigureSourcesTable;
  figure_source_runs: FigureSourceRunsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
