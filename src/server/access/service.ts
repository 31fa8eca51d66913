import type { Role } from '../../core/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findUnit } from '../units/repository.ts';
import { findUserById } from '../users/repository.ts';
import {
  type GrantRow,
  type GrantWithUserRow,
  deleteGrant,
  findGrant,
  findSameGrant,
  insertGrant,
  listGrants,
} from './repository.ts';
import { type EventGrant, isAllowed, permissions } from '../../core/access.ts';
import type { Grant, MyGrants, StoredGrant } from '../../contract/access.ts';

export function presentStoredGrant(grant: GrantRow): StoredGrant {
  return {
    id: grant.id,
    userId: grant.user_id,
    eventId: grant.event_id,
    role: grant.role,
    unitId: grant.unit_id,
    createdAt: grant.created_at,
    source: grant.source,
  };
}

export function presentGrant(grant: GrantWithUserRow): Grant {
  return {
    id: grant.id,
    userId: grant.user_id,
    userName: grant.user_name,
    userEmail: grant.user_email,
    role: grant.role,
    unitId: grant.unit_id,
    createdAt: grant.created_at,
    source: grant.source,
  };
}

export async function grantRole(
  db: Db,
  actor: Actor,
  eventId: number,
  input: { userId: number; role: Role; unitId: number | null },
): Promise<StoredGrant> {
  if (input.role === 'unit_reporter' && input.unitId === null) {
    throw errors.badRequest('En enhetsrapportör måste kopplas till en enhet.', { field: 'unitId' });
  }
  if (input.role !== 'unit_reporter' && input.unitId !== null) {
    throw errors.badRequest('Bara enhetsrapportörer kopplas till en enhet.', { field: 'unitId' });
  }
  const created = await db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, input.userId))) throw errors.notFound('Användaren');
    if (input.unitId !== null && !(await findUnit(trx, input.unitId)))
      throw errors.notFound('Enheten');
    const grant = { ...input, eventId };
    if (await findSameGrant(trx, grant)) {
      throw errors.wrongState('Användaren har redan den rollen i händelsen.', { field: 'role' });
    }
    const created = await insertGrant(trx, grant);
    await recordAudit(trx, actor, {
      action: 'grant.create',
      entityType: 'grant',
      entityId: created.id,
      eventId,
      after: created,
    });
    return created;
  });
  return presentStoredGrant(created);
}

export async function revokeGrant(db: Db, actor: Actor, eventId: number, grantId: number) {
  await db.transaction().execute(async (trx) => {
    const before = await findGrant(trx, eventId, grantId);
    if (!before) throw errors.notFound('Behörigheten');
    await deleteGrant(trx, grantId);
    await recordAudit(trx, actor, {
      action: 'grant.delete',
      entityType: 'grant',
      entityId: grantId,
      eventId,
      before,
    });
  });
}

export async function grantsOfEvent(db: Db, eventId: number): Promise<{ items: Grant[] }> {
  return { items: (await listGrants(db, eventId)).map(presentGrant) };
}

/** The caller's roles in the event, the units they report for and what they may do. */
export function myGrants(grants: EventGrant[]): MyGrants {
  return {
    roles: [...new Set(grants.map((grant) => grant.role))],
    unitIds: grants.flatMap((grant) => (grant.unitId === null ? [] : [grant.unitId])),
    permissions: permissions.filter((permission) => isAllowed(grants, permission)),
  };
}
