import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { defaultEventUnits } from '../event-units/defaults.ts';
import { applyEventUnitsSetup, readEventUnitsSetup } from '../event-units/service.ts';
import { readPeriodSetup } from '../events/periods.ts';
import { insertNewEvent, presentEvent, requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import { applyReturnFormSetup, readReturnFormSetup } from '../return-forms/service.ts';
import { defaultScales } from '../scales/defaults.ts';
import { applyScalesSetup, readScalesSetup } from '../scales/service.ts';
import { applyTemplatesSetup, readTemplatesSetup } from '../templates/service.ts';
import {
  type SetupRow,
  deleteSetup,
  findSetup,
  insertSetup,
  listSetups,
  updateSetup,
} from './repository.ts';
import hospitalGroup from './shipped/sjukhusgrupp-dygn.json' with { type: 'json' };
import national from './shipped/nationell-sammanstallning.json' with { type: 'json' };
import regionalReport from './shipped/regional-rapport.json' with { type: 'json' };
import standard from './shipped/standard.json' with { type: 'json' };
import facilityStatus from './shipped/vardinrattning-status.json' with { type: 'json' };
import type { Event, EventOrigin, createEventBody } from '../../contract/events.ts';
import {
  type EventSetup,
  type SetupDetail,
  type SetupSummary,
  eventSetup,
  setupFormat,
  type updateSetupBody,
} from '../../contract/setups.ts';

/** What a new event starts from when no other origin is chosen. */
export const standardSetup = eventSetup.parse(standard);

/** The set-ups that come with Lägesbild: the files an installation's library starts from. */
export const shippedSetups = {
  regionalReport: eventSetup.parse(regionalReport),
  national: eventSetup.parse(national),
  hospitalGroup: eventSetup.parse(hospitalGroup),
  facilityStatus: eventSetup.parse(facilityStatus),
};

function storedSetup(row: SetupRow): EventSetup {
  return eventSetup.parse(JSON.parse(row.setup_json));
}

/**
 * The names of the stored set-up's templates, read without validating the whole set-up: the list
 * shows every row, and the stored JSON was validated when it was imported.
 */
function templateNamesOf(row: SetupRow): string[] {
  const { reportTemplates } = JSON.parse(row.setup_json) as Pick<EventSetup, 'reportTemplates'>;
  return reportTemplates.map((template) => template.name);
}

export function presentSetupSummary(row: SetupRow): SetupSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    templateNames: templateNamesOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function presentSetup(row: SetupRow): SetupDetail {
  return { ...presentSetupSummary(row), setup: storedSetup(row) };
}

async function requireSetup(db: Db, setupId: number): Promise<SetupRow> {
  const row = await findSetup(db, setupId);
  if (!row) throw errors.notFound('Uppsättningen');
  return row;
}

/** An event's shape as a set-up: what a copy of the event, or a file exported from it, holds. */
export async function readEventSetup(db: Db, eventId: number): Promise<EventSetup> {
  const event = await requireEvent(db, eventId);
  return {
    format: setupFormat,
    formatVersion: 1,
    name: event.name,
    description: event.description,
    rules: { fourEyes: event.four_eyes === 1 },
    period: await readPeriodSetup(db, eventId),
    units: await readEventUnitsSetup(db, eventId),
    scales: await readScalesSetup(db, eventId),
    returnForm: await readReturnFormSetup(db, eventId),
    reportTemplates: await readTemplatesSetup(db, eventId),
  };
}

/** Lays a set-up's shape on a new event, inside the caller's transaction. */
async function applyEventSetup(
  trx: Db,
  actor: Actor,
  eventId: number,
  setup: EventSetup,
): Promise<void> {
  if (setup.units) await applyEventUnitsSetup(trx, eventId, setup.units, actor);
  else await defaultEventUnits(trx, eventId);
  await applyScalesSetup(trx, eventId, setup.scales ?? defaultScales(), actor);
  if (setup.returnForm) await applyReturnFormSetup(trx, eventId, setup.returnForm, actor);
  await applyTemplatesSetup(trx, actor, eventId, setup.reportTemplates);
}

async function setupOfOrigin(db: Db, origin: EventOrigin): Promise<EventSetup> {
  switch (origin.from) {
    case 'standard':
      return standardSetup;
    case 'setup':
      return storedSetup(await requireSetup(db, origin.setupId));
    case 'event':
      return readEventSetup(db, origin.eventId);
  }
}

type NewEvent = Omit<z.infer<typeof createEventBody>, 'origin'>;

/** Creates an event with the shape of its origin: the standard, a set-up, or an earlier event. */
export async function createEvent(
  db: Db,
  actor: Actor,
  input: NewEvent & { origin?: EventOrigin },
): Promise<Event> {
  const setup = await setupOfOrigin(db, input.origin ?? { from: 'standard' });
  return createEventWithSetup(db, actor, input, setup);
}

/** Creates an event and lays the set-up's shape on it, in one transaction. */
export async function createEventWithSetup(
  db: Db,
  actor: Actor,
  input: NewEvent,
  setup: EventSetup,
): Promise<Event> {
  const period = setup.period;
  const event = await db.transaction().execute(async (trx) => {
    const row = await insertNewEvent(trx, actor, {
      ...input,
      fourEyes: input.fourEyes ?? setup.rules.fourEyes,
      periodGranularity: input.periodGranularity ?? period?.granularity ?? 'week',
      deadline: input.deadline ?? period?.deadline,
      reportCovers: input.reportCovers ?? period?.reportCovers,
      language: input.language ?? period?.language,
      timeZone: input.timeZone ?? period?.timeZone,
    });
    await applyEventSetup(trx, actor, row.id, setup);
    return row;
  });
  return presentEvent(event);
}

async function insertNewSetup(
  trx: Db,
  actor: Actor,
  setup: EventSetup,
  naming: { name: string; description: string } = setup,
): Promise<SetupRow> {
  const now = new Date().toISOString();
  const stored: EventSetup = { ...setup, name: naming.name, description: naming.description };
  const row = await insertSetup(trx, {
    name: naming.name,
    description: naming.description,
    setup_json: JSON.stringify(stored),
    created_by: actor.userId,
    created_at: now,
    updated_by: actor.userId,
    updated_at: now,
  });
  await recordAudit(trx, actor, {
    action: 'setup.create',
    entityType: 'event_setup',
    entityId: row.id,
    after: { id: row.id, name: row.name },
  });
  return row;
}

/** Puts the set-ups that come with Lägesbild in the library (the demo does, once). */
export async function installShippedSetups(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const setup of Object.values(shippedSetups)) await insertNewSetup(trx, actor, setup);
  });
}

