import type { SelectQueryBuilder, Selectable, UpdateObject } from 'kysely';
import type { Db, Schema } from './schema.ts';
import type { Page } from '../../contract/list.ts';

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Rows<Row> {
  rows: Row[];
  total: number;
}

/**
 * One page of a filtered query and the number of rows the filter matches. `ordered` adds the
 * columns and the order to the filtered query; the count reads the filter alone.
 */
export async function fetchPage<DB, TB extends keyof DB, Row>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  ordered: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
  page: PageRequest,
): Promise<Rows<Row>> {
  const [rows, count] = await Promise.all([
    ordered(filtered).limit(page.limit).offset(page.offset).execute(),
    filtered
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number((count as { total: number | string }).total) };
}

/** A page of a list in the order the reader asked for. */
export interface OrderedPageRequest extends PageRequest {
  order: 'asc' | 'desc';
}

/**
 * A list endpoint's answer: the page of rows its query asks for, in its order, presented, with
 * how many rows there are in all and the page's bounds.
 */
export async function answerPage<Row, Item>(
  query: OrderedPageRequest,
  read: (page: OrderedPageRequest) => Promise<Rows<Row>>,
  present: (rows: Row[]) => Item[] | Promise<Item[]>,
): Promise<Page<Item>> {
  const { limit, offset, order } = query;
  const { rows, total } = await read({ limit, offset, order });
  return { items: await present(rows), total, limit, offset };
}

/** The largest page any reader asks for; a reader that needs every row pages through them. */
export const largestPage = 500;

/** Every row a paged reader returns, page after page, so that nothing is cut at a page size. */
export async function fetchAllPages<Row>(
  readPage: (page: PageRequest) => Promise<Rows<Row>>,
): Promise<Row[]> {
  const all: Row[] = [];
  for (let offset = 0; ; offset += largestPage) {
    const { rows, total } = await readPage({ limit: largestPage, offset });
    all.push(...rows);
    if (rows.length === 0 || all.length >= total) return all;
  }
}

type VersionedTable = {
  [Name in keyof Schema]: Schema[Name] extends { id: unknown; version: unknown } ? Name : never;
}[keyof Schema];

/**
 * Updates one row only if it still has the version the writer read, and counts the version up.
 * Answers undefined when someone else changed the row first (or it is gone): the caller then
 * answers 409 with the current row.
 */
export function updateVersioned<Table extends VersionedTable>(
  db: Db,
  table: Table,
  id: number,
  expectedVersion: number,
  changes: UpdateObject<Schema, NoInfer<Table>>,
): Promise<Selectable<Schema[Table]> | undefined> {
  // Kysely cannot follow a column through a generic table name. Every VersionedTable has `id` and
  // `version`, so the query is typed as one of them.
  const update = db
    .updateTable(table as VersionedTable as 'actions')
    .set((eb) => ({
      ...(changes as UpdateObject<Schema, 'actions'>),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return update as unknown as Promise<Selectable<Schema[Table]> | undefined>;
}
