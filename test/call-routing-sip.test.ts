import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { after, before, describe, test } from 'node:test';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { malformedThenValidScenario, redirectScenario, type CallerIdentity } from './support/redirect-scenarios.js';
import { runSipp } from './support/sipp-client.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

const NATIONAL = 'sip:landelijk@politie.test';

describe('0800-0011 over SIP: a platform (SIPp) is redirected to the right meldkamer', () => {
  let t: TestSystem;
  let amsterdam: RegisteredParticipant;
  let twoActions: RegisteredParticipant;
  let groningen: RegisteredParticipant;
  let utrechtMeldkamer: string;
  let amsterdamAction: string;
  let utrechtAction: string;
  const routed: { actionId: string; meldkamerCode: string; transport: string }[] = [];

  const meldkamerOf = (p: RegisteredParticipant, i = 0) =>
    t.system.geodata.gemeenten.find((g) => g.code === p.registrations[i]!.gemeenteCode)!.policeUnitCode;
  const targetOf = (code: string) => `sip:meldkamer-${code.toLowerCase()}@politie.nl`;

  const call = async (caller: CallerIdentity, expectedContact: string, transport: 'udp' | 'tcp' = 'udp') => {
    const run = await runSipp({
      scenario: redirectScenario(caller, expectedContact),
      host: '127.0.0.1',
      port: t.system.callRouting.redirectServer.port,
      transport,
    });
    await run.cleanup();
    return run;
  };
  const routings = async <Row>(sql: string, params: unknown[] = []) => {
    await t.system.callRouting.log.flush();
    return t.system.database.query<Row>(sql, params);
  };
  const assertPassed = (run: Awaited<ReturnType<typeof call>>) =>
    assert.equal(
      run.code,
      0,
      `sipp failed:\n${run.errors}\n${run.messages.slice(-3_000)}\n${run.output.slice(-1_000)}`,
    );

  const startAction = async (meldkamer: string, around: RegisteredParticipant, registration: number) => {
    const centralist = t.api(await t.staffToken('centralist', meldkamer));
    const created = await centralist.post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Sanne (8), blond haar, roze jas.',
      area: { kind: 'circle', centre: around.registrations[registration]!.location, radiusMetres: 2_000 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await centralist.post(`/api/v1/actions/${created.body.id}/start`)).status, 200);
    return created.body.id as string;
  };
  const sentTo = async (phone: string, actionId: string) =>
    eventually(async () => {
      const rows = await t.system.database.query<{ status: string }>(
        'select status from deliveries where msisdn = $1 and action_id = $2',
        [phone, actionId],
      );
      assert.ok(
        rows.some((r) => r.status === 'submitted' || r.status === 'delivered'),
        `no SMS sent yet to ${phone}`,
      );
    }, 60_000);

  before(async () => {
    t = await startTestSystem({ REDIRECT_NATIONAL_TARGET: NATIONAL });
    t.system.callRouting.events.subscribe((e) =>
      routed.push({ actionId: e.actionId, meldkamerCode: e.meldkamerCode, transport: e.transport }),
    );
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    amsterdam = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '0612340001', postcode: '1012AB', houseNumber: 1 },
    ]);
    twoActions = await registerParticipant(beheer, 'Bram Jansen', [
      { phone: '0612340002', postcode: '1012AB', houseNumber: 3 },
      { phone: '0612340002', postcode: '3511AB', houseNumber: 1 },
    ]);
    groningen = await registerParticipant(beheer, 'Chris Bakker', [
      { phone: '0612340003', postcode: '9711AB', houseNumber: 1 },
    ]);
    utrechtMeldkamer = meldkamerOf(twoActions, 1);
    assert.equal(meldkamerOf(amsterdam), 'RE05');
    assert.notEqual(utrechtMeldkamer, 'RE05');
    assert.notEqual(meldkamerOf(groningen), 'RE05');

    amsterdamAction = await startAction('RE05', amsterdam, 0);
    await sentTo('+31612340001', amsterdamAction);
    await sentTo('+31612340002', amsterdamAction);
    utrechtAction = await startAction(utrechtMeldkamer, twoActions, 1);
    await sentTo('+31612340002', utrechtAction);
  });
  after(() => t.stop());

  test('a participant of an active action reaches the meldkamer of that action, over UDP and TCP', async () => {
    const acks = t.system.callRouting.redirectServer.stats.acks;
    assertPassed(await call({ from: '0612340001' }, targetOf('RE05')));
    assertPassed(await call({ from: '+31612340001' }, targetOf('RE05'), 'tcp'));
    await eventually(() =>
      assert.equal(t.system.callRouting.redirectServer.stats.acks, acks + 2, 'each ACK matched its INVITE transaction'),
    );
    const rows = await routings<{ action_id: string; meldkamer_code: string; reason: string; transport: string }>(
      'select action_id, meldkamer_code, reason, transport from call_routings where action_id = $1 order by id',
      [amsterdamAction],
    );
    assert.deepEqual(
      rows.map((r) => [r.meldkamer_code, r.reason, r.transport]),
      [
        ['RE05', 'active-action', 'sip-udp'],
        ['RE05', 'active-action', 'sip-tcp'],
      ],
    );
    assert.deepEqual(
      routed.filter((r) => r.actionId === amsterdamAction).map((r) => r.transport),
      ['sip-udp', 'sip-tcp'],
    );
  });

  test('P-Asserted-Identity names the caller when From is anonymous', async () => {
    assertPassed(
      await call(
        { from: 'anonymous', assertedIdentity: 'sip:+31612340001@platform.test;user=phone' },
        targetOf('RE05'),
      ),
    );
  });

  test('a number that got actions of two meldkamers reaches the one whose message came last', async () => {
    assertPassed(await call({ from: '0612340002' }, targetOf(utrechtMeldkamer)));
    const [row] = await routings<{ action_id: string; reason: string; candidates: number }>(
      'select action_id, reason, candidates from call_routings order by id desc limit 1',
    );
    assert.deepEqual({ ...row }, { action_id: utrechtAction, reason: 'most-recent-action', candidates: 2 });
  });

  test('a registered number without an action reaches the meldkamer of its address; a changed routing target is used at once', async () => {
    const code = meldkamerOf(groningen);
    assertPassed(await call({ from: '0612340003' }, targetOf(code)));
    await t.system.database.execute('update meldkamers set phone_routing_target = $2 where code = $1', [
      code,
      '+31501234567',
    ]);
    assertPassed(await call({ from: '0612340003' }, 'tel:+31501234567'));
  });

  test('an unknown or anonymous caller reaches the national default', async () => {
    assertPassed(await call({ from: '0612349999' }, NATIONAL));
    assertPassed(await call({ from: 'anonymous' }, NATIONAL));
    const reasons = await routings<{ reason: string; meldkamer_code: string | null }>(
      'select reason, meldkamer_code from call_routings order by id desc limit 2',
    );
    assert.deepEqual(
      reasons.map((r) => [r.reason, r.meldkamer_code]),
      [
        ['no-caller-number', null],
        ['national-default', null],
      ],
    );
  });

  test('the wrong Contact fails the SIPp check (the checks above can fail)', async () => {
    const run = await call({ from: '0612340001' }, NATIONAL);
    assert.equal(run.code, 1, run.output);
  });

  test('a malformed INVITE gets a clean 400 and the server keeps answering', async () => {
    const before = { ...t.system.callRouting.redirectServer.stats };
    for (const transport of ['udp', 'tcp'] as const) {
      const run = await runSipp({
        scenario: malformedThenValidScenario({ from: '0612340001' }, targetOf('RE05')),
        host: '127.0.0.1',
        port: t.system.callRouting.redirectServer.port,
        transport,
      });
      await run.cleanup();
      assertPassed(run);
    }
    assert.ok(t.system.callRouting.redirectServer.stats.badRequests >= before.badRequests + 2);
    assertPassed(await call({ from: '0612340001' }, targetOf('RE05')));
  });

  test('garbage datagrams are survived: no crash, and the next call is answered', async () => {
    const socket = createSocket('udp4');
    const dropped = t.system.callRouting.redirectServer.stats.dropped;
    const garbage = [
      Buffer.from([0, 1, 2, 255]),
      Buffer.from('INVITE sip:x SIP/2.0\r\n'),
      Buffer.alloc(20_000, 'A'),
      Buffer.from('SIP/2.0 200 OK\r\nVia: x\r\n\r\n'),
    ];
    for (const datagram of garbage)
      await new Promise<void>((resolve, reject) =>
        socket.send(datagram, t.system.callRouting.redirectServer.port, '127.0.0.1', (e) =>
          e ? reject(e) : resolve(),
        ),
      );
    await eventually(() => assert.equal(t.system.callRouting.redirectServer.stats.dropped, dropped + garbage.length));
    socket.close();
    assertPassed(await call({ from: '0612340001' }, targetOf('RE05')));
  });
});

