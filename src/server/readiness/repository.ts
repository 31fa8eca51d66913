import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { ReadinessChangesTable } from './tables.ts';

export type ReadinessChangeRow = Selectable<ReadinessChangesTable> & {
  changed_by_name: string | null;
  /** The linked decision's summary, null when none is linked or the reader may not see it. */
  decision_decided_at: string | null;
  decision_forum: string | null;
  decision_text: string | null;
};

export function scopeOf(unitId: number | null): string {
  return unitId === null ? 'event' : `unit:${unitId}`;
}

function selectChanges(db: Db, eventId: number, includeInternal: boolean) {
  let query = db
    .selectFrom('readiness_changes')
    .leftJoin('users', 'users.id', 'readiness_changes.changed_by')
    .leftJoin('decisions', (join) => {
      const linked = join.onRef('decisions.id', '=', 'readiness_changes.decision_id');
      return includeInternal ? linked : linked.on('decisions.internal', '=', 0);
    })
    .selectAll('readiness_changes')
    .select([
      'users.name as changed_by_name',
      'decisions.decided_at as decision_decided_at',
      'decisions.forum as decision_forum',
      'decisions.text as decision_text',
    ])
    .where('readiness_changes.event_id', '=', eventId);
  if (!includeInternal) query = query.where('readiness_changes.internal', '=', 0);
  return query;
}

/** The latest change of one scope, internal or not: the base of the next change. */
export function findLatestChange(
  db: Db,
  eventId: number,
  unitId: number | null,
  includeInternal = true,
): Promise<ReadinessChangeRow | undefined> {
  return selectChanges(db, eventId, includeInternal)
    .where('readiness_changes.scope', '=', scopeOf(unitId))
    .orderBy('readiness_changes.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest visible change of every unit that has one. */
export async function listLatestUnitChanges(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<Map<number, ReadinessChangeRow>> {
  const rows = await selectChanges(db, eventId, includeInternal)
    .where('readiness_changes.unit_id', 'is not', null)
    .orderBy('readiness_changes.version', 'asc')
    .execute();
  return new Map(rows.map((row) => [row.unit_id!, row]));
}

export function listRecentChanges(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  limit: number,
): Promise<ReadinessChangeRow[]> {
  return selectChanges(db, eventId, includeInternal)
    .orderBy('readiness_changes.changed_at', 'desc')
    .orderBy('readiness_changes.id', 'desc')
    .limit(limit)
    .execute();
}

/** Every visible change of the event and its units, oldest first. */
export function listAllChanges(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<ReadinessChangeRow[]> {
  return selectChanges(db, eventId, includeInternal)
    .orderBy('readiness_changes.changed_at')
    .orderBy('readiness_changes.id')
    .execute();
}

/** Inserts the change unless its scope already has that version; then answers undefined. */
export function insertChange(
  db: Db,
  change: Insertable<ReadinessChangesTable>,
): Promise<Selectable<ReadinessChangesTable> | undefined> {
  return db
    .insertInto('readiness_changes')
    .values(change)
    .onConflict((conflict) => conflict.columns(['event_id', 'scope', 'version']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The level in force at an instant: the newest change of the scope made at or before it. */
export function findChangeAt(
  db: Db,
  eventId: number,
  unitId: number | null,
  at: string,
  includeInternal: boolean,
): Promise<ReadinessChangeRow | undefined> {
  return selectChanges(db, eventId, includeInternal)
    .where('readiness_changes.scope', '=', scopeOf(unitId))
    .where('readiness_changes.changed_at', '<=', new Date(at).toISOString())
    .orderBy('readiness_changes.changed_at', 'desc')
    .orderBy('readiness_changes.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
