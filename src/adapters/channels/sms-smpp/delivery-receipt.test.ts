import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MESSAGE_STATE, formatReceiptText, interpretDeliverSm } from './delivery-receipt.js';

const at = new Date('2025-03-01T12:00:00Z');
const receiptText = (stat: string, id = 'AB12cd'): string =>
  `id:${id} sub:001 dlvrd:001 submit date:2503011159 done date:2503011200 stat:${stat} err:000 text:hallo`;

describe('interpretDeliverSm', () => {
  test('reads id and state from the text when the SMSC sends no TLVs', () => {
    assert.deepEqual(interpretDeliverSm({ esm_class: 0x04, short_message: { message: receiptText('DELIVRD') } }, at), {
      kind: 'receipt',
      receipt: { reference: 'AB12cd', status: 'delivered', at },
    });
  });

  test('maps the final stat words to delivered, expired or failed', () => {
    const expected: Record<string, string> = {
      DELIVRD: 'delivered',
      EXPIRED: 'expired',
      UNDELIV: 'failed',
      REJECTD: 'failed',
      DELETED: 'failed',
      UNKNOWN: 'failed',
    };
    for (const [stat, status] of Object.entries(expected)) {
      const meaning = interpretDeliverSm({ esm_class: 0x04, short_message: { message: receiptText(stat) } }, at);
      assert.equal(meaning.kind === 'receipt' ? meaning.receipt.status : meaning.kind, status, stat);
    }
  });

  test('ACCEPTD and ENROUTE are intermediate', () => {
    for (const stat of ['ACCEPTD', 'ENROUTE']) {
      assert.deepEqual(interpretDeliverSm({ esm_class: 0x04, short_message: { message: receiptText(stat) } }, at), {
        kind: 'intermediate-receipt',
        reference: 'AB12cd',
      });
    }
  });

  test('the receipted_message_id and message_state TLVs win over the text', () => {
    const meaning = interpretDeliverSm(
      {
        esm_class: 0x04,
        receipted_message_id: 'tlv-id',
        message_state: MESSAGE_STATE.expired,
        short_message: { message: receiptText('DELIVRD', 'text-id') },
      },
      at,
    );
    assert.deepEqual(meaning, { kind: 'receipt', receipt: { reference: 'tlv-id', status: 'expired', at } });
  });

  test('a deliver_sm without the receipt bit is a mobile-originated message', () => {
    assert.deepEqual(interpretDeliverSm({ esm_class: 0x00, short_message: { message: 'STOP' } }, at), {
      kind: 'mobile-originated',
    });
  });

  test('a receipt without id or with an unknown state is malformed', () => {
    for (const message of ['stat:DELIVRD', receiptText('WEIRD')]) {
      assert.equal(interpretDeliverSm({ esm_class: 0x04, short_message: { message } }, at).kind, 'malformed-receipt');
    }
  });

  test('property: a formatted receipt text reads back as the same id and status', () => {
    const stats = { DELIVRD: 'delivered', UNDELIV: 'failed', EXPIRED: 'expired' } as const;
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z-]{1,40}$/),
        fc.constantFrom('DELIVRD', 'UNDELIV', 'EXPIRED'),
        fc.string({ maxLength: 30 }),
        (id, stat, text) => {
          const message = formatReceiptText({ id, submittedAt: at, doneAt: at, stat, error: 0, text });
          assert.deepEqual(interpretDeliverSm({ esm_class: 0x04, short_message: { message } }, at), {
            kind: 'receipt',
            receipt: { reference: id, status: stats[stat], at },
          });
        },
      ),
    );
  });
});
