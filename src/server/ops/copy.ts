import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { contentHash } from '../reports/snapshot.ts';
import { verifySnapshots } from '../reports/verify.ts';
import {
  type AnyKysely,
  type Row,
  type TableInfo,
  dependencyOrder,
  listTables,
  parentsFirst,
  selfReferences,
} from './tables.ts';

export interface CopyVerification {
  tables: { name: string; source: number; target: number }[];
  snapshots: { checked: number; mismatches: number; differentFromSource: number };
  ok: boolean;
}

const readChunk = 1000;
/** Tables whose rows hold whole files: read a few at a time so memory stays bounded. */
const bulkyTables: Record<string, number> = { files: 10 };
/** PostgreSQL takes at most 65 535 parameters per statement. */
const maxParameters = 30_000;

/**
 * Copies a whole installation into an empty database with the same ids, in one transaction on the
 * target: both are migrated to the latest version first, tables are copied in dependency order,
 * PostgreSQL sequences are moved past the copied ids, and the result is verified by row counts
 * and snapshot hashes.
 */
export async function copyInstallation(
  source: Database,
  target: Database,
  log: (line: string) => void = () => undefined,
): Promise<CopyVerification> {
  const appliedToSource = await migrateToLatest(source);
  if (appliedToSource.length > 0)
    log(`Applied ${appliedToSource.length} pending migration(s) to the source first.`);
  await migrateToLatest(target);
  const sourceTables = await listTables(source);
  const targetTables = new Map((await listTables(target)).map((table) => [table.name, table]));
  for (const table of sourceTables) {
    const other = targetTables.get(table.name);
    if (!other) throw new Error(`The target has no table ${table.name}.`);
    const missing = table.columns.filter((column) => !other.columns.includes(column));
    if (missing.length > 0)
      throw new Error(`The target's ${table.name} lacks column(s) ${missing.join(', ')}.`);
  }
  const targetDb = target.db as unknown as AnyKysely;
  for (const table of targetTables.values()) {
    if ((await countRows(targetDb, table.name)) > 0) {
      throw new Error(
        `The target is not empty (${table.name} has rows); copy only into a new installation.`,
      );
    }
  }

  const sourceDb = source.db as unknown as AnyKysely;
  const ordered = dependencyOrder(sourceTables);
  await targetDb.transaction().execute(async (trx) => {
    for (const table of ordered) {
      const copied = await copyTable(sourceDb, trx, table);
      log(`${table.name}: ${copied} row(s)`);
    }
    if (target.dialect === 'postgres') {
      for (const table of ordered.filter((candidate) => candidate.hasId)) {
        await sql`select setval(pg_get_serial_sequence(${table.name}, 'id'),
            coalesce((select max(id) from ${sql.table(table.name)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  return verifyCopy(source, target);
}

/** Every row of the table in a stable order: by id, or by all its columns when it has none. */
function selectInOrder(source: AnyKysely, table: TableInfo) {
  const columns = table.hasId ? ['id'] : table.columns;
  return columns.reduce(
    (query, column) => query.orderBy(column),
    source.selectFrom(table.name).selectAll(),
  );
}

async function copyTable(source: AnyKysely, target: AnyKysely, table: TableInfo): Promise<number> {
  const perStatement = Math.max(1, Math.floor(maxParameters / table.columns.length));
  let copied = 0;
  let rows: Row[] = [];
  // Self-referencing tables (units, reports) are read whole so parents can go in first.
  if (selfReferences(table).length > 0) {
    rows = parentsFirst(table, (await selectInOrder(source, table).execute()) as Row[]);
    for (let start = 0; start < rows.length; start += perStatement) {
      await target
        .insertInto(table.name)
        .values(rows.slice(start, start + perStatement))
        .execute();
    }
    return rows.length;
  }
  const chunk = bulkyTables[table.name] ?? readChunk;
  for (let offset = 0; ; offset += chunk) {
    rows = (await selectInOrder(source, table).limit(chunk).offset(offset).execute()) as Row[];
    if (rows.length === 0) break;
    for (let start = 0; start < rows.length; start += perStatement) {
      await target
        .insertInto(table.name)
        .values(rows.slice(start, start + perStatement))
        .execute();
    }
    copied += rows.length;
    if (rows.length < chunk) break;
  }
  return copied;
}

async function countRows(db: AnyKysely, table: string): Promise<number> {
  const row = (await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()) as { count: unknown };
  return Number(row.count);
}

/** Row counts per table on both sides, and every snapshot's hash on the target. */
export async function verifyCopy(source: Database, target: Database): Promise<CopyVerification> {
  const sourceDb = source.db as unknown as AnyKysely;
  const targetDb = target.db as unknown as AnyKysely;
  const tables: CopyVerification['tables'] = [];
  for (const table of await listTables(source)) {
    tables.push({
      name: table.name,
      source: await countRows(sourceDb, table.name),
      target: await countRows(targetDb, table.name),
    });
  }
  const verified = await verifySnapshots(target.db);
  const sourceHashes = new Map(
    (
      (await sourceDb.selectFrom('report_snapshots').select(['id', 'content_hash']).execute()) as {
        id: number;
        content_hash: string;
      }[]
    ).map((row) => [row.id, row.content_hash]),
  );
  const targetSnapshots = (await targetDb
    .selectFrom('report_snapshots')
    .select(['id', 'content_hash', 'snapshot_json'])
    .execute()) as { id: number; content_hash: string; snapshot_json: string }[];
  const differentFromSource = targetSnapshots.filter(
    (row) =>
      sourceHashes.get(row.id) !== row.content_hash ||
      contentHash(row.snapshot_json) !== row.content_hash,
  ).length;
  const snapshots = {
    checked: verified.checked,
    mismatches: verified.mismatches.length,
    differentFromSource:
      differentFromSource + Math.max(0, sourceHashes.size - targetSnapshots.length),
  };
  const ok =
    tables.every((table) => table.source === table.target) &&
    snapshots.mismatches === 0 &&
    snapshots.differentFromSource === 0;
  return { tables, snapshots, ok };
}

export function formatVerification(result: CopyVerification): string {
  const width = Math.max(...result.tables.map((table) => table.name.length), 5);
  const lines = [
    `${'table'.padEnd(width)}  ${'source'.padStart(8)}  ${'target'.padStart(8)}`,
    ...result.tables.map(
      (table) =>
        `${table.name.padEnd(width)}  ${String(table.source).padStart(8)}  ${String(table.target).padStart(8)}${table.source === table.target ? '' : '  MISMATCH'}`,
    ),
    `snapshots: ${result.snapshots.checked} checked, ${result.snapshots.mismatches} hash mismatch(es), ${result.snapshots.differentFromSource} different from the source`,
    result.ok ? 'Verified: the copy matches the source.' : 'NOT VERIFIED: see the lines above.',
  ];
  return lines.join('\n');
}
