// A key-figure value that passes one of the figure's own thresholds (its yellow or red line)
// compared with the previous value of the same figure at the same place. Values that stay on
// the same side of every threshold raise nothing.
import type { Db } from '../db/schema.ts';
import { findEvent } from '../events/repository.ts';
import {
  type FigureRow,
  type ObservationRow,
  findObservationsByIds,
  listFiguresOfEvent,
  previousObservation,
} from '../figures/repository.ts';
import { facilityNames, unitNames } from '../units/service.ts';
import type { WordingOf } from './wording.ts';

type Thresholds = Pick<FigureRow, 'higher_is_worse' | 'yellow_threshold' | 'red_threshold'>;

interface Line {
  band: 'yellow' | 'red';
  value: number;
}

export interface Crossing {
  direction: 'up' | 'down';
  /** The lines passed, in the order the value passed them. */
  lines: Line[];
}

/** Which of the figure's lines the value passed going from `previous` to `next`, if any. */
export function crossingOf(figure: Thresholds, previous: number, next: number): Crossing | null {
  const lines: Line[] = [];
  if (figure.yellow_threshold !== null) {
    lines.push({ band: 'yellow', value: figure.yellow_threshold });
  }
  if (figure.red_threshold !== null) lines.push({ band: 'red', value: figure.red_threshold });
  const reaches = (value: number, line: Line) =>
    figure.higher_is_worse === 1 ? value >= line.value : value <= line.value;
  const passed = lines.filter((line) => reaches(previous, line) !== reaches(next, line));
  if (passed.length === 0) return null;
  const direction = next > previous ? 'up' : 'down';
  const sign = direction === 'up' ? 1 : -1;
  return { direction, lines: passed.sort((a, b) => sign * (a.value - b.value)) };
}

/** A crossing to alert about: the observation it is raised by, and its words. */
export interface FigureCrossing {
  observationId: number;
  internal: boolean;
  text: string;
}

/** The crossings the newly stored observations make, each against its place's previous value. */
export async function figureCrossings(db: Db, observationIds: number[], wordingOf: WordingOf) {
  const crossings: FigureCrossing[] = [];
  const places = await placeNames(db);
  const figureOf = figuresByDefinition(db);
  for (const observation of await findObservationsByIds(db, observationIds)) {
    const figure = await figureOf(observation);
    const previous = await previousObservation(db, observation);
    if (!figure || !previous) continue;
    const crossing = crossingOf(figure, previous.value, observation.value);
    if (!crossing) continue;
    crossings.push({
      observationId: observation.id,
      internal: figure.internal === 1 || observation.internal === 1 || previous.internal === 1,
      text: (await wordingOf(observation.event_id)).figureCrossed({
        figure: figure.name,
        place: await places(observation),
        direction: crossing.direction,
        unit: figure.unit_of_measure,
        previous: previous.value,
        next: observation.value,
        lines: crossing.lines,
      }),
    });
  }
  return crossings;
}

/** Each event's figures read once for all of its values, however many a batch holds. */
function figuresByDefinition(db: Db) {
  const ofEvent = new Map<number, Promise<Map<number, FigureRow>>>();
  return async (observation: ObservationRow): Promise<FigureRow | undefined> => {
    let figures = ofEvent.get(observation.event_id);
    if (!figures) {
      figures = listFiguresOfEvent(db, observation.event_id).then(
        (rows) => new Map(rows.map((row) => [row.id, row])),
      );
      ofEvent.set(observation.event_id, figures);
    }
    return (await figures).get(observation.definition_id);
  };
}

/** Names a value's place: its facility, its unit, or what the event calls values without one. */
async function placeNames(db: Db) {
  const [units, facilities] = await Promise.all([unitNames(db), facilityNames(db)]);
  const unitless = new Map<number, string>();
  return async (observation: ObservationRow): Promise<string> => {
    if (observation.facility_id !== null) return facilities.get(observation.facility_id) ?? '';
    if (observation.unit_id !== null) return units.get(observation.unit_id) ?? '';
    if (!unitless.has(observation.event_id)) {
      const event = await findEvent(db, observation.event_id);
      unitless.set(observation.event_id, event?.unitless_label ?? '');
    }
    return unitless.get(observation.event_id)!;
  };
}
