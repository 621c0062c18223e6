import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import { DAM, circle, seedAmsterdam, settled, startAction, type StartedAction } from './support/sms-actions.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const TRIAL_MESSAGES = 3;
const PROBE_MS = 1_000;

/** kpn (SMPP_HOST, priority 1) and vodafone (priority 2), each a simulator; failover thresholds short for a test. */
const twoSmscs = (kpn: SmscSimulator, vodafone: SmscSimulator) => ({
  SMSC: 'external',
  SMPP_HOST: kpn.host,
  SMPP_PORT: String(kpn.port),
  SMPP_PROFILE: 'kpn',
  SMPP_SECONDARY_PROFILES: JSON.stringify([
    { name: 'vodafone', host: vodafone.host, port: vodafone.port, systemId: 'burgernet', password: 'secret' },
  ]),
  // Slow enough that an action is still being sent when the test pulls the plug.
  SMPP_MESSAGES_PER_SECOND: '150',
  // Long enough that a busy machine's receipts still come in time for the half-open check.
  SMSC_FAILOVER_RECEIPT_SECONDS: '2',
  SMSC_FAILOVER_MIN_SAMPLE: '10',
  SMSC_FAILOVER_UNBOUND_SECONDS: '1',
  SMSC_FAILOVER_PROBE_SECONDS: String(PROBE_MS / 1_000),
  SMSC_FAILOVER_TRIAL_MESSAGES: String(TRIAL_MESSAGES),
  SMSC_FAILOVER_HEALTHY_SECONDS: '1',
});

const INBRAAK = { type: 'inbraak', message: 'Inbraak: man met rode jas en zwarte rugzak.', area: circle(DAM, 1_500) };

interface SmscHealthJson {
  readonly profile: string;
  readonly state: 'up' | 'down' | 'half-open';
  readonly since: string;
  readonly reason: string | null;
}

async function healthOf(t: TestSystem, profile: string): Promise<SmscHealthJson> {
  const response = await fetch(`${t.url}/health`);
  const body = (await response.json()) as { smsc: SmscHealthJson[] };
  const found = body.smsc.find((h) => h.profile === profile);
  assert.ok(found, JSON.stringify(body));
  return found;
}

const sentTo = (smsc: SmscSimulator, action: StartedAction) => smsc.messages.filter((m) => m.text === action.text);

/** Everyone got the alert complete exactly once, over both SMSCs together. */
function onceEach(action: StartedAction, ...smscs: SmscSimulator[]): void {
  const perNumber = new Map<string, number>();
  for (const m of smscs.flatMap((s) => sentTo(s, action))) perNumber.set(m.to, (perNumber.get(m.to) ?? 0) + 1);
  assert.equal(perNumber.size, action.recipients, 'nobody left without the alert');
  const twice = [...perNumber.values()].filter((n) => n > 1).length;
  assert.equal(twice, 0, `${twice} numbers got the alert complete more than once`);
}

/** Every SMS of the action delivered on the receipts of the SMSC it went to, none set aside. */
async function allDelivered(api: ApiClient, action: StartedAction) {
  const p = await settled(api, action);
  assert.equal(p.byKind.alert.sms.delivered, action.recipients, JSON.stringify(p.totals));
  assert.equal(p.receiptsSetAside, 0);
  return p;
}

async function withFailoverSystem(run: (t: TestSystem, kpn: SmscSimulator, vodafone: SmscSimulator) => Promise<void>) {
  const [kpn, vodafone] = await Promise.all([startSmscSimulator(), startSmscSimulator()]);
  const t = await startTestSystem(twoSmscs(kpn, vodafone));
  try {
    await seedAmsterdam(t.system.database, 3_000);
    await run(t, kpn, vodafone);
  } finally {
    await t.stop();
    await Promise.all([kpn.close(), vodafone.close()]);
  }
}

