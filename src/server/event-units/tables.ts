/** One unit's place in one event: its parent within the event (null at the top) and position. */
export interface EventUnitsTable {
  event_id: number;
  unit_id: number;
  parent_unit_id: number | null;
  position: number;
}

export interface EventUnitsTables {
  event_units: EventUnitsTable;
}
