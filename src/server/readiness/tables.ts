import type { Generated } from 'kysely';
import { type ReadinessLevel } from '../../contract/readiness.ts';

/**
 * One row per change of readiness level, never updated. `scope` is 'event' or 'unit:<id>'; `version`
 * counts the changes within a scope, so two staff members setting a level at once cannot both win.
 */
export interface ReadinessChangesTable {
  id: Generated<number>;
  event_id: number;
  unit_id: number | null;
  scope: string;
  level: ReadinessLevel;
  reason: string;
  /** The decision behind the change, when one is named. */
  decision_id: number | null;
  changed_by: number | null;
  changed_at: string;
  internal: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: number;
}

export interface ReadinessTables {
  readiness_changes: ReadinessChangesTable;
}
