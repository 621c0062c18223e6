import assert from 'node:assert/strict';
import type { ApiClient } from './test-system.js';

export interface NewRegistration {
  readonly phone: string;
  readonly postcode: string;
  readonly houseNumber: number;
  readonly channel?: 'sms' | 'voice';
  readonly timeWindows?: readonly { day: string; from: string; to: string }[];
}

export interface RegisteredParticipant {
  readonly id: string;
  readonly registrations: readonly {
    id: string;
    phone: string;
    location: { lat: number; lon: number };
    gemeenteCode: string;
  }[];
}

/** Registers a participant over the API, as relatiebeheer would, and returns what the API stored. */
export async function registerParticipant(
  api: ApiClient,
  name: string,
  registrations: readonly NewRegistration[],
): Promise<RegisteredParticipant> {
  const response = await api.post('/api/v1/participants', {
    name,
    registrations: registrations.map((r) => ({ channel: 'sms', timeWindows: [], ...r })),
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body as RegisteredParticipant;
}
