import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** 32 bytes: an AES-256 key. */
export const secretKeyBytes = 32;
const version = 'v1';
const ivBytes = 12;

/** A sealed value that this key cannot open: sealed under another key, or altered. */
export class SecretKeyMismatch extends Error {}

/** The first bytes of the key's hash: says which key sealed a value without revealing it. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256')
    .update('lagesbild secret key id')
    .update(key)
    .digest('hex')
    .slice(0, 8);
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${version}:`);
}

/**
 * Seals short secrets (TOTP secrets) with AES-256-GCM under the installation's key, bound to
 * their context (such as the user they belong to), so a sealed value copied to another row does
 * not open. A previous key, during a rotation, still opens what it sealed.
 * Format: `v1:<key id>:<iv>:<ciphertext>:<tag>`, base64url.
 */
export class SecretBox {
  readonly keyId: string;
  private readonly previous: { key: Buffer; keyId: string } | null;

  constructor(
    private readonly key: Buffer,
    previousKey: Buffer | null = null,
  ) {
    this.keyId = keyIdOf(key);
    this.previous = previousKey ? { key: previousKey, keyId: keyIdOf(previousKey) } : null;
  }

  seal(text: string, context: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(context));
    const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return [version, this.keyId, iv, sealed, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  /** The clear text; a SecretKeyMismatch when no key this box holds opens it. */
  open(value: string, context: string): string {
    const [tag, keyId, iv, sealed, authTag, ...rest] = value.split(':');
    if (tag !== version || !keyId || !iv || !sealed || !authTag || rest.length > 0) {
      throw new SecretKeyMismatch('the value is not sealed');
    }
    const key = this.keyFor(keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(context))
        .setAuthTag(Buffer.from(authTag, 'base64url'));
      const clear = Buffer.concat([
        decipher.update(Buffer.from(sealed, 'base64url')),
        decipher.final(),
      ]);
      return clear.toString('utf8');
    } catch {
      throw new SecretKeyMismatch(`the value sealed under key ${keyId} was altered or moved`);
    }
  }

  /** Whether the value is sealed under the current key (nothing to do when rotating). */
  sealedUnderCurrentKey(value: string): boolean {
    return isSealed(value) && value.split(':')[1] === this.keyId;
  }

  private keyFor(keyId: string): Buffer {
    if (keyId === this.keyId) return this.key;
    if (keyId === this.previous?.keyId) return this.previous.key;
    throw new SecretKeyMismatch(`the value was sealed under another key (${keyId})`);
  }
}
