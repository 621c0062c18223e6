import { randomUUID } from 'node:crypto';
import { hashApiToken, newApiToken } from '../src/adapters/auth/api-token.js';
import type { Store } from '../src/app/ports/stores.js';
import { apiTokenLifetime } from '../src/domain/staff/api-token-lifetime.js';

/** A centralist of the meldkamer with a fresh API token, as `burgernet staff create` makes one. */
export async function createCentralistToken(store: Store, meldkamerCode: string): Promise<string> {
  const id = randomUUID();
  const token = newApiToken();
  await store.transaction(async (s) => {
    await s.staff.createStaff({
      id,
      name: `Bench centralist ${meldkamerCode}`,
      role: 'centralist',
      meldkamerCode,
      gemeenteCode: null,
    });
    await s.staff.addToken(id, hashApiToken(token), 'bench', apiTokenLifetime(new Date(), 365)!);
  });
  return token;
}

export interface ApiCall {
  readonly status: number;
  readonly body: unknown;
}

/** A JSON request to the running API, as a client sends it. */
export async function callApi(
  baseUrl: string,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiCall> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export function idOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') return body.id;
  throw new Error(`no id in ${JSON.stringify(body)}`);
}
