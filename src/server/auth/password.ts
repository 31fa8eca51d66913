import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt with N=2^15, r=8 needs 32 MiB per hash: memory-hard, about 50-100 ms here. */
export const productionCostLog2 = 15;
/** The lowest cost a test run may ask for. */
export const lowestTestCostLog2 = 10;

/**
 * The scrypt parameters new hashes get. LAGESBILD_TEST_PASSWORD_COST (log2 of N) lowers the cost
 * for a test run (scripts/run-tests.ts sets it) where hashing is not what is tested; it never
 * raises or lowers it beyond these bounds, and an installation leaves it unset.
 */
export function scryptParameters(testCostLog2: string | undefined) {
  const costLog2 = testCostLog2 === undefined ? productionCostLog2 : Number(testCostLog2);
  if (
    !Number.isInteger(costLog2) ||
    costLog2 < lowestTestCostLog2 ||
    costLog2 > productionCostLog2
  ) {
    throw new Error(
      `LAGESBILD_TEST_PASSWORD_COST must be a whole number from ${lowestTestCostLog2} to ${productionCostLog2}`,
    );
  }
  return { N: 2 ** costLog2, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
}

const parameters = scryptParameters(process.env.LAGESBILD_TEST_PASSWORD_COST);
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

/** What a password may not be built on: the product's name, besides the person's own names. */
const productName = 'lagesbild';
/** Characters a password must have beside the names it contains. */
const minimumOwnPart = 8;
const lookAlikes: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

export interface PasswordOwner {
  email: string;
  name: string;
}

/** Returns a reason in Swedish when the password is too weak, otherwise null. */
export function passwordWeakness(password: string, owner: PasswordOwner): string | null {
  if (password.length < 12) return 'Lösenordet måste ha minst 12 tecken.';
  if (password.length > 200) return 'Lösenordet får ha högst 200 tecken.';
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || /^(.)\1+$/.test(password)) {
    return 'Lösenordet är för vanligt. Välj ett annat.';
  }
  const localPart = owner.email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && lowered.includes(localPart)) {
    return 'Lösenordet får inte innehålla din e-postadress.';
  }
  if (isBuiltOnNames(password, namesOf(owner))) {
    return 'Lösenordet bygger på ett namn: Lägesbilds, organisationens eller ditt eget. Välj ett lösenord som inte gör det.';
  }
  return null;
}

/**
 * The product's name, the organisation's (the labels of the e-mail domain before its top-level
 * domain, such as "regionvast" in regionvast.se) and the person's names, folded like passwords.
 */
function namesOf(owner: PasswordOwner): string[] {
  const [localPart = '', domain = ''] = owner.email.toLowerCase().split('@');
  const words = [
    productName,
    ...domain.split('.').slice(0, -1),
    ...localPart.split(/[._+-]/),
    ...owner.name.split(/[\s-]+/),
  ];
  return [...new Set(words.map(folded))]
    .filter((word) => word.length >= 4)
    .sort((a, b) => b.length - a.length);
}

/** Lower case, without accents (ä → a) and with digits and signs read as the letters they mimic. */
function folded(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[013457@$]/g, (character) => lookAlikes[character] ?? character);
}

/** A name in it, and fewer than `minimumOwnPart` characters besides: "Lägesbild2024!". */
function isBuiltOnNames(password: string, names: string[]): boolean {
  const whole = folded(password);
  const rest = names.reduce((remaining, name) => remaining.replaceAll(name, ''), whole);
  return rest.length < whole.length && rest.length < minimumOwnPart;
}
