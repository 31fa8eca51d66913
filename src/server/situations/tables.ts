import type { Generated } from 'kysely';
import {
  type StatusColor,
  type Prognosis,
  type SituationState,
} from '../../contract/situations.ts';

/** A unit has reported for a period once its situation is submitted or accepted. */
export function isReported(state: SituationState | null): boolean {
  return state === 'submitted' || state === 'accepted';
}

/** What a unit reports for a period; a submitted version copies exactly these columns. */
export interface SituationContent {
  overall_status: StatusColor | null;
  access_to_care_status: StatusColor | null;
  patient_safety_status: StatusColor | null;
  staff_status: StatusColor | null;
  it_programme_status: StatusColor | null;
  communication_status: StatusColor | null;
  prognosis: Prognosis | null;
  bullets: string;
  /** JSON array of { name, value, unit }. */
  key_figures: string;
  internal: number;
  /** JSON object by field key: the answers of the event's own fields, and "uppgift saknas". */
  answers: string;
}

export interface UnitSituationsTable extends SituationContent {
  id: Generated<number>;
  event_id: number;
  unit_id: number;
  period: string;
  period_start: string;
  state: SituationState;
  return_comment: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

/** A full copy of a situation at each submit; never updated or deleted. */
export interface UnitSituationVersionsTable extends SituationContent {
  id: Generated<number>;
  situation_id: number;
  event_id: number;
  unit_id: number;
  period: string;
  number: number;
  situation_version: number;
  submitted_by: number | null;
  submitted_at: string;
}

export interface InputRequestsTable {
  id: Generated<number>;
  event_id: number;
  period: string;
  deadline: string;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface InputRequestUnitsTable {
  request_id: number;
  unit_id: number;
  reminded_at: string | null;
}

export interface SituationsTables {
  unit_situations: UnitSituationsTable;
  unit_situation_versions: UnitSituationVersionsTable;
  input_requests: InputRequestsTable;
  input_request_units: InputRequestUnitsTable;
}