describe('0800-0011 over SIP from an address that is not the platform', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem({ REDIRECT_ALLOWED_ADDRESSES: '192.0.2.0/24' });
  });
  after(() => t.stop());

  test('SIPp over TCP is cut off before anything is read', async () => {
    const run = await runSipp({
      scenario: redirectScenario({ from: '0612340001' }, NATIONAL),
      host: '127.0.0.1',
      port: t.system.callRouting.redirectServer.port,
      transport: 'tcp',
      timeoutSeconds: 10,
    });
    await run.cleanup();
    assert.notEqual(run.code, 0);
    assert.ok(t.system.callRouting.redirectServer.stats.refused >= 1);
    assert.equal(t.system.callRouting.redirectServer.stats.invites, 0);
  });

  test('without a platform token configured, the HTTP variant is not served', async () => {
    const response = await t.system.http.inject({
      method: 'POST',
      url: '/api/v1/call-routing',
      payload: { caller: '0612340001' },
    });
    assert.equal(response.statusCode, 404);
  });

  test('a request over UDP is dropped unanswered', async () => {
    const socket = createSocket('udp4');
    const answers: Buffer[] = [];
    socket.on('message', (m) => answers.push(m));
    const refused = t.system.callRouting.redirectServer.stats.refused;
    const options = [
      'OPTIONS sip:08000011@127.0.0.1 SIP/2.0',
      'Via: SIP/2.0/UDP 127.0.0.1:9;rport;branch=z9hG4bKx',
      'From: <sip:0612340001@p>;tag=1',
      'To: <sip:08000011@r>',
      'Call-ID: c1',
      'CSeq: 1 OPTIONS',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    await new Promise<void>((resolve, reject) =>
      socket.send(options, t.system.callRouting.redirectServer.port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
    );
    await eventually(() => assert.equal(t.system.callRouting.redirectServer.stats.refused, refused + 1));
    socket.close();
    assert.deepEqual(answers, []);
    await t.system.callRouting.log.flush();
    assert.equal(await t.system.database.query('select 1 from call_routings').then((r) => r.length), 0);
  });
});
