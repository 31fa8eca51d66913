import type { Generated } from 'kysely';

export type UnitKind =
  | 'hospital'
  | 'primary_care'
  | 'municipality'
  | 'support'
  | 'group'
  | 'region'
  | 'nation'
  | 'organisation'
  | 'other';

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: Generated<string>;
  kind: UnitKind;
  parent_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface FacilitiesTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  kind: 'emergency_department' | 'ward' | 'other';
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UnitsTables {
  units: UnitsTable;
  facilities: FacilitiesTable;
}
