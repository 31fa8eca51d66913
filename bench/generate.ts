// Generates a large event for the benchmarks: units, weekly unit situations with input requests,
// key-figure observations, log entries, decisions and actions by bulk inserts in transactions,
// and the published reports through the report service (draft, submit, approve, publish), so
// that their snapshots are what the product itself would freeze.
//
// Usage: node --import tsx bench/generate.ts [sqlite:PATH | postgres://...?schema=NAME] [tiny]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Insertable } from 'kysely';
import { periodOf } from '../src/core/time.ts';
import { grantRole } from '../src/server/access/service.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { Db, Schema } from '../src/server/db/schema.ts';
import { queueReportDeliveries } from '../src/server/distribution/service.ts';
import { createEventWithSetup, shippedSetups } from '../src/server/setups/service.ts';
import { replaceEventUnitRows } from '../src/server/event-units/repository.ts';
import { systemActor, type Actor } from '../src/server/http/actor.ts';
import { moveReport, publishReport, startReport } from '../src/server/reports/service.ts';
import { createUser } from '../src/server/users/service.ts';

export interface EventSize {
  units: number;
  /** Key-figure definitions (at most 10); each is a chart in the reports. */
  figures: number;
  periods: number;
  observations: number;
  logEntries: number;
  decisions: number;
  actions: number;
  reports: number;
}

export const largeSize: EventSize = {
  units: 60,
  figures: 10,
  periods: 52,
  observations: 100_000,
  logEntries: 5_000,
  decisions: 2_000,
  actions: 500,
  reports: 52,
};

export const tinySize: EventSize = {
  units: 3,
  figures: 2,
  periods: 2,
  observations: 300,
  logEntries: 20,
  decisions: 10,
  actions: 5,
  reports: 2,
};

export const benchPassword = 'Bänkprov-lösenord-för-mätning-2026';
export const staffEmail = 'stab@bench.lagesbild.local';
export const approverEmail = 'godkannare@bench.lagesbild.local';

export interface GeneratedEvent {
  eventId: number;
  unitIds: number[];
  figureIds: number[];
  periods: string[];
  reportNumbers: number[];
  staffEmail: string;
  password: string;
  /** Seconds per step and in total; lastDraftMs: startReport of the newest report alone. */
  timings: { bulk: number; reports: number; total: number; lastDraftMs: number };
}

const figureKinds = [
  { key: 'bed_occupancy', name: 'Beläggningsgrad', unit: '%' },
  { key: 'ed_waiting', name: 'Väntande på akuten', unit: 'patienter' },
  { key: 'ambulance_queue', name: 'Ambulanser i kö', unit: 'st' },
  { key: 'staff_absence', name: 'Sjukfrånvaro', unit: '%' },
  { key: 'iva_free', name: 'Lediga IVA-platser', unit: 'st' },
  { key: 'cancelled_operations', name: 'Strukna operationer', unit: 'st' },
  { key: 'waiting_time', name: 'Väntetid till läkare', unit: 'min' },
  { key: 'calls_1177', name: 'Samtal till 1177', unit: 'st' },
  { key: 'transfers', name: 'Överflyttningar', unit: 'st' },
  { key: 'overcrowding', name: 'Överbeläggningar', unit: 'st' },
];

const forums = ['Dagligt produktionsledarmöte', 'Regional särskild sjukvårdsledning', 'Styrgrupp'];
const statuses = ['green', 'yellow', 'red'] as const;
const prognoses = ['improving', 'unchanged', 'worsening'] as const;
const hour = 3_600_000;
const week = 7 * 24 * hour;
/** Monday 29 December 2025 00:00 Stockholm time: the start of 2026-W01. */
const firstMonday = Date.parse('2025-12-28T23:00:00.000Z');

/** Inserts rows in chunks inside one transaction: fast on both engines, under parameter limits. */
async function bulkInsert<T extends keyof Schema & string>(
  db: Db,
  table: T,
  rows: Insertable<Schema[T]>[],
  chunk = 500,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += chunk) {
      // Kysely's insert typing cannot follow a generic table name; rows are typed by the caller.
      await trx
        .insertInto(table)
        .values(rows.slice(start, start + chunk) as never)
        .execute();
    }
  });
}

