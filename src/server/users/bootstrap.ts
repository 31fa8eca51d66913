import type { Db } from '../db/schema.ts';
import { systemActor } from '../http/actor.ts';
import { countUsers } from './repository.ts';
import { createUser } from './service.ts';

export interface FirstAdmin {
  email: string;
  /** Present only when generated: it is shown once and must be changed at first login. */
  oneTimePassword: string | null;
}

/** Creates the first administrator when there are no users at all; otherwise does nothing. */
export async function ensureFirstAdmin(
  db: Db,
  options: { email: string; password?: string },
): Promise<FirstAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  const { user, oneTimePassword } = await createUser(db, systemActor, {
    email: options.email,
    name: 'Administratör',
    isAdmin: true,
    ...(options.password !== undefined && { password: options.password }),
  });
  return { email: user.email, oneTimePassword };
}
