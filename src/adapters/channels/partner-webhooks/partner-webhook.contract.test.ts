import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import type { BroadcastChannel } from '../../../app/ports/broadcast-channel.js';
import type { Logger } from '../../../app/ports/logger.js';
import type { PublicView } from '../../../domain/action/public-view.js';
import type { ActionEvent, ActionEventKind } from '../../../domain/broadcast/action-event.js';
import {
  createPartnerWebhookChannel,
  PARTNER_WEBHOOK_USER_AGENT,
  type PartnerWebhook,
} from './partner-webhook-channel.js';
import { partnerWebhookPayload } from './partner-webhook-payload.js';
import {
  SIMULATOR_MOVED_PATH,
  startPartnerWebhookSimulator,
  type PartnerWebhookSimulatorOptions,
} from './partner-webhook-simulator.js';
import { generateWebhookSecret, type WebhookSecret } from './standard-webhook-signature.js';

const PUBLIC_BASE_URL = 'https://www.burgernet.nl';

/** A clock a test can move. */
function testClock(start = new Date()) {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

/** Keeps every log line, to show that no secret or body ever reaches one. */
function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const log = (fields: object, message: string) => void lines.push(JSON.stringify({ ...fields, message }));
  return { lines, info: log, warn: log, error: log, debug: log };
}

function actionEvent(
  kind: ActionEventKind = 'action.started',
  sequence = 1,
  actionId: string = randomUUID(),
): ActionEvent {
  const action: PublicView = {
    id: actionId,
    number: 'BN-2025-000042',
    type: 'diefstal',
    missingChild: false,
    status: 'actief',
    meldkamerCode: 'RE13',
    text: 'Gezocht: fietsendief, blauwe jas, richting station.',
    description: 'Man, ongeveer 30 jaar.',
    instructions: 'Bel 112 als u hem ziet.',
    area: { kind: 'circle', centre: { lat: 52.3676, lon: 4.9041 }, radiusMetres: 2000 },
    showPhoto: true,
    call: '112',
    acceptsTips: true,
    startedAt: new Date('2025-03-01T14:00:00Z'),
    endedAt: null,
    updatedAt: new Date('2025-03-01T14:00:00Z'),
    result: null,
    closingText: null,
  };
  return {
    id: randomUUID(),
    kind,
    sequence,
    occurredAt: new Date('2025-03-01T14:00:00Z'),
    action,
    updateText: kind === 'action.updated' ? 'Hij is gezien.' : null,
  };
}

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function setUp(
  options: {
    readonly sent?: readonly WebhookSecret[];
    readonly partner?: Partial<PartnerWebhookSimulatorOptions>;
    readonly channel?: Partial<PartnerWebhook>;
  } = {},
) {
  const sent = options.sent ?? [generateWebhookSecret()];
  const partnerClock = testClock();
  const simulator = await startPartnerWebhookSimulator({ secrets: sent, clock: partnerClock, ...options.partner });
  cleanups.push(() => simulator.close());
  const clock = testClock();
  const logger = recordingLogger();
  const channel = createPartnerWebhookChannel(
    { id: 'amber-alert-nl', url: simulator.url, secrets: sent, timeoutMs: 5_000, ...options.channel },
    { clock, logger, publicBaseUrl: PUBLIC_BASE_URL },
  );
  cleanups.push(() => channel.close());
  return { simulator, channel, clock, partnerClock, logger, sent };
}

const retry = (reason: string, status: number | null = null, retryAfterMs: number | null = null) => ({
  kind: 'retry',
  reason,
  status,
  retryAfterMs,
});
const rejected = (reason: string, status: number | null) => ({ kind: 'rejected', reason, status });

