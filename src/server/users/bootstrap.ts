import type { Db } from '../db/schema.ts';
import { systemActor } from '../http/actor.ts';
import { findUserByEmail, hasActiveAdmin } from './repository.ts';
import { createUser, makeAdministrator } from './service.ts';

export interface FirstAdmin {
  email: string;
  /** Present only when generated: it is shown once and must be changed at first login. */
  oneTimePassword: string | null;
  /** The account existed (an imported user) and was made administrator. */
  existing: boolean;
}

/**
 * When no enabled account can administer the installation (a new one, or one whose users all
 * arrived by import without the right), the account `email` becomes its administrator: created,
 * or given the right when it exists. Otherwise does nothing.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: { email: string; password?: string },
): Promise<FirstAdmin | null> {
  if (await hasActiveAdmin(db)) return null;
  const existing = await findUserByEmail(db, options.email);
  const { user, oneTimePassword } = existing
    ? await makeAdministrator(db, systemActor, existing.id, options.password)
    : await createUser(db, systemActor, {
        email: options.email,
        name: 'Administratör',
        isAdmin: true,
        ...(options.password !== undefined && { password: options.password }),
      });
  return { email: user.email, oneTimePassword, existing: existing !== undefined };
}
