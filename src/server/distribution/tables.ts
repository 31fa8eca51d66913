import type { Generated } from 'kysely';

export interface DistributionListsTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  audience: 'public' | 'internal';
  recipients_json: string;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  email: string;
  token: string;
  created_at: string;
}

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed';

/** The outbox: one row per recipient of a published report, written in the publishing transaction. */
export interface DeliveriesTable {
  id: Generated<number>;
  event_id: number;
  report_id: number;
  snapshot_id: number;
  list_id: number | null;
  email: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface DistributionTables {
  distribution_lists: DistributionListsTable;
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
}