// What the routes answer: one function per route.

export async function setupsOfLibrary(db: Db): Promise<{ items: SetupSummary[] }> {
  return { items: (await listSetups(db)).map(presentSetupSummary) };
}

export async function setupOf(db: Db, setupId: number): Promise<SetupDetail> {
  return presentSetup(await requireSetup(db, setupId));
}

export async function setupFileOf(
  db: Db,
  setupId: number,
): Promise<{ setup: EventSetup; fileName: string }> {
  const setup = storedSetup(await requireSetup(db, setupId));
  return { setup, fileName: setupFileName(setup.name) };
}

export async function eventSetupFileOf(
  db: Db,
  eventId: number,
): Promise<{ setup: EventSetup; fileName: string }> {
  const setup = await readEventSetup(db, eventId);
  return { setup, fileName: setupFileName(setup.name) };
}

/** A file name made of the set-up's name, safe in any file system and in a header. */
export function setupFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'uppsattning'}.lagesbild.json`;
}

export async function importSetup(db: Db, actor: Actor, setup: EventSetup): Promise<SetupDetail> {
  return presentSetup(await db.transaction().execute((trx) => insertNewSetup(trx, actor, setup)));
}

export async function saveEventAsSetup(
  db: Db,
  actor: Actor,
  eventId: number,
  naming: { name: string; description: string },
): Promise<SetupDetail> {
  const setup = await readEventSetup(db, eventId);
  return presentSetup(
    await db.transaction().execute((trx) => insertNewSetup(trx, actor, setup, naming)),
  );
}

export async function changeSetup(
  db: Db,
  actor: Actor,
  setupId: number,
  input: z.infer<typeof updateSetupBody>,
): Promise<SetupDetail> {
  return presentSetup(
    await db.transaction().execute(async (trx) => {
      const before = await requireSetup(trx, setupId);
      const updated = await updateSetup(trx, setupId, input.version, {
        name: input.setup.name,
        description: input.setup.description,
        setup_json: JSON.stringify(input.setup),
        updated_by: actor.userId,
      });
      if (!updated) throw errors.conflict(presentSetup(before));
      await recordAudit(trx, actor, {
        action: 'setup.update',
        entityType: 'event_setup',
        entityId: setupId,
        before: storedSetup(before),
        after: input.setup,
      });
      return updated;
    }),
  );
}

export async function removeSetup(
  db: Db,
  actor: Actor,
  setupId: number,
  version: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await requireSetup(trx, setupId);
    if (!(await deleteSetup(trx, setupId, version))) throw errors.conflict(presentSetup(before));
    await recordAudit(trx, actor, {
      action: 'setup.delete',
      entityType: 'event_setup',
      entityId: setupId,
      before: { id: before.id, name: before.name },
    });
  });
}
