/** Whether a write failed on a unique index or key, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Whether a write lost a race the database decided: a unique key or primary key taken by a
 * concurrent write, or (PostgreSQL) an exclusion constraint.
 */
export function isConflictingWrite(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return isUniqueViolation(error) || code === '23P01' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
