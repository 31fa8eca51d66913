import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

/**
 * The form every existing event had until now, frozen here as it was when this migration was
 * written (the code's default may change later; what an existing event had may not).
 */
const todaysForm = [
  {
    key: 'overallStatus',
    kind: 'status',
    label: 'Övergripande status',
    help: 'Hur är läget för enheten som helhet?',
    required: true,
  },
  { key: 'accessToCare', kind: 'status', label: 'Tillgång till vård', help: '', required: false },
  { key: 'patientSafety', kind: 'status', label: 'Patientsäkerhet', help: '', required: false },
  { key: 'staff', kind: 'status', label: 'Medarbetare', help: '', required: false },
  { key: 'itProgramme', kind: 'status', label: 'IT/program', help: '', required: false },
  { key: 'communication', kind: 'status', label: 'Kommunikation', help: '', required: false },
  {
    key: 'prognosis',
    kind: 'prognosis',
    label: 'Prognos för kommande period',
    help: '',
    required: true,
  },
  {
    key: 'bullets',
    kind: 'text',
    label: 'Lägesbild i punktform',
    help: 'En punkt per rad. Skriv det staben behöver veta: läge, påverkan, behov.',
    required: false,
  },
];

/** Each event's return form; every event that exists now gets today's fields. */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('return_forms'))
    .addColumn('event_id', 'integer', (c) => c.notNull().unique().references('events.id'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const events = (await db.selectFrom('events').select(['id', 'created_at']).execute()) as {
    id: number;
    created_at: string;
  }[];
  for (const event of events) {
    await db
      .insertInto('return_forms')
      .values({
        event_id: event.id,
        fields: JSON.stringify(todaysForm),
        created_by: null,
        created_at: event.created_at,
        source: 'migration',
        updated_by: null,
        updated_at: event.created_at,
      })
      .execute();
  }
}
