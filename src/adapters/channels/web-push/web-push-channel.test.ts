import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import webpush from 'web-push';
import type { OutboundPush, PushOutcome, PushTarget } from '../../../app/ports/push-channel.js';
import { startLocalPushService, type LocalPushService } from './local-push-service.js';
import { createWebPushChannel, type WebPushChannel, type WebPushChannelConfig } from './web-push-channel.js';

const logger = pino({ enabled: false });
const vapid = webpush.generateVAPIDKeys();

function channelFor(overrides: Partial<WebPushChannelConfig> = {}): WebPushChannel {
  return createWebPushChannel(
    {
      vapid,
      subject: 'mailto:beheer@burgernet.nl',
      encryptionThreads: 0,
      maxInFlight: 16,
      connectionsPerOrigin: 4,
      maxAttempts: 4,
      maxRetryDelayMs: 2_000,
      requestTimeoutMs: 5_000,
      batchSize: 8,
      ...overrides,
    },
    { logger },
  );
}

const push = (payload: object, overrides: Partial<OutboundPush> = {}): OutboundPush => ({
  payload: JSON.stringify(payload),
  urgency: 'high',
  ttlSeconds: 7_200,
  topic: null,
  ...overrides,
});

function phones(service: LocalPushService, n: number, applicationServerKey: string = vapid.publicKey): PushTarget[] {
  return Array.from({ length: n }, () => {
    const { id, subscription } = service.createSubscription({ applicationServerKey });
    return {
      subscriptionId: id,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
    };
  });
}

async function sendAll(
  channel: WebPushChannel,
  targets: readonly PushTarget[],
  message: OutboundPush,
): Promise<Map<string, PushOutcome>> {
  const outcomes = new Map<string, PushOutcome>();
  await channel.send(targets, message, (target, outcome) => outcomes.set(target.subscriptionId, outcome));
  return outcomes;
}

describe('the Web Push channel against the local push service', () => {
  let service: LocalPushService;
  before(async () => {
    service = await startLocalPushService();
  });
  after(() => service.close());

  for (const threads of [0, 2]) {
    test(`every phone decrypts exactly what was sent, with its headers (${threads} encryption threads)`, async () => {
      const channel = channelFor({ encryptionThreads: threads });
      try {
        const targets = phones(service, 20);
        const payload = {
          type: 'alert',
          actionId: 'a1',
          title: 'Burgernet: vermissing',
          body: 'Vermist: Sanne (8), roze jas — één',
          url: '/acties/a1',
        };
        const outcomes = await sendAll(
          channel,
          targets,
          push(payload, { urgency: 'high', ttlSeconds: 600, topic: 'abc123' }),
        );
        assert.equal(outcomes.size, 20);
        assert.ok([...outcomes.values()].every((o) => o.kind === 'accepted'));
        for (const t of targets) {
          const [received, ...more] = service.received(t.subscriptionId);
          assert.equal(more.length, 0);
          assert.equal(received?.decryptError, null);
          assert.deepEqual(JSON.parse(received?.plaintext ?? 'null'), payload);
          assert.equal(received?.urgency, 'high');
          assert.equal(received?.ttl, 600);
          assert.equal(received?.topic, 'abc123');
        }
      } finally {
        await channel.close();
      }
    });
  }

  test('signs one VAPID token for the push service and reuses it for every message', async () => {
    const channel = channelFor();
    try {
      const before_ = service.stats().tokensVerified;
      const targets = phones(service, 30);
      await sendAll(channel, targets, push({ n: 1 }));
      await sendAll(channel, targets, push({ n: 2 }));
      const tokens = new Set(targets.flatMap((t) => service.received(t.subscriptionId).map((r) => r.vapidToken)));
      assert.equal(tokens.size, 1);
      assert.equal(channel.stats().tokensSigned, 1);
      assert.equal(service.stats().tokensVerified - before_, 1);
      // The token the service checked is for its origin and names the operator.
      const claims = JSON.parse(Buffer.from([...tokens][0]!.split('.')[1]!, 'base64url').toString('utf8')) as {
        aud: string;
        sub: string;
        exp: number;
      };
      assert.equal(claims.aud, service.origin);
      assert.equal(claims.sub, 'mailto:beheer@burgernet.nl');
      assert.ok(claims.exp * 1000 > Date.now() + 3_600_000);
    } finally {
      await channel.close();
    }
  });

  test('410 and 404 mean the subscription is gone; the others still get it', async () => {
    const channel = channelFor();
    try {
      const [gone, unknown, fine] = phones(service, 3) as [PushTarget, PushTarget, PushTarget];
      service.fail(gone.subscriptionId, { kind: 'gone' });
      service.fail(unknown.subscriptionId, { kind: 'not-found' });
      const outcomes = await sendAll(channel, [gone, unknown, fine], push({ n: 1 }));
      assert.deepEqual(outcomes.get(gone.subscriptionId), { kind: 'gone' });
      assert.deepEqual(outcomes.get(unknown.subscriptionId), { kind: 'gone' });
      assert.deepEqual(outcomes.get(fine.subscriptionId), { kind: 'accepted' });
      assert.equal(service.received(gone.subscriptionId).length, 0);
    } finally {
      await channel.close();
    }
  });

  test('429 with Retry-After and 500 are retried until the push service takes it', async () => {
    const channel = channelFor();
    try {
      const [throttled, erring] = phones(service, 2) as [PushTarget, PushTarget];
      service.fail(throttled.subscriptionId, { kind: 'throttled', times: 2, retryAfterSeconds: 0 });
      service.fail(erring.subscriptionId, { kind: 'server-error', times: 1 });
      const retriesBefore = channel.stats().retries;
      const outcomes = await sendAll(channel, [throttled, erring], push({ n: 1 }));
      assert.deepEqual(outcomes.get(throttled.subscriptionId), { kind: 'accepted' });
      assert.deepEqual(outcomes.get(erring.subscriptionId), { kind: 'accepted' });
      assert.equal(channel.stats().retries - retriesBefore, 3);
      assert.equal(service.received(throttled.subscriptionId).length, 1);
    } finally {
      await channel.close();
    }
  });

  test('gives up after its tries, and on a token the push service refuses, as failed', async () => {
    const channel = channelFor({ maxAttempts: 2 });
    try {
      const [erring] = phones(service, 1) as [PushTarget];
      const [otherKey] = phones(service, 1, webpush.generateVAPIDKeys().publicKey) as [PushTarget];
      service.fail(erring.subscriptionId, { kind: 'server-error', times: 5 });
      const outcomes = await sendAll(channel, [erring, otherKey], push({ n: 1 }));
      assert.equal(outcomes.get(erring.subscriptionId)?.kind, 'failed');
      assert.equal(outcomes.get(otherKey.subscriptionId)?.kind, 'failed');
      assert.match((outcomes.get(otherKey.subscriptionId) as { reason: string }).reason, /403/);
    } finally {
      await channel.close();
    }
  });

  test('an unreachable push service fails after the retries', async () => {
    const channel = channelFor({ maxAttempts: 2 });
    try {
      const closed = await startLocalPushService();
      const [target] = phones(closed, 1) as [PushTarget];
      await closed.close();
      const outcomes = await sendAll(channel, [target], push({ n: 1 }));
      assert.match(
        (outcomes.get(target.subscriptionId) as { kind: string; reason?: string }).reason ?? '',
        /unreachable/,
      );
    } finally {
      await channel.close();
    }
  });
});
