import {
  headerListValues,
  headerValue,
  headerValues,
  sipRequest,
  type SipRequest,
  type SipResponse,
} from '../../sip/sip-message.js';
import { parseCSeq } from '../../sip/sip-ids.js';
import { parseVia } from '../../sip/sip-via.js';
import type { SipUaTransport } from './sip-ua-transport.js';

/** RFC 3261 timer values; tests shorten T1 so that a lost message costs milliseconds. */
export interface SipTimers {
  /** Round-trip estimate, 500 ms by default. */
  readonly t1: number;
  /** Longest retransmit interval for non-INVITE requests, 4 s by default. */
  readonly t2: number;
}

export const DEFAULT_SIP_TIMERS: SipTimers = { t1: 500, t2: 4_000 };

export type TransactionEvent =
  | { readonly kind: 'response'; readonly response: SipResponse }
  /** Timer B or F: no final answer (or none at all) within 64 × T1. */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'transport-error'; readonly error: Error };

interface Transaction {
  readonly key: string;
  readonly request: SipRequest;
  readonly invite: boolean;
  state: 'trying' | 'proceeding' | 'completed' | 'accepted' | 'terminated';
  retransmit: NodeJS.Timeout | null;
  interval: number;
  timeout: NodeJS.Timeout | null;
  linger: NodeJS.Timeout | null;
  ack: SipRequest | null;
  readonly onEvent: (event: TransactionEvent) => void;
}

const keyOf = (branch: string, method: string) => `${branch}\n${method}`;

/**
 * Client transactions (RFC 3261 §17.1): retransmission over UDP (timer A doubling for INVITE, timer E
 * capped at T2 for others), timeouts (B, F), the ACK for a non-2xx final response, and absorbing
 * retransmitted responses afterwards (D, K). A 2xx to an INVITE goes to the caller every time it arrives
 * (for 64 × T1), since the ACK to it is the caller's (§13.2.2.4).
 */
export class ClientTransactions {
  readonly #transport: SipUaTransport;
  readonly #timers: SipTimers;
  readonly #transactions = new Map<string, Transaction>();

  constructor(transport: SipUaTransport, timers: SipTimers) {
    this.#transport = transport;
    this.#timers = timers;
  }

  get size(): number {
    return this.#transactions.size;
  }

