import type { PDU } from 'smpp';
import { findConcatInfo, type ConcatInfo } from './udh.js';

export type SimulatedEncoding = 'gsm7' | 'ucs2' | 'other';

/** One message as the simulated SMSC accepted it, long messages reassembled. */
export interface SimulatedSms {
  /** "+31612345678" for an international number, else the address as sent. */
  readonly to: string;
  readonly from: string;
  readonly text: string;
  readonly encoding: SimulatedEncoding;
  readonly parts: number;
  /** One per part, in part order. */
  readonly messageIds: readonly string[];
  readonly validUntil: Date | undefined;
  readonly registeredDelivery: number;
  /** SMPP priority_flag of the first part. */
  readonly priorityFlag: number;
  /** Simulator session ids that carried the parts. */
  readonly sessionIds: readonly number[];
  readonly receivedAt: Date;
}

export interface ReceivedPart {
  readonly sessionId: number;
  readonly from: string;
  readonly to: string;
  readonly encoding: SimulatedEncoding;
  readonly text: string;
  readonly concat: ConcatInfo | undefined;
  readonly messageId: string;
  readonly validUntil: Date | undefined;
  readonly registeredDelivery: number;
  readonly priorityFlag: number;
  readonly at: Date;
}

/** Records accepted parts and reassembles concatenated ones by (from, to, reference, total). */
export class SmscMessageLog {
  readonly #messages: SimulatedSms[] = [];
  readonly #countByNumber = new Map<string, number>();
  readonly #incomplete = new Map<string, Map<number, ReceivedPart>>();
  readonly #parts: ReceivedPart[] = [];

  get messages(): readonly SimulatedSms[] {
    return this.#messages;
  }

  /** Every part accepted, in order, a part sent again included. */
  get parts(): readonly ReceivedPart[] {
    return this.#parts;
  }

  /** Parts waiting for their siblings. */
  get incompleteMessages(): number {
    return this.#incomplete.size;
  }

  countByNumber(to: string): number {
    return this.#countByNumber.get(to) ?? 0;
  }

  add(part: ReceivedPart): SimulatedSms | undefined {
    this.#parts.push(part);
    const concat = part.concat;
    if (concat === undefined || concat.total <= 1) return this.#record([part]);
    const key = `${part.from}|${part.to}|${concat.reference}|${concat.total}|${part.encoding}`;
    const parts = this.#incomplete.get(key) ?? new Map<number, ReceivedPart>();
    this.#incomplete.set(key, parts);
    // A resent part (same sequence) replaces the earlier copy.
    parts.set(concat.sequence, part);
    if (parts.size < concat.total) return undefined;
    this.#incomplete.delete(key);
    return this.#record([...parts.values()].sort((a, b) => (a.concat?.sequence ?? 0) - (b.concat?.sequence ?? 0)));
  }

  #record(parts: readonly ReceivedPart[]): SimulatedSms {
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first === undefined || last === undefined) throw new Error('a message has at least one part');
    const message: SimulatedSms = {
      to: first.to,
      from: first.from,
      text: parts.map((p) => p.text).join(''),
      encoding: first.encoding,
      parts: parts.length,
      messageIds: parts.map((p) => p.messageId),
      validUntil: first.validUntil,
      registeredDelivery: first.registeredDelivery,
      priorityFlag: first.priorityFlag,
      sessionIds: parts.map((p) => p.sessionId),
      receivedAt: last.at,
    };
    this.#messages.push(message);
    this.#countByNumber.set(message.to, this.countByNumber(message.to) + 1);
    return message;
  }
}

const TON_INTERNATIONAL = 1;

/** "+31612345678" for an international number, else the address as sent. */
export function destinationOf(pdu: PDU): string {
  const address = pdu.destination_addr ?? '';
  return (pdu.dest_addr_ton ?? 0) === TON_INTERNATIONAL && !address.startsWith('+') ? `+${address}` : address;
}

/** What a submit_sm the simulator accepted carries. */
export function receivedPart(sessionId: number, pdu: PDU, messageId: string, at: Date): ReceivedPart {
  return {
    sessionId,
    from: pdu.source_addr ?? '',
    to: destinationOf(pdu),
    encoding: encodingOf(pdu.data_coding ?? 0),
    text: textOf(pdu),
    concat: findConcatInfo(pdu.short_message?.udh ?? []),
    messageId,
    validUntil: pdu.validity_period instanceof Date ? pdu.validity_period : undefined,
    registeredDelivery: pdu.registered_delivery ?? 0,
    priorityFlag: pdu.priority_flag ?? 0,
    at,
  };
}

function encodingOf(dataCoding: number): SimulatedEncoding {
  if (dataCoding === 0x00) return 'gsm7';
  if (dataCoding === 0x08) return 'ucs2';
  return 'other';
}

/** The smpp library has already decoded short_message per data_coding (GSM 03.38 or UCS-2). */
function textOf(pdu: PDU): string {
  const message = pdu.short_message?.message ?? pdu.message_payload?.message ?? '';
  return typeof message === 'string' ? message : message.toString('latin1');
}
