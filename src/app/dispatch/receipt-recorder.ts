import type { ReceiptRecord } from '../ports/dispatch-repository.js';
import type { Logger } from '../ports/logger.js';
import type { SmsReceipt } from '../ports/sms-channel.js';
import type { Store } from '../ports/stores.js';

interface Waiting {
  readonly receipt: ReceiptRecord;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Stores delivery receipts in batches: one statement for many receipts. Each caller's promise settles
 * when its receipt is stored, so the channel acknowledges to the SMSC only what is safe.
 */
export function createReceiptRecorder(deps: { readonly store: Store; readonly logger: Logger }) {
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
          await deps.store.transaction((s) => s.dispatch.recordReceipts(batch.map((w) => w.receipt)));
          for (const w of batch) w.resolve();
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
