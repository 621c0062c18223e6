import assert from 'node:assert/strict';
import { latLngToCell } from 'h3-js';
import type { LocalPushService } from '../../src/adapters/channels/web-push/local-push-service.js';
import type { ApiClient } from './test-system.js';

export interface SimulatedPhone {
  /** The subscription id the server gave. */
  readonly id: string;
  readonly deviceToken: string;
  /** The local push service's id of this phone. */
  readonly pushId: string;
  /** Messages the phone received, decrypted, oldest first. */
  received(): readonly {
    readonly type: string;
    readonly actionId: string;
    readonly title: string;
    readonly body: string;
    readonly url: string;
  }[];
  /** Sends its cell (resolution 7) as the app does, for a point the phone knows. */
  moveTo(location: { readonly lat: number; readonly lon: number }): Promise<number>;
}

/** A phone as the app makes it: it subscribes at the push service with the server's VAPID key, then with the server. */
export async function subscribePhone(api: ApiClient, pushService: LocalPushService): Promise<SimulatedPhone> {
  const key = await api.get('/app/v1/push/vapid-public-key');
  assert.equal(key.status, 200, JSON.stringify(key.body));
  const { id: pushId, subscription } = pushService.createSubscription({ applicationServerKey: key.body.publicKey });
  const created = await api.post('/app/v1/push/subscriptions', {
    subscription: { ...subscription, expirationTime: null },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id, deviceToken } = created.body as { id: string; deviceToken: string };
  return {
    id,
    deviceToken,
    pushId,
    received: () => pushService.received(pushId).map((m) => JSON.parse(m.plaintext ?? 'null')),
    async moveTo(location) {
      const response = await api.raw(`/app/v1/push/subscriptions/${id}/presence`, {
        method: 'PUT',
        headers: { authorization: `Device ${deviceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ cell: latLngToCell(location.lat, location.lon, 7) }),
      });
      await response.text();
      return response.status;
    },
  };
}
