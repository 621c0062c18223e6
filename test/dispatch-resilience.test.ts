import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import { registerParticipant } from './support/participants.js';
import {
  DAM,
  alertNumbersInStore,
  circle,
  countPerNumber,
  fullyQueued,
  progressOf,
  seedAmsterdam,
  sentTo,
  settled,
  startAction,
  type StartedAction,
} from './support/sms-actions.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

describe('dispatch when the SMSC misbehaves', () => {
  let t: TestSystem;
  let simulator: SmscSimulator;
  let centralist: ApiClient;
  const MAX_IN_FLIGHT = 50;
  // Each throttle response pauses the channel for a second and halves its rate, so a few dozen take seconds.
  const THROTTLED = 20;

  before(async () => {
    t = await startTestSystem({ SMPP_MESSAGES_PER_SECOND: '300', DISPATCH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT) });
    simulator = t.system.sms.simulator!;
    await seedAmsterdam(t.system.database, 3_000);
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
  });
  after(() => t.stop());

  test('an SMSC that throttles for a while still gets every alert exactly once, and all are delivered', async () => {
    const action = await startAction(centralist, {
      type: 'vermissing',
      message: 'Vermist: Daan (9), groene jas, blauwe pet.',
      area: circle(DAM, 1_500),
    });
    assert.ok(action.recipients >= 300, `several hundred recipients, got ${action.recipients}`);
    await simulator.waitFor(() => sentTo(simulator, action.text).length >= 50, 15_000);
    const submitsBefore = simulator.submitCount;
    const acceptedBefore = simulator.messages.length;
    simulator.throttle(THROTTLED);

    const progress = await settled(centralist, action);
    assert.deepEqual(progress.totals, {
      queued: 0,
      sending: 0,
      submitted: 0,
      delivered: action.recipients,
      failed: 0,
      expired: 0,
      cancelled: 0,
    });
    const counts = countPerNumber(sentTo(simulator, action.text));
    assert.equal(counts.size, action.recipients);
    assert.deepEqual([...new Set(counts.values())], [1], 'nobody got the alert twice');
    assert.deepEqual([...counts.keys()].sort(), await alertNumbersInStore(t.system.database, action.id));
    assert.equal(
      simulator.submitCount - submitsBefore,
      simulator.messages.length - acceptedBefore + THROTTLED,
      `the SMSC throttled ${THROTTLED} submits`,
    );
  });

  test('a connection lost mid-run resends at most what was in flight, and everyone gets the alert', async () => {
    const action = await startAction(centralist, {
      type: 'vermissing',
      message: 'Vermist: Finn (7), rode regenjas.',
      area: circle(DAM, 1_500),
    });
    const bindsBefore = simulator.bindCount;
    await simulator.waitFor(() => sentTo(simulator, action.text).length >= action.recipients / 3, 15_000);
    simulator.dropConnections();

    const progress = await settled(centralist, action);
    assert.deepEqual(progress.totals, {
      queued: 0,
      sending: 0,
      submitted: 0,
      delivered: action.recipients,
      failed: 0,
      expired: 0,
      cancelled: 0,
    });
    const sent = sentTo(simulator, action.text);
    const counts = countPerNumber(sent);
    assert.deepEqual(
      [...counts.keys()].sort(),
      await alertNumbersInStore(t.system.database, action.id),
      'every recipient got it',
    );
    assert.equal(counts.size, action.recipients);
    assert.ok(
      sent.length - counts.size <= MAX_IN_FLIGHT,
      `${sent.length - counts.size} duplicates, at most ${MAX_IN_FLIGHT} were in flight`,
    );
    assert.ok(simulator.bindCount >= bindsBefore + 2, 'both binds came back');
  });

  test('a number the SMSC refuses ends failed with its reason and is not tried again; the others are delivered', async () => {
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    // Amsterdam Zuidoost, 7 km from the Dam, where the other tests' areas do not reach.
    const refused = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '06 1234 5678', postcode: '1102 AB', houseNumber: 1 },
    ]);
    simulator.rejectNumber('+31612345678');
    const submitsBefore = simulator.submitCount;
    const acceptedBefore = simulator.messages.length;
    const action = await startAction(centralist, {
      type: 'vermissing',
      message: 'Vermist: Noor (10), gele fiets.',
      area: circle(refused.registrations[0]!.location, 800),
    });
    assert.ok(action.recipients >= 10, `a handful of recipients besides Anna, got ${action.recipients}`);

    const progress = await settled(centralist, action);
    assert.deepEqual(progress.totals, {
      queued: 0,
      sending: 0,
      submitted: 0,
      delivered: action.recipients - 1,
      failed: 1,
      expired: 0,
      cancelled: 0,
    });
    const sent = sentTo(simulator, action.text);
    assert.equal(sent.length, action.recipients - 1);
    assert.ok(!sent.includes('+31612345678'));
    const [refusedDelivery] = await t.system.database.query<{
      status: string;
      failure_reason: string;
      attempts: number;
    }>(`select status, failure_reason, attempts from deliveries where action_id = $1 and msisdn = $2`, [
      action.id,
      '+31612345678',
    ]);
    assert.equal(refusedDelivery?.status, 'failed');
    assert.match(refusedDelivery?.failure_reason ?? '', /ESME_RINVDSTADR/);
    assert.equal(refusedDelivery?.attempts, 1);
    assert.equal(
      simulator.submitCount - submitsBefore,
      simulator.messages.length - acceptedBefore + 1,
      'the refused number was submitted once',
    );
  });
});

