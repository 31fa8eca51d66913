import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import {
  type AnyKysely,
  type Row,
  type TableInfo,
  dependencyOrder,
  listTables,
  parentsFirst,
  polymorphicReferences,
  referencesOf,
  unclassifiedColumns,
} from './tables.ts';

/**
 * One event with everything in it, as a JSON document (`docs/operations.md` describes it).
 * Version 1: `tables` maps a table name to its rows, each row an object of column → value, with
 * the ids of the installation it came from.
 */
export interface EventFile {
  format: 'lagesbild-event';
  version: 1;
  exportedAt: string;
  event: { id: number; name: string };
  tables: Record<string, Row[]>;
}

export const eventFileFormat = 'lagesbild-event';
export const eventFileVersion = 1;

/** Rows shared between events: matched by their natural key on import, never duplicated. */
const sharedKeys: Record<string, string> = { units: 'code', facilities: 'code', users: 'email' };
/** Never leave the installation: credentials and sign-in state. */
const secretColumns: Record<string, string[]> = { users: ['password_hash'] };
/**
 * Tables that belong to this installation rather than to the event: calendar tokens and webhook
 * secrets are credentials, feed addresses and identity-provider groups mean nothing (or the wrong
 * thing) in another installation, and the audit chain is this installation's (the importing one
 * seals the imported records into its own).
 */
const secretTables = new Set([
  'audit_chain',
  'calendar_tokens',
  'sso_group_mappings',
  'figure_sources',
  'figure_source_runs',
  'webhook_subscriptions',
  'webhook_deliveries',
]);
const chunkSize = 2000;

export class EventFileError extends Error {}

export async function exportEvent(database: Database, eventId: number): Promise<EventFile> {
  const db = database.db as unknown as AnyKysely;
  const tables = await listTables(database);
  const problems = unclassifiedColumns(tables);
  if (problems.length > 0) {
    throw new Error(
      `Columns without a place in src/server/ops/tables.ts: ${problems.join(', ')}. Name what they refer to before exporting.`,
    );
  }
  const event = (await db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', eventId)
    .executeTakeFirst()) as Row | undefined;
  if (!event) throw new EventFileError(`Event ${eventId} does not exist.`);

  const scoped = new Map<string, Row[]>([['events', [event]]]);
  for (const table of dependencyOrder(tables)) {
    if (table.name === 'events' || sharedKeys[table.name] || secretTables.has(table.name)) {
      continue;
    }
    if (table.columns.includes('event_id')) {
      scoped.set(table.name, await selectIn(db, table.name, 'event_id', [eventId]));
      continue;
    }
    // A child of an event's rows (risk assessments, report sections…): reached through its parent.
    const parent = referencesOf(table).find(
      ({ target }) => target !== 'events' && !sharedKeys[target] && scoped.has(target),
    );
    if (!parent) continue;
    const parentIds = scoped.get(parent.target)!.map((row) => row.id);
    scoped.set(table.name, await selectIn(db, table.name, parent.column, parentIds));
  }

  const wanted = new Map<string, Set<unknown>>(
    Object.keys(sharedKeys).map((name) => [name, new Set()]),
  );
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const [name, rows] of scoped) collectShared(byName.get(name)!, rows, wanted);
  const shared: Record<string, Row[]> = {};
  // Facilities bring their units, units their parents: follow until nothing new turns up.
  for (const name of ['users', 'facilities', 'units']) {
    const table = byName.get(name)!;
    const rows = new Map<unknown, Row>();
    for (;;) {
      const missing = [...wanted.get(name)!].filter((id) => !rows.has(id));
      if (missing.length === 0) break;
      const found = await selectIn(db, name, 'id', missing);
      if (found.length === 0) break;
      for (const row of found) rows.set(row.id, withoutSecrets(name, row));
      collectShared(table, found, wanted);
    }
    shared[name] = [...rows.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  return {
    format: eventFileFormat,
    version: eventFileVersion,
    exportedAt: new Date().toISOString(),
    event: { id: eventId, name: String(event.name) },
    tables: { ...shared, ...Object.fromEntries(scoped) },
  };
}

function collectShared(table: TableInfo, rows: Row[], wanted: Map<string, Set<unknown>>): void {
  const columns = referencesOf(table).filter(({ target }) => wanted.has(target));
  for (const row of rows) {
    for (const { column, target } of columns) {
      if (row[column] !== null && row[column] !== undefined) wanted.get(target)!.add(row[column]);
    }
  }
}

function withoutSecrets(table: string, row: Row): Row {
  const copy = { ...row };
  for (const column of secretColumns[table] ?? []) delete copy[column];
  return copy;
}

async function selectIn(
  db: AnyKysely,
  table: string,
  column: string,
  values: unknown[],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < values.length; start += chunkSize) {
    const chunk = values.slice(start, start + chunkSize);
    const found = (await db
      .selectFrom(table)
      .selectAll()
      .where(column, 'in', chunk)
      .execute()) as Row[];
    rows.push(...found);
  }
  const hasId = rows.length > 0 && 'id' in rows[0]!;
  const encoded = rows.map(withBytesEncoded);
  return hasId ? encoded.sort((a, b) => Number(a.id) - Number(b.id)) : encoded;
}

