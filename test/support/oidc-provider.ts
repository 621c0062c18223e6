import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Who logs in at the provider next, and the claims their ID token carries besides iss/aud/sub/nonce/exp/iat. */
export interface ProviderUser {
  readonly sub: string;
  readonly claims?: Record<string, unknown>;
}

/** A fault the next ID token has, to check that the portal refuses it. */
export type TokenFault = 'foreign-key' | 'wrong-audience' | 'wrong-issuer' | 'wrong-nonce' | 'expired' | 'no-signature';

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly nonce: string;
  readonly user: ProviderUser;
  used: boolean;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A small OpenID Connect provider on loopback (port 0), standing in for a police or gemeente identity provider:
 * discovery, a JWKS with an RSA key made here, an authorize endpoint that "logs in" the user the test chose and
 * redirects back with a code, and a token endpoint that checks the client secret and PKCE and issues an RS256
 * ID token. Faults are chosen per login.
 */
export class TestOidcProvider {
  readonly #server: Server;
  readonly #key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly #foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly #kid = randomBytes(6).toString('hex');
  readonly #codes = new Map<string, IssuedCode>();
  readonly #redirectUris = new Set<string>();
  issuer = '';
  /** The user the next authorization logs in; null: the user cancels (error=access_denied). */
  user: ProviderUser | null = null;
  /** A fault for the next ID token only. */
  fault: TokenFault | null = null;
  /**
   * When true, the authorize endpoint shows a login page whose button the user presses (a browser test): the way
   * back to the portal then starts on the provider's site, as with a real provider.
   */
  interactive = false;
  readonly #waiting = new Map<string, URLSearchParams>();
  readonly authorizeRequests: URLSearchParams[] = [];
  readonly tokenRequests: URLSearchParams[] = [];

  private constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  }

  static async start(
    clientId = 'burgernetplein',
    clientSecret = randomBytes(24).toString('base64url'),
  ): Promise<TestOidcProvider> {
    const provider = new TestOidcProvider(clientId, clientSecret);
    await new Promise<void>((resolve) => provider.#server.listen(0, '127.0.0.1', resolve));
    provider.issuer = `http://127.0.0.1:${(provider.#server.address() as AddressInfo).port}`;
    return provider;
  }

  /** The portal's callback, registered once the portal's address is known. */
  allowRedirectUri(uri: string): void {
    this.#redirectUris.add(uri);
  }

  stop(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) =>
      response
        .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(body));
    if (request.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return void json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        scopes_supported: ['openid', 'email', 'profile'],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (request.method === 'GET' && url.pathname === '/jwks') {
      return void json(200, {
        keys: [{ ...this.#key.publicKey.export({ format: 'jwk' }), kid: this.#kid, alg: 'RS256', use: 'sig' }],
      });
    }
    if (request.method === 'GET' && url.pathname === '/authorize') return this.#authorize(url.searchParams, response);
    if (request.method === 'POST' && url.pathname === '/token')
      return this.#token(request, await formOf(request), json);
    if (request.method === 'POST' && url.pathname === '/login') {
      const waiting = this.#waiting.get((await formOf(request)).get('request') ?? '');
      if (waiting === undefined) return void response.writeHead(400).end();
      return this.#redirectBack(waiting, response);
    }
    response.writeHead(404).end();
  }

  #authorize(q: URLSearchParams, response: ServerResponse): void {
    this.authorizeRequests.push(q);
    const redirectUri = q.get('redirect_uri') ?? '';
    const valid =
      q.get('response_type') === 'code' &&
      q.get('client_id') === this.clientId &&
      this.#redirectUris.has(redirectUri) &&
      q.get('code_challenge_method') === 'S256' &&
      /^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '') &&
      (q.get('scope') ?? '').split(' ').includes('openid') &&
      (q.get('state') ?? '') !== '' &&
      (q.get('nonce') ?? '') !== '';
    if (!valid)
      return void response.writeHead(400, { 'content-type': 'text/plain' }).end('invalid authorization request');
    if (this.interactive) {
      const id = randomBytes(12).toString('hex');
      this.#waiting.set(id, q);
      return void response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="nl"><head><title>Inloggen</title></head><body><main><h1>Test-inlog</h1><form method="post" action="/login"><input type="hidden" name="request" value="${id}"><button type="submit">Inloggen</button></form></main></body></html>`,
        );
    }
    this.#redirectBack(q, response);
  }

  #redirectBack(q: URLSearchParams, response: ServerResponse): void {
    const redirectUri = q.get('redirect_uri')!;
    const back = new URL(redirectUri);
    back.searchParams.set('state', q.get('state')!);
    back.searchParams.set('iss', this.issuer);
    if (this.user === null) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = randomBytes(24).toString('base64url');
      this.#codes.set(code, {
        clientId: this.clientId,
        redirectUri,
        codeChallenge: q.get('code_challenge')!,
        nonce: q.get('nonce')!,
        user: this.user,
        used: false,
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.href }).end();
  }

  #token(request: IncomingMessage, form: URLSearchParams, json: (status: number, body: unknown) => void): void {
    this.tokenRequests.push(form);
    // client_secret_basic: both parts form-urlencoded, then Base64 (RFC 6749, 2.3.1).
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [id, secret] = Buffer.from(basic ?? '', 'base64')
      .toString('utf8')
      .split(':')
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    if (id !== this.clientId || secret !== this.clientSecret) return json(401, { error: 'invalid_client' });
    const issued = this.#codes.get(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (
      form.get('grant_type') !== 'authorization_code' ||
      issued === undefined ||
      issued.used ||
      issued.redirectUri !== form.get('redirect_uri') ||
      b64url(createHash('sha256').update(verifier).digest()) !== issued.codeChallenge
    ) {
      return json(400, { error: 'invalid_grant' });
    }
    issued.used = true;
    const fault = this.fault;
    this.fault = null;
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      ...issued.user.claims,
      iss: fault === 'wrong-issuer' ? 'https://elders.example' : this.issuer,
      aud: fault === 'wrong-audience' ? 'iemand-anders' : issued.clientId,
      sub: issued.user.sub,
      nonce: fault === 'wrong-nonce' ? 'een-andere-nonce' : issued.nonce,
      iat: fault === 'expired' ? now - 7200 : now,
      exp: fault === 'expired' ? now - 3600 : now + 300,
    };
    json(200, {
      access_token: randomBytes(16).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: this.#jwt(payload, fault),
    });
  }

  #jwt(payload: Record<string, unknown>, fault: TokenFault | null): string {
    const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.#kid }))}.${b64url(JSON.stringify(payload))}`;
    if (fault === 'no-signature') return `${input}.`;
    const key: KeyObject = fault === 'foreign-key' ? this.#foreignKey.privateKey : this.#key.privateKey;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
  }
}
