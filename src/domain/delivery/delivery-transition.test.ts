import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ACTION_STATUSES } from '../action/action-status.js';
import { KINDS_STOPPED_BY_ACTION_END } from './action-end.js';
import type { DeliveryEvent } from './delivery-event.js';
import { DELIVERY_STATUSES, FINAL_STATUSES, INITIAL_STATUS, isFinal } from './delivery-status.js';
import { movesFrom, nextDelivery, type DeliveryState } from './delivery-transition.js';
import { MESSAGE_KINDS } from './message-kind.js';
import { isReached } from './reached.js';
import { MAX_ATTEMPTS, RETRY_CAUSES } from './requeue.js';

const messageKind = fc.constantFrom(...MESSAGE_KINDS);
const actionStatus = fc.constantFrom(...ACTION_STATUSES);
const event: fc.Arbitrary<DeliveryEvent> = fc.oneof(
  fc.constantFrom<DeliveryEvent>(
    { kind: 'claimed' },
    { kind: 'deferred' },
    { kind: 'submitted' },
    { kind: 'receipt-delivered' },
    { kind: 'receipt-failed' },
    { kind: 'expired' },
    { kind: 'send-failed-final' },
    { kind: 'recipient-erased' },
  ),
  fc.record({
    kind: fc.constant('send-failed-retryable' as const),
    cause: fc.constantFrom(...RETRY_CAUSES),
    messageKind,
    actionStatus,
  }),
  fc.record({ kind: fc.constant('handed-back' as const), messageKind, actionStatus }),
  fc.record({ kind: fc.constant('action-ended' as const), messageKind }),
);
const state: fc.Arbitrary<DeliveryState> = fc
  .tuple(fc.constantFrom(...DELIVERY_STATUSES), fc.nat(MAX_ATTEMPTS + 5))
  .map(([status, attempts]) => ({ status, attempts }));
const fresh: DeliveryState = { status: INITIAL_STATUS, attempts: 0 };
const run = (events: readonly DeliveryEvent[], from: DeliveryState = fresh) => events.reduce(nextDelivery, from);

