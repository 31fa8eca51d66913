import * as oidc from 'openid-client';
import type { Config } from '../config.ts';

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  groupsClaim: string;
  localLogin: boolean;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export type SsoConfig = Pick<Config, 'PUBLIC_URL'> &
  Partial<
    Pick<
      Config,
      | 'OIDC_ISSUER'
      | 'OIDC_CLIENT_ID'
      | 'OIDC_CLIENT_SECRET'
      | 'OIDC_SCOPES'
      | 'OIDC_GROUPS_CLAIM'
      | 'OIDC_LOCAL_LOGIN'
    >
  >;

/** Sign-on is on when an issuer is configured; the redirect URI follows from PUBLIC_URL. */
export function ssoSettingsFrom(config: SsoConfig): SsoSettings | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return null;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    scopes: config.OIDC_SCOPES ?? 'openid profile email',
    groupsClaim: config.OIDC_GROUPS_CLAIM ?? 'groups',
    localLogin: config.OIDC_LOCAL_LOGIN !== 'off',
    redirectUri: new URL('/auth/oidc/callback', config.PUBLIC_URL).toString(),
    postLogoutRedirectUri: new URL('/login', config.PUBLIC_URL).toString(),
  };
}

export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedLogin {
  claims: oidc.IDToken;
  idToken: string;
}

/**
 * The relying party towards one identity provider. The provider's metadata is fetched on first
 * use (and again after a failure), so the server starts even while the provider is unreachable.
 */
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(readonly settings: SsoSettings) {}

  async authorizationUrl(checks: LoginChecks): Promise<URL> {
    const configuration = await this.discover();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Redeems the code; the library checks state, PKCE, the ID token's signature, iss, aud and nonce. */
  async redeem(query: string, checks: LoginChecks): Promise<VerifiedLogin> {
    const configuration = await this.discover();
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = query;
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('The token response held no ID token');
    return { claims, idToken: tokens.id_token };
  }

  /** Where to send the browser to end the provider's session too, when the provider offers that. */
  async endSessionUrl(idToken: string): Promise<URL | null> {
    const configuration = await this.discover();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
    });
  }

  private discover(): Promise<oidc.Configuration> {
    // The ID token's signature is checked too, not only TLS to the token endpoint: regions often
    // inspect TLS in proxies, and a forged token must not become a session there either.
    const execute = [oidc.enableNonRepudiationChecks];
    if (isLoopback(this.settings.issuer)) execute.push(oidc.allowInsecureRequests);
    this.configuration ??= oidc
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        undefined,
        this.settings.clientSecret
          ? oidc.ClientSecretBasic(this.settings.clientSecret)
          : oidc.None(),
        { execute },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }
}

/** Plain http is accepted only for a provider on this machine (tests, local trials). */
function isLoopback(issuer: string): boolean {
  const { hostname } = new URL(issuer);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** The groups claim as a list of strings, whether the provider sends a list or one value. */
export function groupsFrom(claims: oidc.IDToken, claimName: string): string[] {
  const value = claims[claimName];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}