describe('dispatch when the channel is busy', () => {
  let t: TestSystem;
  let simulator: SmscSimulator;
  let centralist: ApiClient;

  before(async () => {
    t = await startTestSystem({
      SMPP_MESSAGES_PER_SECOND: '100',
      DISPATCH_MAX_IN_FLIGHT: '20',
      DISPATCH_BATCH_SIZE: '10',
    });
    simulator = t.system.sms.simulator!;
    await seedAmsterdam(t.system.database, 3_000);
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
  });
  after(() => t.stop());

  const close = async (action: StartedAction, closingText?: string) => {
    const closed = await centralist.post(`/api/v1/actions/${action.id}/close`, {
      result: 'geen-resultaat',
      ...(closingText ? { closingText } : {}),
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    return closed.body as { recipients: number; cancelled: number };
  };

  /**
   * Starts an action that keeps the channel busy for seconds (priority 1), so that actions started next
   * wait in the queue together, and returns once its first SMS went out.
   */
  const keepChannelBusy = async (message: string) => {
    const busy = await startAction(centralist, { type: 'vermissing', message, area: circle(DAM, 1_500) });
    await fullyQueued(centralist, busy);
    await simulator.waitFor(() => sentTo(simulator, busy.text).length > 0, 15_000);
    return busy;
  };

  /** The busy action must still have had alerts waiting: only then were the later ones all queued before any was sent. */
  const assertStillBusy = async (busy: StartedAction) => {
    const p = await progressOf(centralist, busy.id);
    assert.ok(p.byKind.alert.sms.queued > 0, 'the busy action still had alerts waiting when the others were queued');
  };

  test('closing while alerts are queued cancels them, and the closing message goes only to those who got the alert', async () => {
    const action = await startAction(centralist, {
      type: 'vermissing',
      message: 'Vermist: Sem (6), blauwe jas.',
      area: circle(DAM, 1_500),
    });
    await fullyQueued(centralist, action);
    await simulator.waitFor(() => sentTo(simulator, action.text).length >= 30, 15_000);
    const closed = await close(action, 'Sem is terecht. Dank u.');
    assert.ok(closed.cancelled > 0, 'alerts were still queued');

    const progress = await settled(centralist, action);
    const alerted = countPerNumber(sentTo(simulator, action.text));
    const closing = countPerNumber(sentTo(simulator, 'Burgernet afgesloten: Sem is terecht. Dank u.'));
    assert.deepEqual([...new Set(alerted.values())], [1]);
    assert.deepEqual(
      [...closing.keys()].sort(),
      [...alerted.keys()].sort(),
      'the closing message went exactly to those who got the alert',
    );
    assert.deepEqual([...new Set(closing.values())], [1]);
    assert.equal(closed.recipients, alerted.size);
    assert.equal(progress.byKind.alert.sms.cancelled, closed.cancelled);
    assert.equal(progress.byKind.alert.sms.delivered, alerted.size);
    assert.equal(progress.byKind.alert.sms.delivered + closed.cancelled, action.recipients);
    assert.equal(progress.byKind.closing.sms.delivered, alerted.size);

    const cancelled = await t.system.database.query<{ msisdn: string }>(
      `select msisdn from deliveries where action_id = $1 and status = 'cancelled'`,
      [action.id],
    );
    assert.equal(cancelled.length, closed.cancelled);
    assert.ok(
      cancelled.every((c) => !alerted.has(c.msisdn) && !closing.has(c.msisdn)),
      'nothing went to a cancelled number',
    );
  });

  test('missing children go before an inbraak that was started earlier, and the SMSC gets their priority', async () => {
    // The first missing child keeps the channel busy; the inbraak and a second missing child queue up behind it.
    const busyChild = await startAction(centralist, {
      type: 'vermissing',
      missingChild: true,
      message: 'Vermist kind: Bram (4), gele laarzen.',
      area: circle(DAM, 1_000),
    });
    await simulator.waitFor(() => sentTo(simulator, busyChild.text).length > 0, 15_000);
    const inbraak = await startAction(centralist, {
      type: 'inbraak',
      message: 'Inbraak: twee mannen op een scooter.',
      area: circle(DAM, 700),
    });
    const child = await startAction(centralist, {
      type: 'vermissing',
      missingChild: true,
      message: 'Vermist kind: Lotte (5), roze jas.',
      area: circle(DAM, 700),
    });
    await fullyQueued(centralist, inbraak);
    await fullyQueued(centralist, child);
    await assertStillBusy(busyChild);

    await simulator.waitFor(
      () =>
        sentTo(simulator, busyChild.text).length === busyChild.recipients &&
        sentTo(simulator, child.text).length === child.recipients &&
        sentTo(simulator, inbraak.text).length >= 10,
      30_000,
    );
    const order = simulator.messages.map((m) => m.text);
    const lastChild = Math.max(order.lastIndexOf(child.text), order.lastIndexOf(busyChild.text));
    // Messages in flight together (two binds, up to DISPATCH_MAX_IN_FLIGHT) may reach the SMSC in either order,
    // so an inbraak SMS may overtake the last few missing-child ones, but never more than one window of them.
    const inbraakBeforeLastChild = order.slice(0, lastChild).filter((text) => text === inbraak.text).length;
    assert.ok(
      inbraakBeforeLastChild <= 20,
      `${inbraakBeforeLastChild} inbraak SMS went before the last missing-child SMS`,
    );
    assert.ok(sentTo(simulator, inbraak.text).length >= 10);
    // SMPP priority_flag follows the action's priority: the highest for a missing child, 0 for an inbraak.
    const flags = (text: string) =>
      new Set(simulator.messages.filter((m) => m.text === text).map((m) => m.priorityFlag));
    assert.deepEqual([...flags(child.text)], [3]);
    assert.deepEqual([...flags(busyChild.text)], [3]);
    assert.deepEqual([...flags(inbraak.text)], [0]);

    for (const a of [busyChild, inbraak, child]) await close(a);
    for (const a of [busyChild, inbraak, child]) await settled(centralist, a);
  });

  test('two actions of equal priority started together share the channel', async () => {
    const busy = await keepChannelBusy('Vermist: Henk (79), grijze jas.');
    const first = await startAction(centralist, {
      type: 'inbraak',
      message: 'Inbraak: man met rode rugzak.',
      area: circle(DAM, 1_000),
    });
    const second = await startAction(centralist, {
      type: 'diefstal',
      message: 'Diefstal: zwarte bakfiets.',
      area: circle(DAM, 1_000),
    });
    await fullyQueued(centralist, first);
    await fullyQueued(centralist, second);
    await assertStillBusy(busy);
    await close(busy);

    const ofEither = () => simulator.messages.filter((m) => m.text === first.text || m.text === second.text);
    await simulator.waitFor(() => ofEither().length >= 40, 30_000);
    const firstForty = ofEither().slice(0, 40);
    const ofFirst = firstForty.filter((m) => m.text === first.text).length;
    assert.ok(
      ofFirst >= 10 && 40 - ofFirst >= 10,
      `both got turns among the first 40 SMS: ${ofFirst} and ${40 - ofFirst}`,
    );

    await close(first);
    await close(second);
    for (const a of [busy, first, second]) await settled(centralist, a);
  });
});
