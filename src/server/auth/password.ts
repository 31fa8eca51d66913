import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt with N=2^15, r=8 needs 32 MiB per hash: memory-hard, about 50-100 ms here.
const parameters = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFC'), salt, keyLength, parameters);
  return [
    'scrypt',
    parameters.N,
    parameters.r,
    parameters.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: parameters.maxmem,
    },
  );
  return timingSafeEqual(actual, expected);
}

/** Spends the same time as a real check, so a login for an unknown account is not faster. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password, dummyHash);
  return false;
}

const dummyHash = await hashPassword(randomBytes(12).toString('hex'));

/** A readable one-time password: four groups of letters and digits without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const characters = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]);
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

const commonPasswords = new Set([
  '123456789012',
  'password1234',
  'lösenord1234',
  'losenord1234',
  'qwertyuiopå',
  'qwertyuiop12',
  'sommar2024!!',
  'sommar2025!!',
  'vinter2024!!',
  'välkommen123',
  'valkommen123',
  'administrator',
  'letmein12345',
  'iloveyou1234',
]);

/** Returns a reason in Swedish when the password is too weak, otherwise null. */
export function passwordWeakness(password: string, email: string): string | null {
  if (password.length < 12) return 'Lösenordet måste ha minst 12 tecken.';
  if (password.length > 200) return 'Lösenordet får ha högst 200 tecken.';
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || /^(.)\1+$/.test(password)) {
    return 'Lösenordet är för vanligt. Välj ett annat.';
  }
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && lowered.includes(localPart)) {
    return 'Lösenordet får inte innehålla din e-postadress.';
  }
  return null;
}
