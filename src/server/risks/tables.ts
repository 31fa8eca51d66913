import type { Generated } from 'kysely';

export interface RisksTable {
  id: Generated<number>;
  event_id: number;
  title: string;
  description: string;
  likelihood: number;
  consequence: number;
  mitigation: string;
  owner: string;
  internal: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

/** Every assessment of a risk, the first included, so that its trend can be shown. */
export interface RiskAssessmentsTable {
  id: Generated<number>;
  risk_id: number;
  likelihood: number;
  consequence: number;
  mitigation: string;
  assessed_by: number | null;
  assessed_at: string;
  comment: string;
}

export interface RisksTables {
  risks: RisksTable;
  risk_assessments: RiskAssessmentsTable;
}
