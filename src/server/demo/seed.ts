import type { Role } from '../../core/access.ts';
import { grantRole } from '../access/service.ts';
import type { Db } from '../db/schema.ts';
import { createEvent } from '../events/service.ts';
import { systemActor } from '../http/actor.ts';
import { createFacility, createUnit } from '../units/service.ts';
import { generatePassword } from '../auth/password.ts';
import { createUser } from '../users/service.ts';
import { demoEvent, demoFacilities, demoUnits, demoUsers } from './content.ts';

export interface DemoResult {
  eventId: number;
  userEmails: string[];
  password: string;
}

/** Loads the demo event "Millennium 2024" once, into an installation that has no events yet. */
export async function loadDemo(db: Db, options: { password?: string }): Promise<DemoResult | null> {
  const existing = await db.selectFrom('events').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const actor = systemActor;
  const event = await createEvent(db, actor, demoEvent);
  const unitIds = new Map<string, number>();
  for (const unit of demoUnits) {
    const created = await createUnit(db, actor, { ...unit, parentId: null });
    unitIds.set(unit.code, created.id);
  }
  for (const facility of demoFacilities) {
    const { unitCode, ...rest } = facility;
    await createFacility(db, actor, unitIds.get(unitCode)!, rest);
  }
  const password = options.password ?? generatePassword();
  for (const person of demoUsers) {
    const { user } = await createUser(db, actor, {
      email: person.email,
      name: person.name,
      password,
    });
    const unitId = person.unitCode ? unitIds.get(person.unitCode)! : null;
    await grantRole(db, actor, event.id, { userId: user.id, role: person.role as Role, unitId });
  }
  return { eventId: event.id, userEmails: demoUsers.map((user) => user.email), password };
}
