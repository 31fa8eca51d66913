import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { privateFileMode } from '../db/database.ts';

export interface SqliteCopy {
  bytes: number;
  milliseconds: number;
}

export interface SqliteCopyOptions {
  /** Runs after the copy is complete and before it takes the target's name. */
  beforeRename?: () => void;
}

/**
 * Copies the database behind `source` to `target` with `VACUUM INTO`: one read transaction, so
 * writers on other connections neither wait for it nor make it start over (the online backup API
 * restarts at every such write). The copy is written beside the target under a temporary name,
 * readable by its owner only, and renamed only once it is complete.
 */
export function copySqliteDatabase(
  source: SqliteDatabase.Database,
  target: string,
  options: SqliteCopyOptions = {},
): SqliteCopy {
  const began = performance.now();
  const resolved = path.resolve(target);
  const temporary = path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${randomBytes(4).toString('hex')}.partial`,
  );
  fs.closeSync(fs.openSync(temporary, 'wx', privateFileMode));
  try {
    source.prepare('VACUUM INTO ?').run(temporary);
    options.beforeRename?.();
    fs.renameSync(temporary, resolved);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return { bytes: fs.statSync(resolved).size, milliseconds: performance.now() - began };
}

/** A size in megabytes with one decimal, for progress and summary lines. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
