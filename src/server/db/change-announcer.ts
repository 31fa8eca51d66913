import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';

/**
 * Every committed change leaves an audit record; an insert into the audit trail is what makes a
 * transaction worth announcing to the other nodes' change feeds.
 */
const writesAuditRecord = (query: CompiledQuery) =>
  /^insert into "?audit_records"?\s/i.test(query.sql);

/**
 * Announces on a PostgreSQL channel, one NOTIFY at a time: announcements made while one is on its
 * way are folded into a single one sent after it, so a burst of commits costs two notifications.
 * The NOTIFY is its own transaction with asynchronous commit: a notification lost in a crash
 * delays a change by one poll of the feed, and no write waits for it.
 */
export function coalescingNotifier(pool: pg.Pool, channel: string): () => void {
  const notify = `BEGIN; SET LOCAL synchronous_commit TO off; NOTIFY ${channel}; COMMIT`;
  let sending = false;
  let again = false;
  const send = async () => {
    do {
      again = false;
      // The pool may be closing or the server away: the feeds' polling covers a lost wake-up.
      await pool.query(notify).catch(() => undefined);
    } while (again);
    sending = false;
  };
  return () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    void send();
  };
}

/**
 * A PostgreSQL dialect that calls `announce` after every commit that wrote an audit record, and
 * after every audit record written outside a transaction.
 *
 * A NOTIFY sent inside the writing transaction (as an audit trigger once did) makes PostgreSQL
 * hold its notification lock from before that commit until its WAL flush, so no two such commits
 * share a flush: every write waited for every other's disk sync. Announcing after the commit lets
 * concurrent commits be flushed together.
 */
export class AnnouncingPostgresDialect extends PostgresDialect {
  constructor(
    private readonly dialectConfig: PostgresDialectConfig,
    private readonly announce: () => void,
  ) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new AnnouncingDriver(new PostgresDriver(this.dialectConfig), this.announce);
  }
}

class AnnouncingConnection implements DatabaseConnection {
  inTransaction = false;
  wroteAuditRecord = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly announce: () => void,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    if (writesAuditRecord(query)) {
      if (this.inTransaction) this.wroteAuditRecord = true;
      else this.announce();
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  endTransaction(): boolean {
    const wrote = this.wroteAuditRecord;
    this.inTransaction = false;
    this.wroteAuditRecord = false;
    return wrote;
  }
}

const innerOf = (connection: DatabaseConnection) => (connection as AnnouncingConnection).inner;

class AnnouncingDriver implements Driver {
  constructor(
    private readonly inner: Required<Driver>,
    private readonly announce: () => void,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new AnnouncingConnection(await this.inner.acquireConnection(), this.announce);
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    await this.inner.beginTransaction(innerOf(connection), settings);
    (connection as AnnouncingConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const announcing = connection as AnnouncingConnection;
    try {
      await this.inner.commitTransaction(announcing.inner);
    } catch (error) {
      announcing.endTransaction();
      throw error;
    }
    if (announcing.endTransaction()) this.announce();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as AnnouncingConnection).endTransaction();
    await this.inner.rollbackTransaction(innerOf(connection));
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.savepoint(innerOf(connection), name, compileQuery);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.rollbackToSavepoint(innerOf(connection), name, compileQuery);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.releaseSavepoint(innerOf(connection), name, compileQuery);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
