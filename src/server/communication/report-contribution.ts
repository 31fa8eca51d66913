import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import {
  type ActivityRow,
  type MediaPictureRow,
  type SpokespersonRow,
  listActivities,
  listMediaPictures,
  listSpokespersons,
} from './repository.ts';

export type { ActivityRow, MediaPictureRow, SpokespersonRow };

/**
 * What the communication gives a report (internal items too), newest first except the
 * spokespersons, each read page after page so that nothing is left out.
 */
export function communicationForReport(db: Db, eventId: number) {
  return {
    /** The activities on the local dates from `fromDate` to `toDate`. */
    activities: (dates: { fromDate: string; toDate: string }): Promise<ActivityRow[]> =>
      fetchAllPages((page) =>
        listActivities(
          db,
          eventId,
          { includeInternal: true, ...dates },
          { ...page, order: 'desc' },
        ),
      ),
    mediaPictures: (): Promise<MediaPictureRow[]> =>
      fetchAllPages((page) =>
        listMediaPictures(db, eventId, { includeInternal: true }, { ...page, order: 'desc' }),
      ),
    /** The spokespersons active on a local date. */
    spokespersons: (activeOn: string): Promise<SpokespersonRow[]> =>
      fetchAllPages((page) =>
        listSpokespersons(
          db,
          eventId,
          { includeInternal: true, activeOn },
          { ...page, order: 'asc' },
        ),
      ),
  };
}