/** A small deterministic pseudo-random sequence, so every run generates the same event. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function generateEvent(
  database: Database,
  size: EventSize = largeSize,
): Promise<GeneratedEvent> {
  const db = database.db;
  const started = performance.now();
  const next = random(42);
  const periodStarts = Array.from(
    { length: size.periods },
    (_, index) => firstMonday + index * week,
  );
  const periods = periodStarts.map((start) => periodOf(new Date(start + hour), 'week').key);
  const spanMs = size.periods * week;
  const now = new Date().toISOString();
  const iso = (ms: number) => new Date(ms).toISOString();

  const event = await createEventWithSetup(
    db,
    systemActor,
    {
      name: 'Bänkprov',
      description: 'Genererad händelse för prestandamätning.',
      background: 'En stor händelse: många enheter, ett år av veckorapporter.',
      isExercise: true,
      periodGranularity: 'week',
      fourEyes: true,
      activatedAt: iso(firstMonday),
    },
    shippedSetups.regionalReport,
  );
  const eventId = event.id;

  const { user: staff } = await createUser(db, systemActor, {
    email: staffEmail,
    name: 'Stabens bänkprovare',
    password: benchPassword,
  });
  const { user: approver } = await createUser(db, systemActor, {
    email: approverEmail,
    name: 'Godkännande bänkprovare',
    password: benchPassword,
  });
  await grantRole(db, systemActor, eventId, { userId: staff.id, role: 'staff', unitId: null });
  await grantRole(db, systemActor, eventId, {
    userId: approver.id,
    role: 'approver',
    unitId: null,
  });
  const actorOf = (user: { id: number; email: string }): Actor => ({
    userId: user.id,
    label: user.email,
    isAdmin: false,
    mustChangePassword: false,
    requestId: null,
  });

  const unitKinds = ['hospital', 'primary_care', 'municipality', 'support'] as const;
  await bulkInsert(
    db,
    'units',
    Array.from({ length: size.units }, (_, index) => ({
      code: `B${eventId}-${String(index + 1).padStart(3, '0')}`,
      name: `Bänkenhet ${index + 1}`,
      kind: unitKinds[index % unitKinds.length]!,
      parent_id: null,
      created_at: now,
      updated_at: now,
    })),
  );
  const unitIds = (
    await db
      .selectFrom('units')
      .select('id')
      .where('code', 'like', `B${eventId}-%`)
      .orderBy('id')
      .execute()
  ).map((row) => row.id);
  await replaceEventUnitRows(
    db,
    eventId,
    unitIds.map((unitId) => ({ unitId, parentUnitId: null })),
  );

  // Input requests for every period, naming every unit, and each unit's accepted situation.
  await bulkInsert(
    db,
    'input_requests',
    periods.map((period, index) => ({
      event_id: eventId,
      period,
      deadline: iso(periodStarts[index]! + 3 * 24 * hour + 10 * hour),
      created_by: staff.id,
      created_at: iso(periodStarts[index]!),
      source: 'manual',
      updated_by: staff.id,
      updated_at: iso(periodStarts[index]!),
    })),
  );
  const requests = await db
    .selectFrom('input_requests')
    .select(['id', 'period'])
    .where('event_id', '=', eventId)
    .execute();
  await bulkInsert(
    db,
    'input_request_units',
    requests.flatMap((request) =>
      unitIds.map((unitId) => ({ request_id: request.id, unit_id: unitId, reminded_at: null })),
    ),
  );
  const status = () => statuses[Math.floor(next() * next() * 3)]!;
  await bulkInsert(
    db,
    'unit_situations',
    periods.flatMap((period, index) =>
      unitIds.map((unitId) => {
        const submittedAt = iso(periodStarts[index]! + 3 * 24 * hour + 8 * hour);
        return {
          event_id: eventId,
          unit_id: unitId,
          period,
          period_start: iso(periodStarts[index]!),
          state: 'accepted' as const,
          overall_status: status(),
          access_to_care_status: status(),
          patient_safety_status: status(),
          staff_status: status(),
          it_programme_status: status(),
          communication_status: status(),
          prognosis: prognoses[Math.floor(next() * 3)]!,
          bullets: [
            '- Hög beläggning på medicinavdelningarna, överbeläggningar hanteras dagligen.',
            '- Akutmottagningen har periodvis långa väntetider.',
            '- Bemanningen är ansträngd men säkrad för veckan.',
          ].join('\n'),
          key_figures: JSON.stringify([
            { name: 'Beläggningsgrad', value: Math.round(85 + next() * 20), unit: '%' },
            { name: 'Överbeläggningar', value: Math.round(next() * 15), unit: 'st' },
          ]),
          internal: 0,
          answers: '{}',
          return_comment: null,
          submitted_by: staff.id,
          submitted_at: submittedAt,
          reviewed_by: staff.id,
          reviewed_at: submittedAt,
          created_by: staff.id,
          created_at: submittedAt,
          source: 'manual',
          updated_by: staff.id,
          updated_at: submittedAt,
        };
      }),
    ),
  );

  await bulkInsert(
    db,
    'figure_definitions',
    figureKinds.slice(0, Math.max(1, size.figures)).map((figure) => ({
      event_id: eventId,
      key: figure.key,
      name: figure.name,
      unit_of_measure: figure.unit,
      higher_is_worse: figure.key === 'iva_free' ? 0 : 1,
      yellow_threshold: null,
      red_threshold: null,
      internal: 0,
      created_by: staff.id,
      created_at: now,
      source: 'manual',
      updated_by: staff.id,
      updated_at: now,
    })),
  );
  const figureIds = (
    await db
      .selectFrom('figure_definitions')
      .select('id')
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute()
  ).map((row) => row.id);
  await bulkInsert(
    db,
    'log_entries',
    Array.from({ length: size.logEntries }, (_, index) => {
      const at = iso(firstMonday + Math.floor((index / size.logEntries) * spanMs));
      return {
        event_id: eventId,
        occurred_at: at,
        text: `Loggboksanteckning ${index + 1}: lägesrapport från ${forums[index % forums.length]}; inga nya avvikelser utöver tidigare rapporterat.`,
        information_source: 'Tjänsteman i beredskap',
        significant: index % 10 === 0 ? 1 : 0,
        internal: index % 7 === 0 ? 1 : 0,
        struck_at: null,
        struck_by: null,
        strike_reason: null,
        created_by: staff.id,
        created_at: at,
        source: 'manual',
        updated_by: staff.id,
        updated_at: at,
      };
    }),
  );

  await bulkInsert(
    db,
    'decisions',
    Array.from({ length: size.decisions }, (_, index) => {
      const at = firstMonday + Math.floor((index / size.decisions) * spanMs) + 9 * hour;
      return {
        event_id: eventId,
        decided_at: iso(at),
        forum: forums[index % forums.length]!,
        mandate: 'Regional särskild sjukvårdsledning',
        text: `Beslut ${index + 1}: patienter som söker akut hänvisas till närmaste akutmottagning med ledig kapacitet; uppföljning vid nästa möte.`,
        rationale: 'Hög belastning på akutmottagningarna.',
        effective_from: iso(at),
        effective_to: index % 3 === 0 ? iso(at + week) : null,
        internal: index % 9 === 0 ? 1 : 0,
        created_by: staff.id,
        created_at: iso(at),
        source: 'manual',
        updated_by: staff.id,
        updated_at: iso(at),
      };
    }),
  );

  const actionStates = ['open', 'in_progress', 'done', 'cancelled'] as const;
  await bulkInsert(
    db,
    'actions',
    Array.from({ length: size.actions }, (_, index) => {
      const at = firstMonday + Math.floor((index / Math.max(1, size.actions)) * spanMs);
      return {
        event_id: eventId,
        text: `Åtgärd ${index + 1}: följ upp kapaciteten och rapportera till staben.`,
        owner_name: 'Chefläkare',
        owner_unit_id: unitIds[index % unitIds.length]!,
        due_at: iso(at + 3 * 24 * hour),
        state: actionStates[index % actionStates.length]!,
        decision_id: null,
        internal: 0,
        created_by: staff.id,
        created_at: iso(at),
        source: 'manual',
        updated_by: staff.id,
        updated_at: iso(at),
      };
    }),
  );
  const bulkDone = performance.now();
  // The published reports: one per week, compiled on Friday afternoon, through the service. The
  // key-figure observations go in just before the last one: compiling a report reads every
  // observation up to its date and, in buildSeries, computes the Stockholm week of each one
  // (src/core/time.ts periodOf, ~0.4 ms each), so 51 earlier reports over 100,000 observations
  // would take the generator an hour. The newest report, the one the page benchmark serves and
  // the renderers render, is compiled over all of them; the earlier ones carry no charts.
  const editor = actorOf(staff);
  const approverActor = actorOf(approver);
  const reportNumbers: number[] = [];
  let lastDraftMs = 0;
  let observationsDone = false;
  const figureIndex = (index: number) => index % figureIds.length;
  const insertObservations = async () => {
    await bulkInsert(
      db,
      'figure_observations',
      Array.from({ length: size.observations }, (_, index) => {
        const at = firstMonday + Math.floor((index / size.observations) * spanMs);
        return {
          event_id: eventId,
          definition_id: figureIds[figureIndex(index)]!,
          value: Math.round(next() * 1000) / 10,
          observed_at: iso(at),
          // Each figure is reported by 6 units (figure i: units 6i … 6i+5), several times a day.
          unit_id:
            unitIds[
              (figureIndex(index) * 6 + (Math.floor(index / figureIds.length) % 6)) % unitIds.length
            ]!,
          facility_id: null,
          source: 'import',
          internal: 0,
          entered_by: staff.id,
          created_at: iso(at),
        };
      }),
    );
    observationsDone = true;
  };
  for (let index = 0; index < size.reports; index += 1) {
    if (index === size.reports - 1) await insertObservations();
    const friday = periodStarts[index % periodStarts.length]! + 4 * 24 * hour + 15 * hour;
    const draftStarted = performance.now();
    const draft = await startReport(db, editor, eventId, {
      kind: 'regular',
      compiledAt: iso(friday),
    });
    lastDraftMs = performance.now() - draftStarted;
    const submitted = await moveReport(db, editor, eventId, draft.id, 'submit', {
      version: draft.version,
    });
    const approved = await moveReport(db, approverActor, eventId, draft.id, 'approve', {
      version: submitted.version,
    });
    await publishReport(
      db,
      approverActor,
      eventId,
      draft.id,
      approved.version,
      queueReportDeliveries,
      {
        publishedAt: iso(friday + hour),
      },
    );
    reportNumbers.push(draft.number);
  }
  if (!observationsDone) await insertObservations();
  const done = performance.now();
  return {
    eventId,
    unitIds,
    figureIds,
    periods,
    reportNumbers,
    staffEmail,
    password: benchPassword,
    timings: {
      bulk: (bulkDone - started) / 1000,
      reports: (done - bulkDone) / 1000,
      total: (done - started) / 1000,
      lastDraftMs,
    },
  };
}

/** Opens and migrates a database and generates the event into it. */
export async function generateInto(url: string, size: EventSize): Promise<GeneratedEvent> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    return await generateEvent(database, size);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const url = process.argv[2] ?? 'sqlite:./data/bench.db';
  const size = process.argv[3] === 'tiny' ? tinySize : largeSize;
  const generated = await generateInto(url, size);
  console.log(
    `Generated event ${generated.eventId} in ${generated.timings.total.toFixed(1)} s ` +
      `(bulk ${generated.timings.bulk.toFixed(1)} s, ${generated.reportNumbers.length} reports ${generated.timings.reports.toFixed(1)} s)`,
  );
}
