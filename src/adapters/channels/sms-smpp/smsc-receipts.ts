import smpp from 'smpp';
import type { PDU, PduOptions, Session } from 'smpp';
import { gsm7BasicSeptet } from '../../../domain/sms/gsm-alphabet.js';
import { COMMAND_STATUS } from './command-status.js';
import { ESM_CLASS_DELIVERY_RECEIPT, MESSAGE_STATE, formatReceiptText } from './delivery-receipt.js';
import { encodeGsm7 } from './gsm-codec.js';

/** The deliver_sm_resp status the simulator got for one receipt. */
export interface ReceiptAck {
  readonly messageId: string;
  readonly status: number;
}

/** A simulator session as far as receipts care. */
export interface ReceiptSession {
  readonly id: number;
  readonly session: Session;
  readonly bound: boolean;
  /** deliver_sm sequence number → receipt awaiting its response. */
  readonly receiptsInFlight: Map<number, PendingReceipt>;
}

export interface PendingReceipt {
  /** The id the receipt reports (the real one, or a made-up one to test unknown ids). */
  readonly reportedId: string;
  /** The number the part went to, "+31612345678". */
  readonly to: string;
  /** The part's sequence number in its concatenated message (1 for a single part). */
  readonly sequence: number;
  /** The submit_sm this receipt is about. */
  readonly submit: PDU;
  readonly failed: boolean;
  readonly submittedAt: Date;
  readonly text: string;
  readonly preferredSession: number;
  attempts: number;
}

/** What a test may pick held receipts by. */
export interface HeldReceipt {
  readonly messageId: string;
  readonly to: string;
  readonly sequence: number;
}

export interface SmscReceiptsOptions {
  readonly retryMs: number;
  readonly maxAttempts: number;
  readonly sessions: () => Iterable<ReceiptSession>;
  /** Runs an action later unless the simulator closed meanwhile. */
  readonly later: (delayMs: number, action: () => void) => void;
}

/**
 * Delivery receipts of the simulated SMSC: store and forward, preferring the session the message
 * came in on, and resent after an error response up to maxAttempts, as real SMSCs do.
 */
export class SmscReceipts {
  readonly acks: ReceiptAck[] = [];
  readonly #options: SmscReceiptsOptions;
  /** While held (an SMSC whose receipts stall), receipts wait here; null otherwise. */
  #held: PendingReceipt[] | null = null;

  constructor(options: SmscReceiptsOptions) {
    this.#options = options;
  }

  get heldCount(): number {
    return this.#held?.length ?? 0;
  }

  hold(): void {
    this.#held ??= [];
  }

  /** Sends the held receipts the filter picks (all by default); the rest stay held, and so do new ones. */
  release(pick: (receipt: HeldReceipt) => boolean = () => true): void {
    const held = this.#held ?? [];
    const released = held.filter((r) => pick({ messageId: r.reportedId, to: r.to, sequence: r.sequence }));
    this.#held = held.filter((r) => !released.includes(r));
    for (const receipt of released) this.#deliver(receipt);
  }

  /** Sends receipts again as they come. */
  resume(): void {
    this.release();
    this.#held = null;
  }

  send(receipt: PendingReceipt): void {
    if (this.#held !== null) {
      this.#held.push(receipt);
      return;
    }
    this.#deliver(receipt);
  }

  #deliver(receipt: PendingReceipt): void {
    const bound = [...this.#options.sessions()].filter((s) => s.bound);
    const target = bound.find((s) => s.id === receipt.preferredSession) ?? bound[0];
    if (target === undefined) {
      this.#retry(receipt);
      return;
    }
    const pdu = new smpp.PDU('deliver_sm', receiptFields(receipt, new Date()));
    if (!target.session.send(pdu)) {
      this.#retry(receipt);
      return;
    }
    receipt.attempts += 1;
    target.receiptsInFlight.set(pdu.sequence_number, receipt);
  }

  onResponse(session: ReceiptSession, pdu: PDU): void {
    const receipt = session.receiptsInFlight.get(pdu.sequence_number);
    if (receipt === undefined) return;
    session.receiptsInFlight.delete(pdu.sequence_number);
    this.acks.push({ messageId: receipt.reportedId, status: pdu.command_status });
    if (pdu.command_status !== COMMAND_STATUS.ok && receipt.attempts < this.#options.maxAttempts) this.#retry(receipt);
  }

  /** The session closed: receipts it never answered go out again, without using up an attempt. */
  sessionClosed(session: ReceiptSession): void {
    for (const receipt of session.receiptsInFlight.values()) {
      receipt.attempts -= 1;
      this.#retry(receipt);
    }
    session.receiptsInFlight.clear();
  }

  #retry(receipt: PendingReceipt): void {
    this.#options.later(this.#options.retryMs, () => this.send(receipt));
  }
}

function receiptFields(receipt: PendingReceipt, doneAt: Date): PduOptions {
  const submit = receipt.submit;
  return {
    source_addr_ton: submit.dest_addr_ton ?? 0,
    source_addr_npi: submit.dest_addr_npi ?? 0,
    source_addr: submit.destination_addr ?? '',
    dest_addr_ton: submit.source_addr_ton ?? 0,
    dest_addr_npi: submit.source_addr_npi ?? 0,
    destination_addr: submit.source_addr ?? '',
    esm_class: ESM_CLASS_DELIVERY_RECEIPT,
    data_coding: 0,
    short_message: encodeGsm7(
      formatReceiptText({
        id: receipt.reportedId,
        submittedAt: receipt.submittedAt,
        doneAt,
        stat: receipt.failed ? 'UNDELIV' : 'DELIVRD',
        error: receipt.failed ? 1 : 0,
        text: gsmSafe(receipt.text),
      }),
    ),
    receipted_message_id: receipt.reportedId,
    message_state: receipt.failed ? MESSAGE_STATE.undeliverable : MESSAGE_STATE.delivered,
  };
}

/** Receipt texts quote the message; keep that quote inside the GSM basic table. */
const gsmSafe = (text: string): string =>
  [...text.slice(0, 20)].map((ch) => (gsm7BasicSeptet(ch) === undefined ? '?' : ch)).join('');
