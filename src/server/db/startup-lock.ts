import type { Database } from './database.ts';

// Any fixed number shared by every node; it names the lock in pg_locks.
const startupLockKey = 4_712_2024;

/**
 * Runs the start-up work (migrations, first admin, demo) while holding a PostgreSQL advisory
 * lock, so that nodes started at the same moment do it one after the other and the later ones
 * find it done. SQLite has a single node and needs no lock.
 */
export async function underStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (!database.pool) return work();
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [startupLockKey]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [startupLockKey]);
    }
  } finally {
    client.release();
  }
}
