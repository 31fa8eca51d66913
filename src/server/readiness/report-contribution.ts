import type { Db } from '../db/schema.ts';
import { eventUnitsInOrder } from '../event-units/service.ts';
import { type ReadinessChangeRow, listAllChanges } from './repository.ts';

export type { ReadinessChangeRow };

/** One line of the readiness block: the event (unitId null) or one of its units. */
export interface ReadinessScope {
  unitId: number | null;
  /** The unit's name; null for the event itself. */
  name: string | null;
  /** The change in force when the report was compiled, seen by the internal audience. */
  internal: ReadinessChangeRow | undefined;
  /** The same for the public audience, which does not see internal changes. */
  public: ReadinessChangeRow | undefined;
}

/**
 * What the readiness levels give a report compiled at `at`: the level in force then for the
 * event and for each of its units in the event's order, for each audience (undefined: never set).
 */
export async function readinessForReport(
  db: Db,
  eventId: number,
  at: string,
): Promise<ReadinessScope[]> {
  const newestFirst = (await listAllChanges(db, eventId, true))
    .filter((change) => change.changed_at <= at)
    .reverse();
  const inForce = (unitId: number | null, includeInternal: boolean) =>
    newestFirst.find(
      (change) => change.unit_id === unitId && (includeInternal || change.internal === 0),
    );
  const scope = (unitId: number | null, name: string | null): ReadinessScope => ({
    unitId,
    name,
    internal: inForce(unitId, true),
    public: inForce(unitId, false),
  });
  const units = await eventUnitsInOrder(db, eventId);
  return [scope(null, null), ...units.map((unit) => scope(unit.unitId, unit.name))];
}
