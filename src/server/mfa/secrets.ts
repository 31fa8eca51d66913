import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { type SecretBox, SecretKeyMismatch, isSealed } from '../secret-box.ts';
import { allTotpSecrets, replaceTotpSecret } from './repository.ts';

/** A TOTP secret is sealed for its user: moved to another user's row, it does not open. */
const contextOf = (userId: number) => `totp:${userId}`;

export function sealTotpSecret(box: SecretBox, userId: number, secret: string): string {
  return box.seal(secret, contextOf(userId));
}

/** The clear secret, or null when the installation's key does not open it. */
export function openedTotpSecret(
  box: SecretBox,
  factor: { user_id: number; secret: string },
): string | null {
  try {
    return box.open(factor.secret, contextOf(factor.user_id));
  } catch (error) {
    if (error instanceof SecretKeyMismatch) return null;
    throw error;
  }
}

/** As `openedTotpSecret`, where no other factor can stand in: a clear 500 instead of a crash. */
export function requiredTotpSecret(
  box: SecretBox,
  factor: { user_id: number; secret: string },
): string {
  const secret = openedTotpSecret(box, factor);
  if (secret === null) throw errors.secretKeyMismatch();
  return secret;
}

export interface SealingResult {
  /** Secrets stored in clear (before this release) now sealed. */
  sealed: number;
  /** Secrets the previous key sealed, sealed again under the current one. */
  resealed: number;
  /** Secrets no key given opens. */
  unreadable: number;
}

/**
 * Run at every start: seals the secrets stored in clear and those under the previous key
 * (SECRET_KEY_PREVIOUS_FILE) with the current key, and counts those it cannot open.
 */
export async function sealStoredTotpSecrets(db: Db, box: SecretBox): Promise<SealingResult> {
  const result: SealingResult = { sealed: 0, resealed: 0, unreadable: 0 };
  for (const factor of await allTotpSecrets(db)) {
    if (box.sealedUnderCurrentKey(factor.secret)) continue;
    const clear = isSealed(factor.secret) ? openedTotpSecret(box, factor) : factor.secret;
    if (clear === null) {
      result.unreadable += 1;
      continue;
    }
    await replaceTotpSecret(db, factor.user_id, sealTotpSecret(box, factor.user_id, clear));
    result[isSealed(factor.secret) ? 'resealed' : 'sealed'] += 1;
  }
  return result;
}
