import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations are written once for both engines; these helpers hide the few type differences.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function withId<T extends string>(
  db: AnyDb,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** ISO-8601 UTC text on SQLite, timestamptz on PostgreSQL; both read back as ISO strings. */
export function timestampType(db: AnyDb) {
  return isPostgres(db) ? sql`timestamptz` : sql`text`;
}

/**
 * Rejects UPDATE and DELETE on a table at the database level, so that records meant to be
 * permanent (audit trail, published snapshots) cannot be rewritten by any code path.
 */
export async function makeAppendOnly(db: AnyDb, table: string, message: string): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${message}'; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
      )
      .execute(db);
    return;
  }
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table}
         BEGIN SELECT RAISE(ABORT, '${message}'); END`,
      )
      .execute(db);
  }
}

/**
 * Closes the ways around `makeAppendOnly` that a trigger can stop: on SQLite an INSERT OR REPLACE
 * (or REPLACE) deletes the row it collides with without firing DELETE triggers, so an insert that
 * collides on any of `uniqueKeys` is refused first; on PostgreSQL TRUNCATE skips row triggers and
 * gets a statement trigger of its own. DROP TRIGGER, ALTER TABLE … DISABLE TRIGGER and editing the
 * file are beyond any trigger: the hash checks in `lagesbild verify` find what they changed.
 */
export async function refuseReplaceAndTruncate(
  db: AnyDb,
  options: { table: string; message: string; uniqueKeys: string[][] },
): Promise<void> {
  const { table, message, uniqueKeys } = options;
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
      )
      .execute(db);
    return;
  }
  const collides = uniqueKeys
    .map((key) => `(${key.map((column) => `${column} = NEW.${column}`).join(' AND ')})`)
    .join(' OR ');
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
       WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${collides})
       BEGIN SELECT RAISE(ABORT, '${message}'); END`,
    )
    .execute(db);
}

/** On PostgreSQL: a function run after each row inserted into `table` that meets `when`. */
export async function createPostgresInsertTrigger(
  db: AnyDb,
  options: { name: string; table: string; when: string; body: string },
): Promise<void> {
  const { name, table, when, body } = options;
  await sql
    .raw(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN ${body}; RETURN NULL; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${name} AFTER INSERT ON ${table}
       FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`,
    )
    .execute(db);
}
