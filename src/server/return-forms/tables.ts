import type { Generated } from 'kysely';

/** An event's return form once an admin (or a set-up) has replaced the default one. */
export interface ReturnFormsTable {
  id: Generated<number>;
  event_id: number;
  /** JSON array of the fields in order (`ReturnField`, src/contract/return-forms.ts). */
  fields: string;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ReturnFormsTables {
  return_forms: ReturnFormsTable;
}
