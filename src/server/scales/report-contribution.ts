import type { LevelMark } from '../../core/report-snapshot.ts';
import type { Db } from '../db/schema.ts';
import type { ScaleKind } from '../../contract/scales.ts';
import { scaleLevels } from './service.ts';

/** A key's level as the report shows it; a key no longer on the scale shows as itself. */
export type LevelOf = (key: string) => LevelMark;

const unknownColour = '#ffffff';

/** What the scales give a report: each kind's levels by key, retired ones included. */
export async function scalesForReport(
  db: Db,
  eventId: number,
): Promise<Record<ScaleKind, LevelOf>> {
  const levelOf = async (kind: ScaleKind): Promise<LevelOf> => {
    const byKey = new Map(
      (await scaleLevels(db, eventId, kind)).map((level) => [
        level.key,
        { name: level.name, colour: level.colour, symbol: level.symbol },
      ]),
    );
    return (key) => byKey.get(key) ?? { name: key, colour: unknownColour, symbol: '?' };
  };
  return { status: await levelOf('status'), prognosis: await levelOf('prognosis') };
}
