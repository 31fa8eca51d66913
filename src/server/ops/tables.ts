import { type Kysely, sql } from 'kysely';
import { releaseTable } from '../db/schema-release.ts';
import type { Database } from '../db/database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;
export type Row = Record<string, unknown>;

/**
 * What each column that holds the id of another row points at. Export, import and copy read the
 * tables generically (Kysely introspection), so a new capability's tables are covered as soon as
 * its reference columns are named here; `unclassifiedColumns` (and its test) finds those that
 * are not.
 */
const referencesByColumn: Record<string, string> = {
  event_id: 'events',
  unit_id: 'units',
  owner_unit_id: 'units',
  parent_unit_id: 'units',
  facility_id: 'facilities',
  decision_id: 'decisions',
  meeting_id: 'meetings',
  forum_id: 'forums',
  milestone_id: 'milestones',
  scale_id: 'event_scales',
  diversion_id: 'diversions',
  report_id: 'reports',
  corrects_report_id: 'reports',
  snapshot_id: 'report_snapshots',
  list_id: 'distribution_lists',
  template_id: 'templates',
  definition_id: 'figure_definitions',
  risk_id: 'risks',
  situation_id: 'unit_situations',
  request_id: 'input_requests',
  user_id: 'users',
  api_token_id: 'api_tokens',
  actor_user_id: 'users',
  created_by: 'users',
  updated_by: 'users',
  approved_by: 'users',
  published_by: 'users',
  submitted_by: 'users',
  reviewed_by: 'users',
  struck_by: 'users',
  changed_by: 'users',
  assessed_by: 'users',
  entered_by: 'users',
};

/** Columns whose meaning differs by table: `null` says "not a reference to a row". */
const referencesByTableColumn: Record<string, Record<string, string | null>> = {
  units: { parent_id: 'units' },
  // The HTTP request id of the write, not an input request.
  audit_records: { request_id: null, entity_id: null },
  audit_chain: { record_id: 'audit_records' },
  search_documents: { entity_id: null },
  figure_source_runs: { source_id: 'figure_sources' },
  webhook_subscriptions: { last_audit_id: 'audit_records' },
  alert_cursor: { last_record_id: 'audit_records' },
  alerts: { subject_key: null },
  // Named by owner_kind: see polymorphicReferences.
  files: { owner_id: null },
  // The authenticator's own id of a security key, not a row.
  webauthn_credentials: { credential_id: null },
  webhook_deliveries: {
    subscription_id: 'webhook_subscriptions',
    audit_record_id: 'audit_records',
  },
};

/**
 * Columns that name their target in a sibling column (audit records and the search index): the
 * id in `column` belongs to the table that `typeColumn`'s value maps to. Ids of other kinds are
 * kept as they are.
 */
export const polymorphicReferences: Record<
  string,
  { column: string; typeColumn: string; tables: Record<string, string> }
> = {
  audit_records: {
    column: 'entity_id',
    typeColumn: 'entity_type',
    tables: {
      action: 'actions',
      calendar_token: 'calendar_tokens',
      communication_activity: 'communication_activities',
      decision: 'decisions',
      delivery: 'deliveries',
      distribution_list: 'distribution_lists',
      diversion: 'diversions',
      event: 'events',
      facility: 'facilities',
      figure: 'figure_definitions',
      file: 'files',
      figure_observation: 'figure_observations',
      forum: 'forums',
      grant: 'grants',
      input_request: 'input_requests',
      log_entry: 'log_entries',
      media_picture: 'media_pictures',
      meeting: 'meetings',
      milestone: 'milestones',
      readiness_change: 'readiness_changes',
      report: 'reports',
      report_section: 'report_sections',
      report_series: 'report_series',
      risk: 'risks',
      scale: 'event_scales',
      spokesperson: 'spokespersons',
      sso_identity: 'sso_identities',
      sso_mapping: 'sso_group_mappings',
      subscription: 'subscriptions',
      template: 'templates',
      unit: 'units',
      unit_situation: 'unit_situations',
      user: 'users',
    },
  },
  search_documents: {
    column: 'entity_id',
    typeColumn: 'kind',
    tables: {
      action: 'actions',
      communication_activity: 'communication_activities',
      decision: 'decisions',
      event: 'events',
      lesson: 'lessons',
      log_entry: 'log_entries',
      meeting: 'meetings',
      report: 'reports',
      unit_situation: 'unit_situations',
    },
  },
  files: {
    column: 'owner_id',
    typeColumn: 'owner_kind',
    tables: {
      decision: 'decisions',
      log_entry: 'log_entries',
      unit_situation: 'unit_situations',
    },
  },
};

/** The table a column points at, null when it is not a reference, undefined when unknown. */
export function referenceOf(table: string, column: string): string | null | undefined {
  const specific = referencesByTableColumn[table];
  if (specific && column in specific) return specific[column];
  if (column in referencesByColumn) return referencesByColumn[column];
  return looksLikeReference(column) ? undefined : null;
}

