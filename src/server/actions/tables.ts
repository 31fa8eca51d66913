import type { Generated } from 'kysely';

export type ActionState = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface ActionsTable {
  id: Generated<number>;
  event_id: number;
  text: string;
  owner_name: string | null;
  owner_unit_id: number | null;
  due_at: string | null;
  state: ActionState;
  decision_id: number | null;
  meeting_id: number | null;
  /** The named owner outside the staff who takes over the action when the event closes. */
  handover_to: string | null;
  internal: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ActionsTables {
  actions: ActionsTable;
}
