// WebAuthn (security keys and passkeys) with @simplewebauthn/server. The relying party is the
// configured PUBLIC_URL and nothing else: request headers never choose the rpID or origin.
// The library (with its X.509 and ASN.1 parsers, about 6 MB of heap) loads at the first use of a
// security key, not at start.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isIP } from 'node:net';
import type { WebauthnOptions } from '../../contract/mfa.ts';
import type { StoredCredential } from './webauthn-repository.ts';

const rpName = 'Lägesbild';
/** How long the browser and the server wait for the key: the same 5 minutes as the code step. */
export const webauthnTimeoutMs = 5 * 60_000;

export interface RelyingParty {
  id: string;
  origin: string;
}

/**
 * The relying party of the configured PUBLIC_URL, or null when there can be none: browsers refuse
 * an IP address as the rpID, and a derived PUBLIC_URL names no address users actually open.
 */
export function relyingPartyOf(publicUrl: string, derived = false): RelyingParty | null {
  const url = new URL(publicUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (derived || isIP(host) !== 0) return null;
  return { id: url.hostname, origin: url.origin };
}

export async function registrationOptions(
  rp: RelyingParty,
  user: { id: number; email: string; name: string },
  existing: StoredCredential[],
): Promise<WebauthnOptions> {
  const { generateRegistrationOptions } = await import('@simplewebauthn/server');
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(String(user.id)),
    timeout: webauthnTimeoutMs,
    attestationType: 'none',
    excludeCredentials: existing.map((credential) => ({
      id: credential.credentialId,
      transports: credential.transports,
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  return { ...options };
}

/** The new credential, or null when the answer does not hold (challenge, origin, rpID, signature). */
export async function verifiedRegistration(
  rp: RelyingParty,
  response: RegistrationResponseJSON,
  claimChallenge: (challenge: string) => Promise<boolean>,
) {
  const { verifyRegistrationResponse } = await import('@simplewebauthn/server');
  const { isoBase64URL } = await import('@simplewebauthn/server/helpers');
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: claimChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return null;
  const { credential } = result.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
  };
}

export async function authenticationOptions(
  rp: RelyingParty,
  credentials: StoredCredential[],
): Promise<WebauthnOptions> {
  const { generateAuthenticationOptions } = await import('@simplewebauthn/server');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: webauthnTimeoutMs,
    userVerification: 'preferred',
    allowCredentials: credentials.map((credential) => ({
      id: credential.credentialId,
      transports: credential.transports,
    })),
  });
  return { ...options };
}

/**
 * The counter the key reports, or null when the assertion does not hold. The library is given
 * a stored counter of 0 so that it checks the signature only; the caller compares the counters
 * itself, to tell a key that went backwards (a possible clone) from a wrong answer.
 */
export async function verifiedAssertion(
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  credential: StoredCredential,
  claimChallenge: (challenge: string) => Promise<boolean>,
): Promise<number | null> {
  const { verifyAuthenticationResponse } = await import('@simplewebauthn/server');
  const { isoBase64URL } = await import('@simplewebauthn/server/helpers');
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: claimChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: credential.credentialId,
      publicKey: isoBase64URL.toBuffer(credential.publicKey),
      counter: 0,
      transports: credential.transports,
    },
    requireUserVerification: false,
  }).catch(() => null);
  return result?.verified ? result.authenticationInfo.newCounter : null;
}

/** Per the WebAuthn spec: a counter that does not grow, where either side counts, is refused. */
export function counterWentBack(stored: number, reported: number): boolean {
  return (stored > 0 || reported > 0) && reported <= stored;
}