  /** Sends a request in a new transaction; its top Via must carry a fresh branch. */
  send(request: SipRequest, onEvent: (event: TransactionEvent) => void): void {
    const via = parseVia(headerListValues(request, 'Via')[0] ?? '');
    const branch = via.params.get('branch');
    if (!branch) throw new Error('request without a Via branch');
    const t: Transaction = {
      key: keyOf(branch, request.method),
      request,
      invite: request.method === 'INVITE',
      state: 'trying',
      retransmit: null,
      interval: this.#timers.t1,
      timeout: null,
      linger: null,
      ack: null,
      onEvent,
    };
    this.#transactions.set(t.key, t);
    t.timeout = setTimeout(() => this.#end(t, { kind: 'timeout' }), 64 * this.#timers.t1);
    this.#transmit(t);
    if (!this.#transport.reliable) this.#scheduleRetransmit(t);
  }

  /** Hands a response to its transaction; false when none matches (a stray or a late 2xx). */
  handleResponse(response: SipResponse): boolean {
    const branch = parseVia(headerListValues(response, 'Via')[0] ?? '').params.get('branch');
    const method = parseCSeq(headerValue(response, 'CSeq') ?? '').method;
    const t = branch ? this.#transactions.get(keyOf(branch, method)) : undefined;
    if (t === undefined) return false;
    const status = response.status;
    if (t.state === 'completed') {
      // A retransmitted final response: our ACK was lost (INVITE) or it is harmless (others).
      if (t.invite && status >= 300 && t.ack !== null) void this.#transport.send(t.ack).catch(() => undefined);
      return true;
    }
    if (t.state === 'accepted') {
      if (status >= 200 && status < 300) t.onEvent({ kind: 'response', response });
      return true;
    }
    if (t.state === 'terminated') return true;
    if (status < 200) {
      if (t.state === 'trying') {
        t.state = 'proceeding';
        // INVITE: no more retransmissions once something answers, and no timer B while it rings (the caller
        // cancels after its ring timeout); others go on at T2 (timer E).
        if (t.invite) {
          this.#clearRetransmit(t);
          if (t.timeout !== null) clearTimeout(t.timeout);
          t.timeout = null;
        } else t.interval = this.#timers.t2;
      }
      t.onEvent({ kind: 'response', response });
      return true;
    }
    this.#clearRetransmit(t);
    if (t.timeout !== null) clearTimeout(t.timeout);
    if (t.invite && status < 300) {
      t.state = 'accepted';
      t.linger = setTimeout(() => this.#forget(t), 64 * this.#timers.t1);
    } else {
      t.state = 'completed';
      if (t.invite) {
        t.ack = ackForFailure(t.request, response);
        void this.#transport.send(t.ack).catch(() => undefined);
      }
      // Timer D (32 s) or K (T4): keep absorbing retransmissions on UDP.
      t.linger = setTimeout(
        () => this.#forget(t),
        this.#transport.reliable ? 0 : t.invite ? 64 * this.#timers.t1 : 5_000,
      );
    }
    t.onEvent({ kind: 'response', response });
    return true;
  }

  /** Drops every transaction without telling anyone (shutting down). */
  clear(): void {
    for (const t of this.#transactions.values()) this.#forget(t);
  }

  #transmit(t: Transaction): void {
    this.#transport.send(t.request).catch((error: unknown) => {
      this.#end(t, { kind: 'transport-error', error: error instanceof Error ? error : new Error(String(error)) });
    });
  }

  #scheduleRetransmit(t: Transaction): void {
    t.retransmit = setTimeout(() => {
      if (t.state !== 'trying' && !(t.state === 'proceeding' && !t.invite)) return;
      this.#transmit(t);
      t.interval = t.invite ? t.interval * 2 : Math.min(t.interval * 2, this.#timers.t2);
      this.#scheduleRetransmit(t);
    }, t.interval);
  }

  #clearRetransmit(t: Transaction): void {
    if (t.retransmit !== null) clearTimeout(t.retransmit);
    t.retransmit = null;
  }

  #end(t: Transaction, event: TransactionEvent): void {
    if (t.state === 'completed' || t.state === 'accepted' || t.state === 'terminated') return;
    t.state = 'terminated';
    this.#forget(t);
    t.onEvent(event);
  }

  #forget(t: Transaction): void {
    this.#clearRetransmit(t);
    if (t.timeout !== null) clearTimeout(t.timeout);
    if (t.linger !== null) clearTimeout(t.linger);
    if (t.state !== 'accepted' && t.state !== 'completed') t.state = 'terminated';
    this.#transactions.delete(t.key);
  }
}

/** §17.1.1.3: the ACK to a non-2xx final response, in the INVITE's transaction (same branch, Route, CSeq number). */
function ackForFailure(invite: SipRequest, response: SipResponse): SipRequest {
  const cseq = parseCSeq(headerValue(invite, 'CSeq') ?? '');
  return sipRequest('ACK', invite.uri, [
    { name: 'Via', value: headerListValues(invite, 'Via')[0]! },
    { name: 'Max-Forwards', value: '70' },
    { name: 'From', value: headerValue(invite, 'From')! },
    { name: 'To', value: headerValue(response, 'To')! },
    { name: 'Call-ID', value: headerValue(invite, 'Call-ID')! },
    { name: 'CSeq', value: `${cseq.seq} ACK` },
    ...headerValues(invite, 'Route').map((value) => ({ name: 'Route', value })),
  ]);
}