describe('two SMSCs with failover', () => {
  test('the primary refuses binds mid-action: the rest goes to the secondary, nobody is left out or gets it twice, every receipt counts where it belongs', async () => {
    await withFailoverSystem(async (t, kpn, vodafone) => {
      const centralist = t.api(await t.staffToken('centralist', 'RE05'));
      const action = await startAction(centralist, INBRAAK);
      assert.ok(action.recipients >= 200, `a few hundred recipients, got ${action.recipients}`);
      await kpn.waitFor(() => sentTo(kpn, action).length >= 50, 15_000);

      kpn.refuseBinds();
      const pulled = Date.now();
      await eventually(async () => assert.equal((await healthOf(t, 'kpn')).state, 'down'));
      await vodafone.waitFor(() => sentTo(vodafone, action).length > 0, 15_000);
      // Observed, not asserted: how long the SMS went nowhere.
      console.log(`failover: first SMS on the secondary ${Date.now() - pulled} ms after the primary refused binds`);
      assert.equal((await healthOf(t, 'kpn')).reason, 'bind-failed');

      // Receipts the primary still owes for what it took before come once it is back (it is down for a while yet).
      kpn.acceptBinds();
      const p = await allDelivered(centralist, action);
      onceEach(action, kpn, vodafone);
      const bySmsc = new Map(
        (p.smsBySmsc as { smsc: string; parts: number; receipts: number; delivered: number }[]).map((s) => [s.smsc, s]),
      );
      assert.equal(bySmsc.get('kpn')?.parts, sentTo(kpn, action).length);
      assert.equal(bySmsc.get('vodafone')?.parts, sentTo(vodafone, action).length);
      for (const s of bySmsc.values()) assert.equal(s.delivered, s.parts, `${s.smsc}: every part delivered`);
    });
  });

  test('the primary withholding receipts loses its traffic; back, it gets trial messages first and the traffic only after the check', async () => {
    await withFailoverSystem(async (t, kpn, vodafone) => {
      const centralist = t.api(await t.staffToken('centralist', 'RE05'));
      kpn.holdReceipts();
      // The half-open check tries the primary with this action's own SMS: wide enough that some are still to go by
      // then, also on a busy machine (at 150 a second, about ten seconds of traffic).
      const first = await startAction(centralist, { ...INBRAAK, area: circle(DAM, 4_000) });
      const downSince = await eventually(async () => {
        const health = await healthOf(t, 'kpn');
        assert.deepEqual([health.state, health.reason], ['down', 'receipts-missing']);
        return Date.parse(health.since);
      });
      // Its receipts come again; after the probe period it is checked with trial messages.
      kpn.sendReceipts();
      await vodafone.waitFor(() => sentTo(vodafone, first).length > 0, 15_000);
      const upSince = await eventually(async () => {
        const health = await healthOf(t, 'kpn');
        assert.equal(health.state, 'up');
        return Date.parse(health.since);
      }, 60_000);
      assert.ok(upSince > downSince);
      await allDelivered(centralist, first);
      onceEach(first, kpn, vodafone);
      // From the moment it went down until it was up again, the primary got the trial messages and nothing more. Submits
      // already on their way when it went down may still land (the simulator shares this process's event loop), so
      // the count starts half a probe period later: no trial can come before a whole one.
      const meanwhile = sentTo(kpn, first).filter((m) => {
        const at = m.receivedAt.getTime();
        return at >= downSince + PROBE_MS / 2 && at < upSince;
      }).length;
      console.log(`failover: ${meanwhile} trial SMS on the primary, back up after ${upSince - downSince} ms`);
      assert.ok(meanwhile <= TRIAL_MESSAGES, `${meanwhile} SMS on the primary while it was not up`);

      // Up again, the primary has all the traffic.
      const second = await startAction(centralist, { ...INBRAAK, message: 'Inbraak: de man is gezien bij de Dam.' });
      await allDelivered(centralist, second);
      assert.deepEqual([sentTo(kpn, second).length, sentTo(vodafone, second).length], [second.recipients, 0]);
    });
  });
});
