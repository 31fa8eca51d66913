import type { Db } from '../db/schema.ts';
import type { PlaceDirectory } from './aggregation.ts';
import {
  type FigureRow,
  type ObservationRow,
  allObservations,
  listFiguresOfEvent,
  placeDirectory,
} from './repository.ts';

export type { FigureRow, ObservationRow, PlaceDirectory };

/**
 * What the key figures give a report compiled at `to`: each figure with every observation up to
 * then (internal ones too), and the names of the places that report them.
 */
export async function figuresForReport(
  db: Db,
  eventId: number,
  to: string,
): Promise<{
  figures: { figure: FigureRow; observations: ObservationRow[] }[];
  directory: PlaceDirectory;
}> {
  const figures = [];
  for (const figure of await listFiguresOfEvent(db, eventId)) {
    const observations = await allObservations(db, figure.id, { to }, { includeInternal: true });
    figures.push({ figure, observations });
  }
  return { figures, directory: await placeDirectory(db) };
}
