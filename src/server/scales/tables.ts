import type { Generated } from 'kysely';
import type { ScaleKind } from '../../contract/scales.ts';

/** One row per event and kind; `version` guards saving the scale's levels. */
export interface EventScalesTable {
  id: Generated<number>;
  event_id: number;
  kind: ScaleKind;
  version: number;
  updated_by: number | null;
  updated_at: string;
}

/**
 * The levels of a scale. `key` is what returns store and never changes; `position` orders the
 * active levels; a retired level (`retired` 1) stays to show old answers.
 */
export interface ScaleLevelsTable {
  id: Generated<number>;
  scale_id: number;
  key: string;
  name: string;
  name_en: string;
  colour: string;
  meaning: string;
  symbol: string;
  position: number;
  retired: number;
}

export interface ScalesTables {
  event_scales: EventScalesTable;
  scale_levels: ScaleLevelsTable;
}