function looksLikeReference(column: string): boolean {
  return column.endsWith('_id') || column.endsWith('_by');
}

export interface TableInfo {
  name: string;
  columns: string[];
  hasId: boolean;
}

/** Kept by triggers from other tables' rows: inserting those rows writes these again. */
const derivedTables = new Set(['event_change_counts']);

/**
 * The application's tables (not Kysely's migration tables nor the recorded release, not SQLite's
 * full-text shadow tables, not the tables triggers derive from others).
 */
export async function listTables(database: Database): Promise<TableInfo[]> {
  const db = database.db as unknown as AnyKysely;
  const found = database.dialect === 'postgres' ? await postgresTables(db) : await sqliteTables(db);
  return found
    .filter((table) => !table.name.startsWith('kysely_') && !table.name.startsWith('sqlite_'))
    .filter((table) => !derivedTables.has(table.name) && table.name !== releaseTable)
    .map(({ name, columns }) => ({ name, columns, hasId: columns.includes('id') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Kysely's introspection, without views and without FTS5's virtual and shadow tables. */
async function sqliteTables(db: AnyKysely): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await sql<{
    name: string;
    type: string;
  }>`select name, type from pragma_table_list where schema = 'main'`.execute(db);
  const ordinary = new Set(rows.filter((row) => row.type === 'table').map((row) => row.name));
  const tables = await db.introspection.getTables();
  return tables
    .filter((table) => !table.isView && ordinary.has(table.name))
    .map((table) => ({ name: table.name, columns: table.columns.map((column) => column.name) }));
}

/**
 * The tables of the schema on the search path. Kysely's introspection reads every schema of the
 * database and fails when another schema is dropped meanwhile, so this asks for one schema only.
 */
async function postgresTables(db: AnyKysely): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push(row.column_name);
    tables.set(row.table_name, columns);
  }
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/** Reference columns nobody has classified yet: export refuses to run while there are any. */
export function unclassifiedColumns(tables: TableInfo[]): string[] {
  const names = new Set(tables.map((table) => table.name));
  const problems: string[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      const target = referenceOf(table.name, column);
      if (target === undefined) problems.push(`${table.name}.${column}`);
      else if (target !== null && !names.has(target))
        problems.push(`${table.name}.${column} → ${target} (no such table)`);
    }
  }
  return problems;
}

/** The reference columns of a table, with their targets. */
export function referencesOf(table: TableInfo): { column: string; target: string }[] {
  return table.columns.flatMap((column) => {
    const target = referenceOf(table.name, column);
    return target ? [{ column, target }] : [];
  });
}

/**
 * Tables in an order where every table comes after the tables it references (self references
 * aside); tables with polymorphic references come last, after everything they can point at.
 */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`Reference cycle through ${table.name}`);
    visiting.add(table.name);
    for (const { target } of referencesOf(table)) {
      const dependency = byName.get(target);
      if (dependency && dependency.name !== table.name) visit(dependency);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  const plain = tables.filter((table) => !polymorphicReferences[table.name]);
  // A polymorphic table that others' polymorphic ids point at (files, named in the audit) first.
  const polymorphic = tables
    .filter((table) => polymorphicReferences[table.name])
    .sort((a, b) => Number(isPolymorphicTarget(b)) - Number(isPolymorphicTarget(a)));
  for (const table of plain) visit(table);
  for (const table of polymorphic) visit(table);
  return ordered;
}

function isPolymorphicTarget(table: TableInfo): boolean {
  return Object.values(polymorphicReferences).some((reference) =>
    Object.values(reference.tables).includes(table.name),
  );
}

/** Rows of a self-referencing table ordered so that each row comes after the row it points at. */
export function parentsFirst(table: TableInfo, rows: Row[]): Row[] {
  const selfColumns = selfReferences(table);
  if (selfColumns.length === 0 || !table.hasId) return rows;
  const pending = [...rows].sort((a, b) => Number(a.id) - Number(b.id));
  const present = new Set(pending.map((row) => row.id));
  const placed = new Set<unknown>();
  const ordered: Row[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((row) =>
      selfColumns.every(
        (column) => row[column] === null || !present.has(row[column]) || placed.has(row[column]),
      ),
    );
    if (index < 0) throw new Error(`Reference cycle among the rows of ${table.name}`);
    const [row] = pending.splice(index, 1);
    placed.add(row!.id);
    ordered.push(row!);
  }
  return ordered;
}

/** The columns of a table that point at rows of the same table (a unit's parent, a correction). */
export function selfReferences(table: TableInfo): string[] {
  return referencesOf(table)
    .filter(({ target }) => target === table.name)
    .map(({ column }) => column);
}
