import {
  headerListValues,
  headerValue,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from '../sip/sip-message.js';
import { parseNameAddr } from '../sip/sip-name-addr.js';
import { SipParseError } from '../sip/sip-parse-error.js';
import { parseCSeq } from '../sip/sip-ids.js';
import type { SipPeer } from './sip-redirect-transport.js';
import { branchCookie, formatVia, parseVia } from '../sip/sip-via.js';

/** RFC 3261 timers (§17, table 4). */
export interface SipTimers {
  readonly t1Ms: number;
  readonly t2Ms: number;
  readonly t4Ms: number;
}

export const defaultSipTimers: SipTimers = Object.freeze({ t1Ms: 500, t2Ms: 4_000, t4Ms: 5_000 });

/** An INVITE server transaction (§17.2.1), reduced to what a redirect server needs. */
interface InviteTransaction {
  readonly peer: SipPeer;
  response: SipResponse | null;
  state: 'proceeding' | 'completed' | 'confirmed';
  /** Timer G: the final response again over UDP. */
  retransmitTimer: NodeJS.Timeout | undefined;
  /** Timer H (no ACK), Timer I (ACKs absorbed), or the bound on an undecided transaction. */
  endTimer: NodeJS.Timeout | undefined;
}

/**
 * Matches requests to INVITE transactions (§17.2.3): by the top Via's branch and sent-by when the branch
 * has the RFC 3261 cookie, else by Call-ID, CSeq number, From tag and top Via (RFC 2543 peers).
 */
export function transactionKey(request: Pick<SipRequest, 'headers'>): string | null {
  try {
    const topVia = headerListValues(request, 'Via')[0];
    if (topVia === undefined) return null;
    const via = parseVia(topVia);
    const branch = via.params.get('branch');
    if (branch !== null && branch !== undefined && branch.startsWith(branchCookie))
      return `${branch}|${via.host}|${via.port ?? ''}`;
    const cseq = parseCSeq(headerValue(request, 'CSeq') ?? '');
    const fromTag = parseNameAddr(headerValue(request, 'From') ?? '').params.get('tag') ?? '';
    return `${headerValue(request, 'Call-ID') ?? ''}|${cseq.seq}|${fromTag}|${formatVia({ ...via, params: new Map() })}`;
  } catch (error) {
    if (error instanceof SipParseError) return null;
    throw error;
  }
}

export interface InviteTransactionsOptions {
  readonly timers: SipTimers;
  /** More open transactions than this: new INVITEs are refused (503) until some end. */
  readonly maxTransactions: number;
  send(message: SipMessage, peer: SipPeer): void;
}

/**
 * The open INVITE transactions: a retransmitted INVITE gets the same answer, a final response over UDP is
 * retransmitted (Timer G) until the ACK comes or Timer H ends it, and ACKs are absorbed for Timer I.
 */
export class InviteTransactions {
  readonly #options: InviteTransactionsOptions;
  readonly #open = new Map<string, InviteTransaction>();

  constructor(options: InviteTransactionsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#open.size;
  }

  get full(): boolean {
    return this.#open.size >= this.#options.maxTransactions;
  }

  /** A retransmission of a known INVITE: answers it again (100 Trying while undecided) and returns true. */
  retransmission(key: string, provisional: () => SipResponse): boolean {
    const transaction = this.#open.get(key);
    if (transaction === undefined) return false;
    if (transaction.state !== 'confirmed') this.#options.send(transaction.response ?? provisional(), transaction.peer);
    return true;
  }

  begin(key: string, peer: SipPeer): void {
    const transaction: InviteTransaction = {
      peer,
      response: null,
      state: 'proceeding',
      retransmitTimer: undefined,
      endTimer: undefined,
    };
    this.#open.set(key, transaction);
    this.#endAfter(key, transaction, 64 * this.#options.timers.t1Ms);
  }

  /** Sends the final response (3xx–6xx) and, over UDP, keeps sending it until the ACK (Timer G, Timer H). */
  complete(key: string, response: SipResponse): void {
    const transaction = this.#open.get(key);
    if (transaction === undefined || transaction.state !== 'proceeding') return;
    transaction.response = response;
    transaction.state = 'completed';
    this.#options.send(response, transaction.peer);
    const { t1Ms, t2Ms } = this.#options.timers;
    this.#endAfter(key, transaction, 64 * t1Ms);
    if (transaction.peer.transport !== 'udp') return;
    const retransmit = (interval: number) => {
      transaction.retransmitTimer = setTimeout(() => {
        this.#options.send(response, transaction.peer);
        retransmit(Math.min(interval * 2, t2Ms));
      }, interval).unref();
    };
    retransmit(t1Ms);
  }

  /** An ACK for our final response: stop retransmitting, absorb further ACKs for Timer I. Returns whether it matched. */
  acknowledge(key: string): boolean {
    const transaction = this.#open.get(key);
    if (transaction === undefined) return false;
    if (transaction.state === 'completed') {
      transaction.state = 'confirmed';
      clearTimeout(transaction.retransmitTimer);
      this.#endAfter(key, transaction, transaction.peer.transport === 'udp' ? this.#options.timers.t4Ms : 0);
    }
    return true;
  }

  /** Whether a CANCEL's transaction exists (answered 200, else 481). */
  has(key: string): boolean {
    return this.#open.has(key);
  }

  close(): void {
    for (const transaction of this.#open.values()) {
      clearTimeout(transaction.retransmitTimer);
      clearTimeout(transaction.endTimer);
    }
    this.#open.clear();
  }

  #endAfter(key: string, transaction: InviteTransaction, ms: number): void {
    clearTimeout(transaction.endTimer);
    transaction.endTimer = setTimeout(() => {
      clearTimeout(transaction.retransmitTimer);
      if (this.#open.get(key) === transaction) this.#open.delete(key);
    }, ms).unref();
  }
}
