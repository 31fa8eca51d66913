import type { Generated } from 'kysely';

export interface TemplatesTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  kind: 'weekly' | 'closing' | 'custom';
  sections_json: string;
  /** The template's ReportIdentity as JSON; null means the default identity. */
  identity_json: string | null;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface TemplatesTables {
  templates: TemplatesTable;
}
