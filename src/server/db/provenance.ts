import type { Provenance } from '../../contract/common.ts';

/** The columns every record of the staff carries about who wrote it and when. */
export interface ProvenanceColumns {
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
}

export function presentProvenance(row: ProvenanceColumns): Provenance {
  return {
    createdBy: row.created_by,
    createdAt: row.created_at,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
