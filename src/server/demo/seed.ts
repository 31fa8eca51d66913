import type { Role } from '../../core/access.ts';
import { grantRole } from '../access/service.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import type { Db } from '../db/schema.ts';
import { hasEvents, requireEvent } from '../events/service.ts';
import { eventUnitList, replaceEventUnits } from '../event-units/service.ts';
import { createEventWithSetup, installShippedSetups, shippedSetups } from '../setups/service.ts';
import { type Actor, systemActor } from '../http/actor.ts';
import { createFacility, createUnit } from '../units/service.ts';
import { createUser } from '../users/service.ts';
import { closeEvent } from '../closing/service.ts';
import { archiveClosedAt, demoEvent, demoFacilities, demoUnits, demoUsers } from './content.ts';
import { loadLiveEvent } from './live-event.ts';
import { loadReadinessDemo } from '../readiness/demo.ts';
import { loadSituationsDemo } from '../situations/demo.ts';
import { loadDiversionsDemo } from '../diversions/demo.ts';
import { loadFiguresDemo } from '../figures/demo.ts';
import { loadActionsDemo } from '../actions/demo.ts';
import { loadCommunicationDemo } from '../communication/demo.ts';
import { loadDecisionsDemo } from '../decisions/demo.ts';
import { loadMilestonesDemo } from '../milestones/demo.ts';
import { loadLogDemo } from '../log/demo.ts';
import { loadRisksDemo } from '../risks/demo.ts';
import type { DemoContext } from './context.ts';
import { loadReportsDemo } from '../reports/demo.ts';
import { loadReviewDemo } from '../review/demo.ts';
import { loadMeetingsDemo } from '../meetings/demo.ts';
import { loadFeedsDemo } from '../feeds/demo.ts';

export interface DemoResult {
  /** The archive: "Millennium 2024", closed as the staff closed it. */
  eventId: number;
  /** The live event, laid relative to the moment the demo was loaded. */
  liveEventId: number;
  userEmails: string[];
  password: string;
}

export interface DemoOptions {
  password?: string;
  /** The moment the live event is laid around; the clock by default. */
  now?: Date;
  /**
   * Leaves the archive open. Tests use its fixed history as a fixture they write into; an
   * installation always gets it closed.
   */
  keepArchiveOpen?: boolean;
}

/**
 * Loads the demo once, into an installation that has no events yet: the archived event
 * "Millennium 2024" with its two published reports, and a live event whose weeks, deadlines and
 * milestones lie around today.
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoResult | null> {
  const archive = await loadDemoArchive(db, options);
  if (!archive) return null;
  return loadDemoLiveEvent(db, archive, options.now ?? new Date());
}

/** The demo's part that does not depend on the day: units, people, setups and the archive. */
export interface DemoArchive {
  context: DemoContext;
  password: string;
}

/** Loads the demo's archive and all it stands on, into an installation that has no events yet. */
export async function loadDemoArchive(
  db: Db,
  options: Omit<DemoOptions, 'now'> = {},
): Promise<DemoArchive | null> {
  if (await hasEvents(db)) return null;
  const unitIds = await loadUnits(db);
  await installShippedSetups(db, systemActor);
  const event = await createEventWithSetup(
    db,
    systemActor,
    demoEvent,
    shippedSetups.regionalReport,
  );
  const password = options.password ?? generatePassword();
  const context: DemoContext = {
    eventId: event.id,
    unitIds,
    facilityIds: new Map(),
    userIds: new Map(),
    actorFor: (email) => demoActor(context, email),
  };
  await loadFacilities(db, context);
  await loadUsers(db, context, password);
  await prepareEvent(db, context.eventId, context);
  await loadArchiveContent(db, context);
  if (!options.keepArchiveOpen) await closeArchive(db, context.eventId);
  return { context, password };
}

/**
 * The archive `loadDemoArchive` left in a database, read back: tests copy a database that holds
 * it and then lay only the live event around their own clock.
 */