describe('partner webhook channel against the simulated partner', () => {
  test('delivers events in order, signed so the partner verifies them, the payload byte for byte', async () => {
    const { simulator, channel, clock, logger, sent } = await setUp();
    assert.equal(channel.destination, 'partner-webhook:amber-alert-nl');
    const events = [
      actionEvent('action.started', 1),
      actionEvent('action.updated', 2),
      actionEvent('action.closed', 3),
    ];
    for (const event of events) assert.deepEqual(await channel.publish(event), { kind: 'delivered', status: 200 });

    assert.deepEqual(
      simulator.events.map((e) => e.webhookId),
      events.map((e) => e.id),
    );
    assert.deepEqual(
      simulator.events.map((e) => e.body),
      events.map((e) => JSON.stringify(partnerWebhookPayload(e, PUBLIC_BASE_URL))),
    );
    assert.equal(simulator.events[1]?.payload.data.updateText, 'Hij is gezien.');
    const headers = simulator.deliveries[0]?.headers ?? {};
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['user-agent'], PARTNER_WEBHOOK_USER_AGENT);
    assert.equal(headers['webhook-timestamp'], String(Math.floor(clock.now().getTime() / 1000)));
    assert.ok(simulator.connections <= 2, `kept connections open, used ${simulator.connections}`);
    assert.equal(simulator.refusals.size, 0);
    const logged = logger.lines.join('\n');
    for (const secret of sent) assert.ok(!logged.includes(secret.slice(6)));
    assert.ok(!logged.includes('fietsendief'));
  });

  test('takes only the kinds the partner asked for', async () => {
    const { channel } = await setUp({ channel: { events: ['action.started', 'action.closed'] } });
    assert.deepEqual(
      (['action.started', 'action.widened', 'action.updated', 'action.closed', 'action.withdrawn'] as const).map(
        (kind) => channel.accepts(actionEvent(kind)),
      ),
      [true, false, false, true, false],
    );
  });

  test('a repeat of a delivered event is answered 200 and dropped by the partner', async () => {
    const { simulator, channel } = await setUp();
    const event = actionEvent();
    assert.equal((await channel.publish(event)).kind, 'delivered');
    assert.equal((await channel.publish(event)).kind, 'delivered');
    assert.equal(simulator.events.length, 1);
    assert.equal(simulator.duplicates, 1);
  });

  test('a sender with the wrong secret is refused (401) and the event comes back rejected', async () => {
    const { simulator, channel } = await setUp({ channel: { secrets: [generateWebhookSecret()] } });
    assert.deepEqual(await channel.publish(actionEvent()), rejected('http-401', 401));
    assert.equal(simulator.refusals.get('no-matching-signature'), 1);
    assert.equal(simulator.events.length, 0);
  });

  test('a request replayed after the tolerance is refused as too old', async () => {
    const { simulator, channel, partnerClock } = await setUp();
    assert.equal((await channel.publish(actionEvent())).kind, 'delivered');
    const original = simulator.deliveries[0]!;
    partnerClock.advance(6 * 60_000);
    const replay = await fetch(simulator.url, { method: 'POST', headers: original.headers, body: original.body });
    assert.equal(replay.status, 401);
    assert.equal(simulator.refusals.get('timestamp-too-old'), 1);
    assert.equal(simulator.duplicates, 0);
  });

  test('a sender whose clock runs ahead is refused as from the future', async () => {
    const { simulator, channel, clock } = await setUp();
    clock.advance(10 * 60_000);
    assert.deepEqual(await channel.publish(actionEvent()), rejected('http-401', 401));
    assert.equal(simulator.refusals.get('timestamp-in-future'), 1);
  });

  test('during a secret rotation a partner holding either key verifies', async () => {
    const [next, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    for (const held of [[previous], [next]]) {
      const { simulator, channel } = await setUp({ sent: [next, previous], partner: { secrets: held } });
      assert.deepEqual(await channel.publish(actionEvent()), { kind: 'delivered', status: 200 });
      assert.equal(simulator.deliveries[0]?.headers['webhook-signature']?.split(' ').length, 2);
    }
    const { simulator, channel } = await setUp({ sent: [next], partner: { secrets: [previous] } });
    assert.deepEqual(await channel.publish(actionEvent()), rejected('http-401', 401));
    assert.equal(simulator.refusals.get('no-matching-signature'), 1);
  });

  test('each named failure of the partner maps to its outcome', async () => {
    const { simulator, channel } = await setUp({ partner: { retryAfterSeconds: 7 } });
    const expected = [
      ['error-500', retry('http-500', 500)],
      ['throttle-429', retry('http-429', 429, 7_000)],
      ['reject-400', rejected('http-400', 400)],
      ['gone-410', rejected('http-410', 410)],
      ['redirect-302', rejected('redirect-not-followed', 302)],
    ] as const;
    for (const [fault, outcome] of expected) {
      await simulator.behave(fault);
      assert.deepEqual(await channel.publish(actionEvent()), outcome, fault);
    }
    assert.equal(
      simulator.deliveries.filter((d) => d.path === SIMULATOR_MOVED_PATH).length,
      0,
      'followed the redirect',
    );
    assert.equal(simulator.events.length, 0);
  });

  test('a partner that is down refuses the connection; once up on the same port, the event gets through', async () => {
    const { simulator, channel } = await setUp();
    assert.equal((await channel.publish(actionEvent())).kind, 'delivered');
    await simulator.behave('down');
    const event = actionEvent();
    assert.deepEqual(await channel.publish(event), retry('connection-refused'));
    await simulator.behave('healthy');
    assert.deepEqual(await channel.publish(event), { kind: 'delivered', status: 200 });
    assert.equal(simulator.events.at(-1)?.webhookId, event.id);
  });

  test('a slow partner times out; the retry arrives as a duplicate of what it had already processed', async () => {
    const { simulator, channel } = await setUp({ channel: { timeoutMs: 300 }, partner: { slowMs: 60_000 } });
    await simulator.behave('slow');
    const event = actionEvent();
    const started = Date.now();
    assert.deepEqual(await channel.publish(event), retry('timeout'));
    assert.ok(Date.now() - started < 10_000);
    await simulator.behave('healthy');
    assert.deepEqual(await channel.publish(event), { kind: 'delivered', status: 200 });
    assert.equal(simulator.events.length, 1);
    assert.equal(simulator.duplicates, 1);
  });

  test('closing ends a request under way, and a closed channel sends nothing', async () => {
    const { simulator, channel } = await setUp({ partner: { slowMs: 60_000 } });
    await simulator.behave('slow');
    const pending = channel.publish(actionEvent());
    await simulator.waitFor(() => simulator.deliveries.length === 1);
    await channel.close();
    assert.deepEqual(await pending, retry('channel-closed'));
    assert.deepEqual(await channel.publish(actionEvent()), retry('channel-closed'));
    assert.equal(simulator.deliveries.length, 1);
  });

  test('an event id no receiver could verify is rejected without a request', async () => {
    const { simulator, channel } = await setUp();
    assert.deepEqual(await channel.publish({ ...actionEvent(), id: 'evt.1' }), rejected('invalid-webhook-id', null));
    assert.equal(simulator.deliveries.length, 0);
  });
});

describe('createPartnerWebhookChannel', () => {
  const deps = { clock: testClock(), logger: recordingLogger(), publicBaseUrl: PUBLIC_BASE_URL };
  const partner = (url: string): PartnerWebhook => ({
    id: 'media',
    url,
    secrets: [generateWebhookSecret()],
    timeoutMs: 1_000,
  });
  const open = (url: string): BroadcastChannel => {
    const channel = createPartnerWebhookChannel(partner(url), deps);
    cleanups.push(() => channel.close());
    return channel;
  };

  test('takes https anywhere and plain http only on this machine', () => {
    for (const url of [
      'https://partner.example/hooks',
      'http://127.0.0.1:9/hooks',
      'http://localhost/hooks',
      'http://[::1]:8080/',
    ])
      open(url);
    for (const url of [
      'http://partner.example/hooks',
      'http://10.0.0.5/hooks',
      'https://user:pw@partner.example/',
      'ftp://partner.example/',
    ]) {
      assert.throws(() => open(url), RangeError, url);
    }
  });
});
