import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import pgpass from 'pgpass';
import { AnnouncingPostgresDialect, coalescingNotifier } from './change-announcer.ts';
import { type ConnectionLog, changeChannel, listenForNotifications } from './notifications.ts';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** The PostgreSQL schema that holds every table, when not the default. */
  schema?: string;
  /** The raw SQLite handle, for online backup; absent on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  /** The PostgreSQL connection pool, for its usage metrics; absent on SQLite. */
  pool?: pg.Pool;
  /**
   * Calls `onWake` whenever a change is committed on any node (each node announces its own commits
   * of audit records, src/server/db/change-announcer.ts), and after reconnecting; absent on
   * SQLite, where one process writes and readers poll. Returns a function that stops listening.
   */
  listenForChanges?(onWake: () => void): () => Promise<void>;
  close(): Promise<void>;
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Timestamps travel as ISO-8601 UTC strings on both engines, so domain code never sees two shapes.
pg.types.setTypeParser(TIMESTAMPTZ_OID, (value) => new Date(value).toISOString());
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));

export interface DatabaseOptions {
  /** PostgreSQL: the most connections the pool opens; SQLite has one connection. */
  poolMax?: number;
  /** PostgreSQL: told when the live-update connection is lost and restored. */
  log?: ConnectionLog;
}

const defaultPoolMax = 20;

export function openDatabase(url: string, options: DatabaseOptions = {}): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  return openPostgres(url, options.poolMax ?? defaultPoolMax, options.log);
}

function openSqlite(filePath: string): Database {
  if (filePath !== ':memory:') createPrivately(filePath);
  const sqlite = new SqliteDatabase(filePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/** Database files and their backups hold password and session hashes: owner only. */
export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/**
 * A new database file is readable by its owner only, in a folder only its owner can enter; SQLite
 * gives the -wal and -shm files the same mode.
 */
function createPrivately(filePath: string): void {
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true, mode: privateFolderMode });
  fs.closeSync(fs.openSync(filePath, 'a', privateFileMode));
}

const statementCacheSize = 500;

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, and preparing is a
 * large part of a simple query's cost. Least recently used statements leave the cache first.
 */
function cachingStatements(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** A `schema` query parameter puts every table in that PostgreSQL schema (one per test file). */
function openPostgres(url: string, poolMax: number, log?: ConnectionLog): Database {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const fromUrl = parseIntoClientConfig(parsed.toString());
  const connection: pg.ClientConfig = {
    ...fromUrl,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // pg takes undefined as "no password", as from its own lookup; its types do not say so.
    ...(!fromUrl.password &&
      !process.env.PGPASSWORD && { password: fromPgpassFile as () => Promise<string> }),
  };
  const pool = new pg.Pool({ ...connection, max: poolMax });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it on the next checkout.
  });
  const announce = coalescingNotifier(pool, changeChannel);
  const db = new Kysely<Schema>({ dialect: new AnnouncingPostgresDialect({ pool }, announce) });
  return {
    db,
    dialect: 'postgres',
    ...(schema && { schema }),
    pool,
    listenForChanges: (onWake) => listenForNotifications(connection, changeChannel, onWake, log),
    close: () => db.destroy(),
  };
}

/**
 * The password for a URL without one, from PGPASSFILE or ~/.pgpass as psql and pg_dump find it.
 * pg's own lookup does the same but writes a deprecation warning into the output (pg 8.23).
 */
function fromPgpassFile(this: void, parameters?: unknown): Promise<string | undefined> {
  return new Promise((resolve) => pgpass(parameters as Parameters<typeof pgpass>[0], resolve));
}

export function describeDatabaseUrl(url: string): string {
  if (url.startsWith('sqlite:')) return `SQLite ${path.resolve(url.slice('sqlite:'.length))}`;
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
