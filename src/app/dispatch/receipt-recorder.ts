import type { ReceiptRules } from '../../domain/delivery/receipt-matching.js';
import type { Clock } from '../ports/clock.js';
import type { ReceiptMatching, ReceiptRecord } from '../ports/dispatch-repository.js';
import type { Logger } from '../ports/logger.js';
import type { SmsReceipt } from '../ports/sms-channel.js';
import type { Store } from '../ports/stores.js';

interface Waiting {
  readonly receipt: ReceiptRecord;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Each receipt set aside is a warning: an SMSC reused a message id, or a part's submit result was lost. */
export function reportReceiptMatching(logger: Logger, matching: ReceiptMatching): void {
  for (const receipt of matching.setAside) {
    logger.warn(
      {
        smsc: receipt.smsc,
        reference: receipt.reference,
        reason: receipt.reason,
        deliveryIds: receipt.candidates.map((c) => c.deliveryId),
        actionIds: [...new Set(receipt.candidates.map((c) => c.actionId))],
      },
      'sms receipt set aside: it matches no part with certainty',
    );
  }
}

/**
 * Stores delivery receipts in batches: one statement for many receipts. Each caller's promise settles
 * when its receipt is stored, so the channel acknowledges to the SMSC only what is safe.
 */
export function createReceiptRecorder(
  deps: { readonly store: Store; readonly logger: Logger; readonly clock: Clock },
  rules: ReceiptRules,
) {
  let waiting: Waiting[] = [];
  let flushing: Promise<void> | null = null;

  function flush(): Promise<void> {
    if (flushing !== null) return flushing;
    flushing = (async () => {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        try {
          // One transaction: a crash between marking a part and settling its delivery would leave it 'submitted' for good.
          const matching = await deps.store.transaction((s) =>
            s.dispatch.recordReceipts(
              batch.map((w) => w.receipt),
              deps.clock.now(),
              rules,
            ),
          );
          for (const w of batch) w.resolve();
          reportReceiptMatching(deps.logger, matching);
        } catch (error) {
          deps.logger.error({ err: error, receipts: batch.length }, 'storing receipts failed');
          for (const w of batch) w.reject(error);
        }
      }
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    record(receipt: SmsReceipt): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ receipt, resolve, reject });
        // Let receipts arriving in the same tick join one batch.
        setImmediate(() => void flush());
      });
    },
  };
}
