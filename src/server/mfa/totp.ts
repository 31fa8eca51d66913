import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

const issuer = 'Lägesbild';
/** One step either side of now (30 s each), for a phone clock a little off. */
const toleranceSeconds = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/**
 * The otpauth:// address an authenticator app reads, and the same as a QR code in SVG (the QR
 * library loads when someone first sets up an app, not at start).
 */
export async function provisioning(secret: string, account: string) {
  const { default: QRCode } = await import('qrcode');
  const uri = generateURI({ issuer, label: account, secret });
  const qrCodeSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M' });
  return { uri, qrCodeSvg };
}

/**
 * The time step the code belongs to, or null when it is wrong or of a step at or before
 * `afterTimeStep` (a code already used, or older than one that was).
 */
export async function totpTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: toleranceSeconds,
    ...(afterTimeStep !== null && { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
export const recoveryCodeCount = 10;

/** Ten codes of 3 × 4 characters without look-alikes (about 59 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const characters = Array.from(
      { length: 12 },
      () => recoveryAlphabet[randomInt(recoveryAlphabet.length)],
    );
    return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
  });
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
export function normalisedRecoveryCode(code: string): string | null {
  const bare = code.toLowerCase().replace(/[\s-]/g, '');
  if (!/^[a-z0-9]{12}$/.test(bare)) return null;
  return [bare.slice(0, 4), bare.slice(4, 8), bare.slice(8)].join('-');
}