/** Binary cells (a file's bytes) travel in the JSON as `{ "bytes": "<base64>" }`. */
function withBytesEncoded(row: Row): Row {
  const binary = Object.entries(row).filter(([, value]) => value instanceof Uint8Array);
  if (binary.length === 0) return row;
  const encoded = { ...row };
  for (const [column, value] of binary) {
    encoded[column] = { bytes: Buffer.from(value as Uint8Array).toString('base64') };
  }
  return encoded;
}

function decodedBytes(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const { bytes } = value as { bytes?: unknown };
  if (typeof bytes !== 'string')
    throw new EventFileError('A binary cell in the event file is not base64.');
  return Buffer.from(bytes, 'base64');
}

/** Refuses anything that is not an event file this version can read. */
export function parseEventFile(content: unknown): EventFile {
  const file = content as Partial<EventFile> | null;
  if (!file || typeof file !== 'object' || file.format !== eventFileFormat) {
    throw new EventFileError(
      `Not a Lägesbild event file (expected "format": "${eventFileFormat}").`,
    );
  }
  if (file.version !== eventFileVersion) {
    throw new EventFileError(
      `Event file version ${String(file.version)} is not supported; this installation reads version ${eventFileVersion}.`,
    );
  }
  const tables = file.tables;
  if (!tables || typeof tables !== 'object' || !Array.isArray(tables.events)) {
    throw new EventFileError('The event file has no tables.');
  }
  if (tables.events.length !== 1) throw new EventFileError('The event file must hold one event.');
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== 'object')) {
      throw new EventFileError(`Table ${name} in the event file is not a list of rows.`);
    }
  }
  return file as EventFile;
}

export interface ImportResult {
  eventId: number;
  /** Rows inserted per table (shared rows matched to existing ones are not counted). */
  inserted: Record<string, number>;
  /** Units, facilities and users that already existed and were used as they are. */
  matched: Record<string, number>;
}

type IdMaps = Map<string, Map<unknown, unknown>>;

/**
 * Adds the event in the file to this installation under new ids, in one transaction. Units and
 * facilities are matched by code and users by e-mail when they exist; new users get no password
 * and no system-admin right. Published snapshots keep their exact JSON, so their hashes verify.
 */
export async function importEvent(database: Database, content: unknown): Promise<ImportResult> {
  const file = parseEventFile(content);
  const tables = await listTables(database);
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const [name, rows] of Object.entries(file.tables)) {
    const table = byName.get(name);
    if (!table) {
      throw new EventFileError(
        `The event file has table ${name}, which this installation does not know; upgrade it first.`,
      );
    }
    for (const row of rows) {
      const unknown = Object.keys(row).filter((column) => !table.columns.includes(column));
      if (unknown.length > 0) {
        throw new EventFileError(
          `The event file has column(s) ${unknown.join(', ')} in ${name}, which this installation does not know; upgrade it first.`,
        );
      }
    }
  }
  const inFile = tables.filter((table) => file.tables[table.name]);
  const ordered = dependencyOrder(inFile);
  const sharedFirst = [
    ...ordered.filter((table) => sharedKeys[table.name]),
    ...ordered.filter((table) => !sharedKeys[table.name]),
  ];

  const db = database.db as unknown as AnyKysely;
  return db.transaction().execute(async (trx) => {
    const ids: IdMaps = new Map();
    const inserted: Record<string, number> = {};
    const matched: Record<string, number> = {};
    for (const table of sharedFirst) {
      const map = new Map<unknown, unknown>();
      ids.set(table.name, map);
      inserted[table.name] = 0;
      for (const row of parentsFirst(table, file.tables[table.name]!)) {
        const key = sharedKeys[table.name];
        if (key) {
          const existing = await findByKey(trx, table.name, key, row[key]);
          if (existing !== undefined) {
            map.set(row.id, existing);
            matched[table.name] = (matched[table.name] ?? 0) + 1;
            continue;
          }
        }
        const values = await remapRow(trx, table, row, ids);
        if (table.hasId) {
          const result = (await trx
            .insertInto(table.name)
            .values(values)
            .returning('id')
            .executeTakeFirstOrThrow()) as { id: unknown };
          map.set(row.id, result.id);
        } else {
          await trx.insertInto(table.name).values(values).execute();
        }
        inserted[table.name] = (inserted[table.name] ?? 0) + 1;
      }
    }
    const eventId = Number(ids.get('events')!.get(file.tables.events![0]!.id));
    return { eventId, inserted, matched };
  });
}

