// A software WebAuthn authenticator for server tests: an EC P-256 key from node:crypto, an
// attestation of format 'none' and assertions built by hand per the WebAuthn spec (§6.1 the
// authenticator data, §6.5.4 the 'none' attestation, §6.3.3 the assertion signature).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const flagUserPresent = 0x01;
const flagUserVerified = 0x04;
const flagAttestedData = 0x40;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  counter = 0;

  get id(): string {
    return b64url(this.credentialId);
  }

  /** The public key as COSE (kty EC2, alg ES256, crv P-256, x, y). */
  private cosePublicKey(): Uint8Array {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  private authenticatorData(rpId: string, flags: number, attested?: Uint8Array): Buffer {
    return Buffer.concat([
      sha256(rpId),
      Buffer.from([flags]),
      uint32(this.counter),
      ...(attested ? [attested] : []),
    ]);
  }

  private static clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** A RegistrationResponseJSON for these options, as a browser would send it. */
  register(options: { challenge: string; rpId: string; origin: string }) {
    const attested = Buffer.concat([
      Buffer.alloc(16),
      Buffer.from([0, this.credentialId.length]),
      this.credentialId,
      this.cosePublicKey(),
    ]);
    const authData = this.authenticatorData(
      options.rpId,
      flagUserPresent | flagUserVerified | flagAttestedData,
      attested,
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, never> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, never>()],
        ['authData', authData],
      ]),
    );
    const clientDataJSON = SoftwareAuthenticator.clientData(
      'webauthn.create',
      options.challenge,
      options.origin,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['usb'],
      },
      clientExtensionResults: {},
    };
  }

  /** An AuthenticationResponseJSON; the counter steps by one unless told what to report. */
  assert(options: { challenge: string; rpId: string; origin: string; counter?: number }) {
    this.counter = options.counter ?? this.counter + 1;
    const authData = this.authenticatorData(options.rpId, flagUserPresent | flagUserVerified);
    const clientDataJSON = SoftwareAuthenticator.clientData(
      'webauthn.get',
      options.challenge,
      options.origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      this.keys.privateKey,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
    };
  }
}
