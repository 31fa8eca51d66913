import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

export const clientId = 'lagesbild-test';
export const clientSecret = 'ett-hemligt-klientlosenord-for-test';

/**
 * A real OpenID provider (oidc-provider) on a loopback port, with its development login and
 * consent pages. `tamperIdTokens` makes it hand out ID tokens whose claims were changed after
 * signing, as an attacker in the middle would.
 */
export class TestIdentityProvider {
  readonly accounts = new Map<string, TestAccount>();
  tamperIdTokens = false;
  private server: http.Server | null = null;
  issuer = '';

  async start(appUrl: string): Promise<void> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [new URL('/auth/oidc/callback', appUrl).toString()],
          post_logout_redirect_uris: [new URL('/login', appUrl).toString()],
        },
      ],
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name'],
        groups: ['groups'],
      },
      scopes: ['openid', 'groups'],
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      cookies: { keys: ['nycklar-for-testleverantoren'] },
      findAccount: (_context: unknown, accountId: string) => {
        const account = this.accounts.get(accountId);
        if (!account) return undefined;
        return {
          accountId,
          claims: async () => ({ sub: accountId, email_verified: true, ...account }),
        };
      },
    });
    const handle = provider.callback();
    server.on('request', (request, response) => {
      if (this.tamperIdTokens && request.url === '/token') tamperTokenResponse(response);
      handle(request, response);
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Rewrites the ID token in a token response: other claims, the original signature. */
function tamperTokenResponse(response: http.ServerResponse): void {
  const end = response.end.bind(response) as (chunk?: unknown) => http.ServerResponse;
  response.end = ((chunk?: unknown) => {
    if (chunk === undefined || typeof chunk === 'function') return end(chunk);
    const body = JSON.parse(String(chunk)) as { id_token?: string };
    if (body.id_token) {
      const [header, payload, signature] = body.id_token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      claims.groups = ['lagesbild-systemadmin'];
      const forged = Buffer.from(JSON.stringify(claims)).toString('base64url');
      body.id_token = [header, forged, signature].join('.');
    }
    const text = JSON.stringify(body);
    response.setHeader('content-length', Buffer.byteLength(text));
    return end(text);
  }) as typeof response.end;
}