describe('the life of a delivery', () => {
  test('an SMS is claimed, submitted and delivered; each claim counts as an attempt', () => {
    assert.deepEqual(run([{ kind: 'claimed' }]), { status: 'sending', attempts: 1 });
    assert.deepEqual(run([{ kind: 'claimed' }, { kind: 'submitted' }]), { status: 'submitted', attempts: 1 });
    assert.deepEqual(run([{ kind: 'claimed' }, { kind: 'submitted' }, { kind: 'receipt-delivered' }]), {
      status: 'delivered',
      attempts: 1,
    });
    assert.deepEqual(run([{ kind: 'claimed' }, { kind: 'submitted' }, { kind: 'expired' }]), {
      status: 'expired',
      attempts: 1,
    });
  });

  test('a call goes from sending to delivered when answered, and to failed when refused', () => {
    assert.deepEqual(run([{ kind: 'claimed' }, { kind: 'receipt-delivered' }]), { status: 'delivered', attempts: 1 });
    assert.deepEqual(run([{ kind: 'claimed' }, { kind: 'send-failed-final' }]), { status: 'failed', attempts: 1 });
  });

  test('an SMSC that cannot take it puts it back in the queue, until the last attempt', () => {
    const unavailable: DeliveryEvent = {
      kind: 'send-failed-retryable',
      cause: 'channel-unavailable',
      messageKind: 'alert',
      actionStatus: 'actief',
    };
    assert.deepEqual(run([{ kind: 'claimed' }, unavailable]), { status: 'queued', attempts: 1 });
    const tries = Array.from({ length: MAX_ATTEMPTS }, (): DeliveryEvent[] => [
      { kind: 'claimed' },
      unavailable,
    ]).flat();
    assert.deepEqual(run(tries), { status: 'failed', attempts: MAX_ATTEMPTS });
    assert.deepEqual(run(tries.slice(0, -2)), { status: 'queued', attempts: MAX_ATTEMPTS - 1 });
  });

  test('the end of an action cancels its queued alerts and updates, not its closing message', () => {
    assert.deepEqual(KINDS_STOPPED_BY_ACTION_END, ['alert', 'update']);
    assert.deepEqual(run([{ kind: 'action-ended', messageKind: 'alert' }]), { status: 'cancelled', attempts: 0 });
    assert.deepEqual(run([{ kind: 'action-ended', messageKind: 'closing' }]), fresh);
    const sending = run([{ kind: 'claimed' }]);
    assert.deepEqual(
      nextDelivery(sending, { kind: 'action-ended', messageKind: 'alert' }),
      sending,
      'in flight: its outcome decides',
    );
  });

  test('what a stopped worker had is taken back: queued while the action wants it, cancelled otherwise', () => {
    const sending = run([{ kind: 'claimed' }]);
    assert.equal(
      nextDelivery(sending, { kind: 'handed-back', messageKind: 'alert', actionStatus: 'actief' }).status,
      'queued',
    );
    assert.equal(
      nextDelivery(sending, { kind: 'handed-back', messageKind: 'update', actionStatus: 'afgesloten' }).status,
      'cancelled',
    );
    assert.equal(
      nextDelivery(sending, { kind: 'handed-back', messageKind: 'closing', actionStatus: 'ingetrokken' }).status,
      'queued',
    );
  });

  test('a closing call in the quiet hours goes back to the queue without using an attempt', () => {
    assert.deepEqual(run([{ kind: 'claimed' }, { kind: 'deferred' }]), fresh);
  });

  test('a submit result that comes after its delivery was taken back still counts: the SMS went out', () => {
    const takenBack = run([{ kind: 'claimed' }, { kind: 'handed-back', messageKind: 'alert', actionStatus: 'actief' }]);
    assert.deepEqual(nextDelivery(takenBack, { kind: 'submitted' }), { status: 'submitted', attempts: 1 });
  });

  test('late events change nothing: a receipt for a final delivery, a rejection for a queued one', () => {
    const delivered = run([{ kind: 'claimed' }, { kind: 'receipt-delivered' }]);
    assert.deepEqual(nextDelivery(delivered, { kind: 'receipt-failed' }), delivered);
    assert.deepEqual(nextDelivery(fresh, { kind: 'send-failed-final' }), fresh);
  });

  test('property: no event moves a delivery out of a final status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATUSES), fc.nat(MAX_ATTEMPTS + 5), event, (status, attempts, e) => {
        assert.deepEqual(nextDelivery({ status, attempts }, e), { status, attempts });
      }),
    );
  });

  test('property: an event moves a delivery only out of the statuses it moves from, never out of a final one', () => {
    fc.assert(
      fc.property(state, event, (s, e) => {
        const next = nextDelivery(s, e);
        if (!movesFrom(e.kind).includes(s.status)) assert.deepEqual(next, s);
        for (const from of movesFrom(e.kind)) assert.equal(isFinal(from), false, `${e.kind} moves from ${from}`);
      }),
    );
  });

  test('property: attempts never decrease, except that a deferral gives back the attempt of its claim', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let current = fresh;
        let claims = 0;
        let deferrals = 0;
        for (const e of events) {
          const next = nextDelivery(current, e);
          if (e.kind === 'deferred') assert.ok(next.attempts >= current.attempts - 1);
          else assert.ok(next.attempts >= current.attempts, `${e.kind}: ${current.attempts} → ${next.attempts}`);
          if (next !== current && e.kind === 'claimed') claims += 1;
          if (next !== current && e.kind === 'deferred') deferrals += 1;
          current = next;
        }
        assert.equal(current.attempts, claims - deferrals);
        assert.ok(current.attempts >= 0);
      }),
    );
  });

  test('property: a closing message is never cancelled by the action ending', () => {
    fc.assert(
      fc.property(state, (s) => {
        assert.deepEqual(nextDelivery(s, { kind: 'action-ended', messageKind: 'closing' }), s);
      }),
    );
  });

  test('property: an alert or update handed back after its action ended is cancelled (or failed, out of attempts)', () => {
    fc.assert(
      fc.property(
        fc.nat(MAX_ATTEMPTS + 5),
        fc.constantFrom(...KINDS_STOPPED_BY_ACTION_END),
        fc.constantFrom(...ACTION_STATUSES.filter((a) => a !== 'actief')),
        fc.constantFrom(...RETRY_CAUSES),
        fc.boolean(),
        (attempts, kind, ended, cause, workerStopped) => {
          const e: DeliveryEvent = workerStopped
            ? { kind: 'handed-back', messageKind: kind, actionStatus: ended }
            : { kind: 'send-failed-retryable', cause, messageKind: kind, actionStatus: ended };
          assert.equal(
            nextDelivery({ status: 'sending', attempts }, e).status,
            attempts >= MAX_ATTEMPTS ? 'failed' : 'cancelled',
          );
        },
      ),
    );
  });

  test('property: a closing message the channel could not take goes back to the queue, whatever became of the action', () => {
    fc.assert(
      fc.property(fc.nat(MAX_ATTEMPTS - 1), actionStatus, (attempts, a) => {
        const e: DeliveryEvent = {
          kind: 'send-failed-retryable',
          cause: 'channel-unavailable',
          messageKind: 'closing',
          actionStatus: a,
        };
        assert.equal(nextDelivery({ status: 'sending', attempts }, e).status, 'queued');
      }),
    );
  });

  test('property: only a claim puts a delivery in the hands of a channel, and none is handed out more than MAX_ATTEMPTS times', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 120 }), (events) => {
        let current = fresh;
        for (const e of events) {
          const next = nextDelivery(current, e);
          if (next.status === 'sending' && current.status !== 'sending') assert.equal(e.kind, 'claimed');
          if (e.kind === 'send-failed-retryable' || e.kind === 'handed-back') {
            if (next.status === 'queued') assert.ok(next.attempts < MAX_ATTEMPTS);
          }
          current = next;
        }
        assert.ok(current.attempts <= MAX_ATTEMPTS, `handed out ${current.attempts} times`);
      }),
    );
  });

  test('property: a delivery that stopped counting as reached never counts again', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let current = fresh;
        let lost = false;
        for (const e of events) {
          current = nextDelivery(current, e);
          if (!isReached(current.status)) lost = true;
          if (lost) assert.equal(isReached(current.status), false);
        }
      }),
    );
  });
});
