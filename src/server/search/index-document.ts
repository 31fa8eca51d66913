import type { Db } from '../db/schema.ts';
import { deleteSearchDocument, upsertSearchDocument } from './repository.ts';

export interface SearchableItem {
  eventId: number;
  /** The capability's item kind, e.g. 'log_entry', 'decision', 'unit_situation'. */
  kind: string;
  entityId: number;
  unitId?: number | null;
  title: string;
  body: string;
  internal: boolean;
  at: string;
}

/**
 * Puts an item into the event's full-text index, or replaces its earlier text. Call it inside the
 * transaction that writes the item, so that the index never disagrees with the data.
 */
export async function indexForSearch(trx: Db, item: SearchableItem): Promise<void> {
  const values = {
    event_id: item.eventId,
    kind: item.kind,
    entity_id: item.entityId,
    unit_id: item.unitId ?? null,
    title: item.title,
    body: item.body,
    internal: item.internal ? 1 : 0,
    at: item.at,
  };
  await upsertSearchDocument(trx, values);
}

/** Takes a deleted item out of the index, in the transaction that deletes it. */
export async function removeFromSearch(trx: Db, kind: string, entityId: number): Promise<void> {
  await deleteSearchDocument(trx, kind, entityId);
}
