import type { ConcatInfo } from './udh.js';

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
  readonly at: Date;
}

/** Records accepted parts and reassembles concatenated ones by (from, to, reference, total). */
export class SmscMessageLog {
  readonly #messages: SimulatedSms[] = [];
  readonly #countByNumber = new Map<string, number>();
  readonly #incomplete = new Map<string, Map<number, ReceivedPart>>();

  get messages(): readonly SimulatedSms[] {
    return this.#messages;
  }

  /** Parts waiting for their siblings. */
  get incompleteMessages(): number {
    return this.#incomplete.size;
  }

  countByNumber(to: string): number {
    return this.#countByNumber.get(to) ?? 0;
  }

  add(part: ReceivedPart): SimulatedSms | undefined {
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
      sessionIds: parts.map((p) => p.sessionId),
      receivedAt: last.at,
    };
    this.#messages.push(message);
    this.#countByNumber.set(message.to, this.countByNumber(message.to) + 1);
    return message;
  }
}
