import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';
import { TestClock } from './support/test-clock.js';

// Monday 23 November 2026, 10:00 in Amsterdam.
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');
// Short calls: fast speech, the message once.
const FAST_CALLS = { VOICE_TTS_WORDS_PER_MINUTE: '400', VOICE_PLAYS: '1' };

const ANSWERS = '+31201234501';
const BUSY = '+31201234502';
const ALSO_ANSWERS = '+31201234503';
const SMS = '+31612345010';

async function voiceDeliveries(t: TestSystem, actionId: string, kind: string) {
  return t.system.database.query<{
    msisdn: string;
    status: string;
    call_outcome: string | null;
    attempts: number;
    played_ms: number | null;
    next_attempt_at: Date | null;
  }>(
    `select d.msisdn, d.status, d.call_outcome, d.attempts, d.played_ms, d.next_attempt_at
     from deliveries d join action_messages m on m.id = d.message_id
     where d.action_id = $1 and d.channel = 'voice' and m.kind = $2 order by d.msisdn`,
    [actionId, kind],
  );
}

describe('voice participants are called, over HTTP and SIP', () => {
  let t: TestSystem;
  let centralist: string;
  let anna: RegisteredParticipant;
  let actionId: string;
  const calls = (n: string) => t.system.voice.simulator!.callsTo(n);

  before(async () => {
    t = await startTestSystem(
      { ...FAST_CALLS, VOICE_RETRIES: '1', VOICE_RETRY_PAUSE_SECONDS: '1' },
      { clock: new TestClock(MONDAY_MORNING) },
    );
    centralist = await t.staffToken('centralist', 'RE05');
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    anna = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '020 123 4501', postcode: '1012AB', houseNumber: 1, channel: 'voice' },
    ]);
    await registerParticipant(beheer, 'Bram Jansen', [
      { phone: '020 123 4502', postcode: '1012AB', houseNumber: 3, channel: 'voice' },
    ]);
    await registerParticipant(beheer, 'Cor Smit', [
      { phone: '020 123 4503', postcode: '1012AB', houseNumber: 5, channel: 'voice' },
    ]);
    await registerParticipant(beheer, 'Dirk Bos', [{ phone: '06 1234 5010', postcode: '1012AB', houseNumber: 7 }]);
    t.system.voice.simulator!.behave(BUSY, 'busy');
  });
  after(() => t.stop());

  test('starting an action calls every voice participant and counts the outcomes', async () => {
    const created = await t.api(centralist).post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Sanne, acht jaar.',
      area: { kind: 'circle', centre: anna.registrations[0]!.location, radiusMetres: 2000 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    actionId = created.body.id;
    assert.equal((await t.api(centralist).post(`/api/v1/actions/${actionId}/start`)).status, 200);

    const progress = await eventually(async () => {
      const p = await t.api(centralist).get(`/api/v1/actions/${actionId}/progress`);
      assert.equal(p.body.byKind.alert.voice.delivered, 2);
      assert.equal(p.body.byKind.alert.voice.failed, 1);
      return p.body;
    }, 60_000);
    assert.equal(
      progress.byKind.alert.sms.delivered + progress.byKind.alert.sms.submitted,
      1,
      'the SMS participant got an SMS',
    );
    assert.deepEqual(progress.calls, {
      byOutcome: { answered: 2, busy: 2, 'no-answer': 0, rejected: 0, failed: 0, unavailable: 0 },
      waitingForRetry: 0,
    });
    assert.equal(t.system.sms.simulator!.countByNumber(SMS), 1);

    // Each answered number got one call with the caller ID 0800-0011 and heard the message as audio.
    for (const n of [ANSWERS, ALSO_ANSWERS]) {
      assert.equal(calls(n).length, 1);
      assert.match(calls(n)[0]!.from, /sip:\+318000011@/);
      assert.match(calls(n)[0]!.assertedIdentity ?? '', /sip:\+318000011@/);
      assert.ok(calls(n)[0]!.audioBytes > 8_000, 'at least a second of audio arrived');
    }
    // Busy: called once more after the pause, then given up.
    assert.equal(calls(BUSY).length, 2);
    const rows = await voiceDeliveries(t, actionId, 'alert');
    assert.deepEqual(
      rows.map((r) => [r.msisdn, r.status, r.call_outcome, r.attempts]),
      [
        [ANSWERS, 'delivered', 'answered', 1],
        [BUSY, 'failed', 'busy', 2],
        [ALSO_ANSWERS, 'delivered', 'answered', 1],
      ],
    );
    const answered = calls(ANSWERS)[0]!;
    assert.equal(rows[0]!.played_ms, answered.audioBytes / 8, 'the stored play time is the audio the callee received');
    const history = await t.system.database.query<{ outcome: string; sip_status: number | null }>(
      `select c.outcome, c.sip_status from voice_calls c join deliveries d on d.id = c.delivery_id where d.msisdn = $1 order by c.attempt`,
      [BUSY],
    );
    assert.deepEqual(history, [
      { outcome: 'busy', sip_status: 486 },
      { outcome: 'busy', sip_status: 486 },
    ]);
  });

  test('closing calls the numbers that heard the alert, in the daytime', async () => {
    const closed = await t.api(centralist).post(`/api/v1/actions/${actionId}/close`, { result: 'gevonden' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    await eventually(async () => {
      const p = await t.api(centralist).get(`/api/v1/actions/${actionId}/progress`);
      assert.equal(p.body.byKind.closing.voice.delivered, 2);
    }, 60_000);
    assert.equal(calls(ANSWERS).length, 2);
    assert.equal(calls(ALSO_ANSWERS).length, 2);
    assert.equal(calls(BUSY).length, 2, 'a number that never heard the alert is not called to hear it is over');
  });
});

describe('voice calls and the end of an action', () => {
  let t: TestSystem;
  let clock: TestClock;
  let actionId: string;
  const calls = (n: string) => t.system.voice.simulator!.callsTo(n);

  before(async () => {
    clock = new TestClock(MONDAY_MORNING);
    t = await startTestSystem({ ...FAST_CALLS, VOICE_RETRIES: '3', VOICE_RETRY_PAUSE_SECONDS: '3600' }, { clock });
    const centralist = await t.staffToken('centralist', 'RE05');
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    const anna = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '020 123 4501', postcode: '1012AB', houseNumber: 1, channel: 'voice' },
    ]);
    await registerParticipant(beheer, 'Bram Jansen', [
      { phone: '020 123 4502', postcode: '1012AB', houseNumber: 3, channel: 'voice' },
    ]);
    t.system.voice.simulator!.behave(BUSY, 'busy');
    const created = await t.api(centralist).post('/api/v1/actions', {
      type: 'inbraak',
      message: 'Inbraak gezien.',
      area: { kind: 'circle', centre: anna.registrations[0]!.location, radiusMetres: 1000 },
    });
    actionId = created.body.id;
    await t.api(centralist).post(`/api/v1/actions/${actionId}/start`);
    await eventually(async () => {
      const rows = await voiceDeliveries(t, actionId, 'alert');
      assert.deepEqual(
        rows.map((r) => [r.status, r.call_outcome]),
        [
          ['delivered', 'answered'],
          ['queued', 'busy'],
        ],
      );
    }, 60_000);
    // Closed late in the evening.
    clock.set(new Date('2026-11-23T22:30:00Z'));
    const closed = await t.api(centralist).post(`/api/v1/actions/${actionId}/close`, { result: 'aangehouden' });
    assert.equal(closed.status, 200);
  });
  after(() => t.stop());

  test('a closing call that falls at night waits until 08:00 Amsterdam time', async () => {
    const waiting = await eventually(async () => {
      const [closing] = await voiceDeliveries(t, actionId, 'closing');
      assert.ok(closing?.next_attempt_at, 'the dispatcher looked at it and put it off');
      return closing;
    }, 30_000);
    assert.equal(waiting.status, 'queued');
    assert.equal(waiting.next_attempt_at!.toISOString(), '2026-11-24T07:00:00.000Z');
    assert.equal(waiting.attempts, 0, 'putting it off is not an attempt');
    assert.equal(calls(ANSWERS).length, 1, 'nobody was called at night');

    clock.set(new Date('2026-11-24T07:00:30Z'));
    await eventually(
      async () => assert.equal((await voiceDeliveries(t, actionId, 'closing'))[0]?.status, 'delivered'),
      60_000,
    );
    assert.equal(calls(ANSWERS).length, 2);
  });

  test('a busy number waiting for its retry is not called again once the action is closed', async () => {
    const [, busy] = await voiceDeliveries(t, actionId, 'alert');
    assert.equal(busy!.status, 'cancelled');
    assert.equal(busy!.call_outcome, 'busy');
    assert.equal(calls(BUSY).length, 1);
    assert.equal(
      (await voiceDeliveries(t, actionId, 'closing')).length,
      1,
      'only the number that heard the alert gets the closing',
    );
  });
});
