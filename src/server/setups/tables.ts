import type { Generated } from 'kysely';

/** The region's library of event set-ups; `setup_json` holds one checked `EventSetup`. */
export interface EventSetupsTable {
  id: Generated<number>;
  name: string;
  description: string;
  setup_json: string;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface SetupsTables {
  event_setups: EventSetupsTable;
}
