import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { TemplatesTable } from './tables.ts';

export type TemplateRow = Selectable<TemplatesTable>;

export function listTemplates(db: Db, eventId: number): Promise<TemplateRow[]> {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
}

export function findTemplate(
  db: Db,
  eventId: number,
  id: number,
): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findTemplateByKind(db: Db, eventId: number, kind: TemplateRow['kind']) {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('kind', '=', kind)
    .orderBy('id')
    .executeTakeFirst();
}

export function insertTemplate(db: Db, template: Insertable<TemplatesTable>): Promise<TemplateRow> {
  return db.insertInto('templates').values(template).returningAll().executeTakeFirstOrThrow();
}

export function updateTemplate(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: {
    name: string;
    sections_json: string;
    identity_json?: string | null;
    updated_by: number | null;
  },
): Promise<TemplateRow | undefined> {
  return db
    .updateTable('templates')
    .set((eb) => ({
      ...changes,
      updated_at: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