async function findByKey(
  trx: AnyKysely,
  table: string,
  column: string,
  value: unknown,
): Promise<unknown> {
  if (typeof value !== 'string') return undefined;
  const row = (await trx
    .selectFrom(table)
    .select('id')
    .where(column, '=', value)
    .executeTakeFirst()) as { id: unknown } | undefined;
  return row?.id;
}

async function remapRow(trx: AnyKysely, table: TableInfo, row: Row, ids: IdMaps): Promise<Row> {
  const values: Row = Object.fromEntries(
    Object.entries(row).map(([column, value]) => [column, decodedBytes(value)]),
  );
  if (table.hasId) delete values.id;
  for (const { column, target } of referencesOf(table)) {
    const old = row[column];
    if (old === null || old === undefined) continue;
    const mapped = ids.get(target)?.get(old);
    if (mapped === undefined) {
      throw new EventFileError(
        `${table.name}.${column} points at ${target} ${String(old)}, which the event file does not contain.`,
      );
    }
    values[column] = mapped;
  }
  const polymorphic = polymorphicReferences[table.name];
  if (polymorphic) {
    const target = polymorphic.tables[String(row[polymorphic.typeColumn])];
    const old = row[polymorphic.column];
    const mapped = target ? ids.get(target)?.get(Number(old)) : undefined;
    if (mapped !== undefined)
      values[polymorphic.column] = typeof old === 'string' ? String(mapped) : mapped;
  }
  await rewriteEmbedded(trx, table.name, values, ids);
  return values;
}

/** The JSON columns whose block parameters name units by id: a section's `unitId`, a block's `units`. */
const blockParamColumns: Record<string, string[]> = {
  templates: ['sections_json'],
  report_sections: ['params_json'],
};

function withUnitIdsMapped(json: string, units: Map<unknown, unknown> | undefined): string {
  const mapped = (id: number) => (units?.get(id) as number | undefined) ?? id;
  return JSON.stringify(
    JSON.parse(json, (key, value: unknown) => {
      if (key === 'unitId' && typeof value === 'number') return mapped(value);
      if (key === 'units' && Array.isArray(value) && value.every((id) => typeof id === 'number')) {
        return value.map(mapped);
      }
      return value;
    }),
  );
}

/** Ids that live inside text rather than in a column of their own. */
async function rewriteEmbedded(trx: AnyKysely, table: string, values: Row, ids: IdMaps) {
  const units = ids.get('units');
  if (table === 'users') {
    values.is_admin = 0;
    values.must_change_password = 1;
  }
  if (table === 'readiness_changes' && typeof values.scope === 'string') {
    const unit = /^unit:(\d+)$/.exec(values.scope);
    if (unit) values.scope = `unit:${String(units?.get(Number(unit[1])) ?? unit[1])}`;
  }
  for (const column of blockParamColumns[table] ?? []) {
    if (typeof values[column] === 'string') {
      values[column] = withUnitIdsMapped(values[column], units);
    }
  }
  // Mail still waiting in the exporting installation is its business: never send it twice.
  if (table === 'deliveries' && (values.state === 'pending' || values.state === 'sending')) {
    values.state = 'failed';
    values.last_error = 'Importerad från en annan installation; skickas inte härifrån.';
  }
  if (table === 'subscriptions' && typeof values.token === 'string') {
    const taken = await trx
      .selectFrom('subscriptions')
      .select('id')
      .where('token', '=', values.token)
      .executeTakeFirst();
    if (taken) values.token = randomBytes(24).toString('base64url');
  }
}

/** Rows per table of one event in this installation, for comparing an import with its file. */
export async function countEventRows(
  database: Database,
  eventId: number,
): Promise<Record<string, number>> {
  const file = await exportEvent(database, eventId);
  return Object.fromEntries(Object.entries(file.tables).map(([name, rows]) => [name, rows.length]));
}
