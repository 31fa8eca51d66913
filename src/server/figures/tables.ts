import type { Generated } from 'kysely';

export interface FigureDefinitionsTable {
  id: Generated<number>;
  event_id: number;
  key: string;
  name: string;
  unit_of_measure: string;
  higher_is_worse: number;
  yellow_threshold: number | null;
  red_threshold: number | null;
  internal: number;
  /** What the figure means to the exchange formats (figureExchangeMeanings), if anything. */
  exchange_meaning: string | null;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

/** Observations are never edited; a correction is a new observation. */
export interface FigureObservationsTable {
  id: Generated<number>;
  event_id: number;
  definition_id: number;
  value: number;
  observed_at: string;
  unit_id: number | null;
  facility_id: number | null;
  source: string;
  internal: number;
  entered_by: number | null;
  created_at: string;
  version: Generated<number>;
  /** The pushing system's own key for the observation; unique within the event. */
  client_key: string | null;
}

export interface FiguresTables {
  figure_definitions: FigureDefinitionsTable;
  figure_observations: FigureObservationsTable;
}