export async function loadedDemoArchive(db: Db, password: string): Promise<DemoArchive> {
  const event = await db
    .selectFrom('events')
    .select('id')
    .where('name', '=', demoEvent.name)
    .executeTakeFirstOrThrow();
  const idsBy = (rows: { id: number; key: string }[]) =>
    new Map(rows.map((row) => [row.key, row.id]));
  const context: DemoContext = {
    eventId: event.id,
    unitIds: idsBy(await db.selectFrom('units').select(['id', 'code as key']).execute()),
    facilityIds: idsBy(await db.selectFrom('facilities').select(['id', 'code as key']).execute()),
    userIds: idsBy(await db.selectFrom('users').select(['id', 'email as key']).execute()),
    actorFor: (email) => demoActor(context, email),
  };
  return { context, password };
}

/** Lays the live event around `now` beside a loaded archive. */
export async function loadDemoLiveEvent(
  db: Db,
  { context, password }: DemoArchive,
  now: Date,
): Promise<DemoResult> {
  const liveEventId = await loadLiveEvent(
    db,
    context,
    (eventId) => prepareEvent(db, eventId, context),
    now,
  );
  return {
    eventId: context.eventId,
    liveEventId,
    userEmails: demoUsers.map((user) => user.email),
    password,
  };
}

async function loadArchiveContent(db: Db, context: DemoContext): Promise<void> {
  await loadDecisionsDemo(db, context);
  await loadMilestonesDemo(db, context);
  await loadActionsDemo(db, context);
  await loadMeetingsDemo(db, context);
  await loadRisksDemo(db, context);
  await loadLogDemo(db, context);
  await loadCommunicationDemo(db, context);
  await loadFiguresDemo(db, context);
  await loadDiversionsDemo(db, context);
  await loadReadinessDemo(db, context);
  await loadSituationsDemo(db, context);
  await loadReportsDemo(db, context);
  await loadReviewDemo(db, context);
  await loadFeedsDemo(db, context);
}

/** The RSO closed on 26 November 2024; its open actions were handed to the line organisation. */
async function closeArchive(db: Db, eventId: number): Promise<void> {
  const event = await requireEvent(db, eventId);
  await closeEvent(db, systemActor, eventId, {
    version: event.version,
    closedAt: archiveClosedAt,
    override: true,
    reason:
      'Den regionala särskilda organisationen avvecklades enligt plan; kvarvarande åtgärder följs upp i linjeorganisationen.',
  });
}

async function loadUnits(db: Db): Promise<Map<string, number>> {
  const unitIds = new Map<string, number>();
  for (const unit of demoUnits) {
    const created = await createUnit(db, systemActor, { ...unit, shortName: '', parentId: null });
    unitIds.set(unit.code, created.id);
  }
  return unitIds;
}

async function loadFacilities(db: Db, context: DemoContext): Promise<void> {
  for (const { unitCode, ...facility } of demoFacilities) {
    const created = await createFacility(db, systemActor, context.unitIds.get(unitCode)!, facility);
    context.facilityIds.set(facility.code, created.id);
  }
}

async function loadUsers(db: Db, context: DemoContext, password: string): Promise<void> {
  // The demo users share one password: one scrypt hash for all (one each was most of a fresh start).
  const passwordHash = await hashPassword(password);
  for (const person of demoUsers) {
    const { user } = await createUser(
      db,
      systemActor,
      { email: person.email, name: person.name, password },
      { passwordHash },
    );
    context.userIds.set(person.email, user.id);
  }
}

/** The demo's units in the order of the real reports it is drawn from, and its people's roles. */
async function prepareEvent(db: Db, eventId: number, context: DemoContext): Promise<void> {
  const { version } = await eventUnitList(db, eventId);
  await replaceEventUnits(db, systemActor, eventId, {
    version,
    unitlessLabel: 'Regionen',
    units: demoUnits.map((unit) => ({
      unitId: context.unitIds.get(unit.code)!,
      parentUnitId: null,
    })),
  });
  await grantRoles(db, eventId, context);
}

async function grantRoles(db: Db, eventId: number, context: DemoContext): Promise<void> {
  for (const person of demoUsers) {
    await grantRole(db, systemActor, eventId, {
      userId: context.userIds.get(person.email)!,
      role: person.role as Role,
      unitId: person.unitCode ? context.unitIds.get(person.unitCode)! : null,
    });
  }
}

function demoActor(context: DemoContext, email: string): Actor {
  const userId = context.userIds.get(email);
  if (userId === undefined) throw new Error(`No demo user ${email}`);
  return { userId, label: email, isAdmin: false, mustChangePassword: false, requestId: null };
}
