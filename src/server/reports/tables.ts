import type { Generated } from 'kysely';

export type ReportState = 'draft' | 'in_review' | 'approved' | 'published';
export type ReportKind = 'regular' | 'extra' | 'final';

export interface ReportsTable {
  id: Generated<number>;
  event_id: number;
  number: number;
  /** 1 for the first publication of a number; each correction publishes the next revision. */
  revision: number;
  kind: ReportKind;
  /** The numbering the report continues, and its number within it. */
  series: string;
  series_number: number;
  template_id: number;
  title: string;
  state: ReportState;
  /** The live picture is drawn from this instant on (the previous report's compilation). */
  period_start: string;
  compiled_at: string;
  corrects_report_id: number | null;
  return_comment: string | null;
  approved_by: number | null;
  approved_at: string | null;
  published_by: number | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ReportSectionsTable {
  id: Generated<number>;
  report_id: number;
  key: string;
  parent_key: string | null;
  position: number;
  level: number;
  title: string;
  kind: string;
  internal: number;
  text: string;
  includes_json: string;
  /** The blocks drawn from the live picture, as JSON; refreshed until approval. */
  data_json: string;
  /** The section's block parameters from its template (`sectionParams`), or null for none. */
  params_json: string | null;
  unit_id: number | null;
  refreshed_at: string | null;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ReportContributorsTable {
  report_id: number;
  user_id: number;
}

export interface ReportSnapshotsTable {
  id: Generated<number>;
  report_id: number;
  event_id: number;
  number: number;
  revision: number;
  audience: 'public' | 'internal';
  snapshot_json: string;
  content_hash: string;
  published_at: string;
}

/** A series' next number as the staff set it; without a row the next follows the last used. */
export interface ReportSeriesTable {
  id: Generated<number>;
  event_id: number;
  series: string;
  next_number: number;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ReportsTables {
  report_series: ReportSeriesTable;
  reports: ReportsTable;
  report_sections: ReportSectionsTable;
  report_contributors: ReportContributorsTable;
  report_snapshots: ReportSnapshotsTable;
}
