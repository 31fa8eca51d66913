import type { Db } from '../db/schema.ts';

/**
 * The names of many users in one query, by id (e.g. every author shown in a report). Ids that
 * name no user are left out of the map.
 */
export async function userNamesByIds(
  db: Db,
  ids: Iterable<number | null>,
): Promise<Map<number, string>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
