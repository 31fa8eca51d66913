import { createHash } from 'node:crypto';

/** SHA-256 of a random token or recovery code: enough for secrets with that much entropy. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
