import type { Role } from '../../core/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findUnit } from '../units/repository.ts';
import { findUserById } from '../users/repository.ts';
import { deleteGrant, findGrant, findSameGrant, insertGrant } from './repository.ts';

export async function grantRole(
  db: Db,
  actor: Actor,
  eventId: number,
  input: { userId: number; role: Role; unitId: number | null },
) {
  if (input.role === 'unit_reporter' && input.unitId === null) {
    throw errors.badRequest('En enhetsrapportör måste kopplas till en enhet.', { field: 'unitId' });
  }
  if (input.role !== 'unit_reporter' && input.unitId !== null) {
    throw errors.badRequest('Bara enhetsrapportörer kopplas till en enhet.', { field: 'unitId' });
  }
  return db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, input.userId))) throw errors.notFound('Användaren');
    if (input.unitId !== null && !(await findUnit(trx, input.unitId)))
      throw errors.notFound('Enheten');
    const grant = { ...input, eventId };
    if (await findSameGrant(trx, grant)) {
      throw errors.badRequest('Användaren har redan den rollen i händelsen.', { field: 'role' });
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
