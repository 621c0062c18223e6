import smpp from 'smpp';
import type { PDU, PduOptions, Session } from 'smpp';
import type { Logger } from 'pino';
import { COMMAND_STATUS, commandStatusName } from './command-status.js';
import { SmppBindError } from './smpp-errors.js';
import { batchWritesThisTick } from './write-batching.js';

const SMPP_VERSION_3_4 = 0x34;
const MAX_SEQUENCE = 0x7fffffff;

export interface BindSessionOptions {
  readonly index: number;
  readonly host: string;
  readonly port: number;
  readonly systemId: string;
  readonly password: string;
  readonly systemType: string;
  readonly windowSize: number;
  readonly enquireLinkIntervalMs: number;
  /** How long any request (bind, submit, enquire_link, unbind) may wait for its response. */
  readonly responseTimeoutMs: number;
  readonly reconnectMinMs: number;
  readonly reconnectMaxMs: number;
  readonly logger: Logger;
}

export interface BindSessionHooks {
  /** Bound or unbound: the dispatcher re-evaluates where to send. */
  readonly onStateChange: () => void;
  /** Every attempt to get bound ends here once: undefined when bound. */
  readonly onBindAttempt: (error: SmppBindError | undefined) => void;
  /** Resolves to the command_status for the deliver_sm_resp; must not reject. */
  readonly onDeliverSm: (pdu: PDU) => Promise<number>;
}

export type SubmitResponse =
  | { readonly kind: 'response'; readonly status: number; readonly messageId: string }
  /** Sent, but no answer will come: the SMSC may or may not have it. */
  | { readonly kind: 'lost'; readonly reason: string }
  /** Never left: the bind turned out to be down. Safe to send elsewhere. */
  | { readonly kind: 'not-sent' };

/** The reason of a 'lost' submit the SMSC did not answer in time (the connection stayed). */
export const SUBMIT_TIMEOUT = 'submit timeout';

type RequestOutcome =
  { readonly kind: 'response'; readonly pdu: PDU } | { readonly kind: 'timeout' } | { readonly kind: 'lost' };

interface PendingRequest {
  readonly resolve: (outcome: RequestOutcome) => void;
  readonly timer: NodeJS.Timeout;
  readonly isSubmit: boolean;
}

type BindState = 'connecting' | 'binding' | 'bound' | 'unbinding' | 'waiting' | 'closed';

/**
 * One SMPP transceiver bind that keeps itself alive: enquire_link while bound, reconnect with
 * exponential backoff after any loss, and a window on outstanding submit_sm.
 */
export class BindSession {
  readonly #options: BindSessionOptions;
  readonly #hooks: BindSessionHooks;
  readonly #logger: Logger;
  readonly #pending = new Map<number, PendingRequest>();
  #drainWaiters: (() => void)[] = [];
  #state: BindState = 'waiting';
  #session: Session | undefined;
  #sequence = 0;
  #submitsInFlight = 0;
  #failures = 0;
  #attemptReported = false;
  #lastError: Error | undefined;
  #closing = false;
  /** This connection got bound at some point (for logging its loss). */
  #wasBound = false;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #connectTimer: NodeJS.Timeout | undefined;
  #enquireTimer: NodeJS.Timeout | undefined;
  #enquireOutstanding = false;

  constructor(options: BindSessionOptions, hooks: BindSessionHooks) {
    this.#options = options;
    this.#hooks = hooks;
    this.#logger = options.logger.child({ bind: options.index });
  }

  get isBound(): boolean {
    return this.#state === 'bound';
  }

  get hasCapacity(): boolean {
    return this.#state === 'bound' && this.#submitsInFlight < this.#options.windowSize;
  }

  start(): void {
    if (this.#state === 'waiting' && this.#session === undefined && !this.#closing) this.#connect();
  }

  /** Sends one submit_sm; only call while hasCapacity. Never rejects. */
  submit(fields: PduOptions): Promise<SubmitResponse> {
    const session = this.#session;
    if (session === undefined || this.#state !== 'bound') return Promise.resolve({ kind: 'not-sent' });
    if (!session.socket.writable) {
      // The peer hung up and 'close' has not fired yet: stop using this bind now.
      this.#markUnbound();
      session.destroy();
      return Promise.resolve({ kind: 'not-sent' });
    }
    this.#submitsInFlight += 1;
    const request = this.#request(session, new smpp.PDU('submit_sm', fields), true);
    return request.then((outcome): SubmitResponse => {
      switch (outcome.kind) {
        case 'response':
          return { kind: 'response', status: outcome.pdu.command_status, messageId: outcome.pdu.message_id ?? '' };
        case 'timeout':
          return { kind: 'lost', reason: SUBMIT_TIMEOUT };
        case 'lost':
          return { kind: 'lost', reason: 'connection lost' };
        default:
          return assertNever(outcome);
      }
    });
  }

  /** Lets in-flight submits finish (bounded by the response timeout), unbinds and disconnects. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#connectTimer);
    clearInterval(this.#enquireTimer);
    const session = this.#session;
    if (session === undefined) {
      this.#state = 'closed';
      return;
    }
    const graceful = this.#state === 'bound';
    if (graceful) {
      this.#state = 'unbinding';
      this.#hooks.onStateChange();
      await this.#drained();
      await this.#request(session, new smpp.PDU('unbind'), false);
    }
    this.#state = 'closed';
    await this.#disconnect(session, graceful);
  }

  #connect(): void {
    this.#state = 'connecting';
    this.#wasBound = false;
    this.#attemptReported = false;
    this.#lastError = undefined;
    const { host, port } = this.#options;
    const session = smpp.connect({ host, port });
    this.#session = session;
    session.socket.setNoDelay(true);
    this.#connectTimer = setTimeout(() => {
      this.#lastError = new Error(`TCP connect to ${host}:${port} timed out`);
      session.destroy();
    }, this.#options.responseTimeoutMs);
    session.on('connect', () => {
      clearTimeout(this.#connectTimer);
      this.#bind(session);
    });
    session.on('pdu', (pdu) => this.#onPdu(session, pdu));
    session.on('error', (error) => {
      // 'close' follows and drives the reconnect; the error explains it.
      this.#lastError = error;
      session.destroy();
    });
    session.on('close', () => this.#onClose(session));
    // After the SMSC's FIN the socket stops being writable well before 'close'.
    session.socket.on('end', () => {
      if (session === this.#session) this.#markUnbound();
    });
  }

  #bind(session: Session): void {
    this.#state = 'binding';
    const { systemId, password, systemType, host, port, responseTimeoutMs } = this.#options;
    const pdu = new smpp.PDU('bind_transceiver', {
      system_id: systemId,
      password,
      system_type: systemType,
      interface_version: SMPP_VERSION_3_4,
    });
    void this.#request(session, pdu, false).then((outcome) => {
      if (session !== this.#session || this.#closing) return;
      if (outcome.kind === 'response' && outcome.pdu.command_status === COMMAND_STATUS.ok) {
        this.#state = 'bound';
        this.#wasBound = true;
        this.#failures = 0;
        this.#startEnquireLink(session);
        this.#logger.info({ host, port, systemId }, 'smpp bound');
        this.#reportAttempt(undefined);
        this.#hooks.onStateChange();
        return;
      }
      const target = `SMPP bind_transceiver to ${host}:${port} as "${systemId}"`;
      const error =
        outcome.kind === 'response'
          ? new SmppBindError('smpp.bind-refused', `${target} refused: ${describeStatus(outcome.pdu.command_status)}`, {
              status: outcome.pdu.command_status,
            })
          : new SmppBindError('smpp.bind-timeout', `${target}: no response within ${responseTimeoutMs} ms`);
      this.#logger.error({ err: error }, 'smpp bind failed');
      this.#reportAttempt(error);
      session.destroy();
    });
  }

  #onPdu(session: Session, pdu: PDU): void {
    if (session !== this.#session) return;
    if (pdu.isResponse()) {
      const pending = this.#pending.get(pdu.sequence_number);
      if (pending === undefined) {
        this.#logger.debug({ command: pdu.command, sequence: pdu.sequence_number }, 'smpp response without request');
        return;
      }
      this.#settle(pdu.sequence_number, pending, { kind: 'response', pdu });
      return;
    }
    switch (pdu.command) {
      case 'enquire_link':
        session.send(pdu.response());
        return;
      case 'deliver_sm':
        this.#deliver(session, pdu);
        return;
      case 'unbind':
        // The SMSC ends the bind (maintenance, failover): acknowledge, then reconnect as after a loss.
        this.#logger.warn('smpp unbind requested by smsc');
        this.#markUnbound();
        session.send(pdu.response(), () => session.close());
        return;
      default:
        session.send(
          new smpp.PDU('generic_nack', {
            sequence_number: pdu.sequence_number,
            command_status: COMMAND_STATUS.invalidCommandId,
          }),
        );
    }
  }

  #deliver(session: Session, pdu: PDU): void {
    const respond = (status: number): void => {
      if (!session.send(pdu.response({ command_status: status }))) {
        this.#logger.debug({ sequence: pdu.sequence_number }, 'deliver_sm_resp not sent: connection gone');
      }
    };
    void this.#hooks.onDeliverSm(pdu).then(respond, (error: unknown) => {
      this.#logger.error({ err: error }, 'deliver_sm handler failed');
      respond(COMMAND_STATUS.systemError);
    });
  }

  #startEnquireLink(session: Session): void {
    clearInterval(this.#enquireTimer);
    this.#enquireOutstanding = false;
    this.#enquireTimer = setInterval(() => {
      if (this.#enquireOutstanding) return;
      this.#enquireOutstanding = true;
      void this.#request(session, new smpp.PDU('enquire_link'), false).then((outcome) => {
        this.#enquireOutstanding = false;
        if (session !== this.#session || outcome.kind === 'response') return;
        this.#logger.warn({ outcome: outcome.kind }, 'smpp enquire_link unanswered, reconnecting');
        session.destroy();
      });
    }, this.#options.enquireLinkIntervalMs);
  }

  #request(session: Session, pdu: PDU, isSubmit: boolean): Promise<RequestOutcome> {
    this.#sequence = this.#sequence >= MAX_SEQUENCE ? 1 : this.#sequence + 1;
    const sequence = this.#sequence;
    pdu.sequence_number = sequence;
    return new Promise<RequestOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const pending = this.#pending.get(sequence);
        if (pending !== undefined) this.#settle(sequence, pending, { kind: 'timeout' });
      }, this.#options.responseTimeoutMs);
      const pending: PendingRequest = { resolve, timer, isSubmit };
      this.#pending.set(sequence, pending);
      batchWritesThisTick(session.socket);
      if (!session.send(pdu)) this.#settle(sequence, pending, { kind: 'lost' });
    });
  }

  #settle(sequence: number, pending: PendingRequest, outcome: RequestOutcome): void {
    this.#pending.delete(sequence);
    clearTimeout(pending.timer);
    if (pending.isSubmit) {
      this.#submitsInFlight -= 1;
      if (this.#submitsInFlight === 0) this.#wakeDrainWaiters();
    }
    pending.resolve(outcome);
  }

  #onClose(session: Session): void {
    if (session !== this.#session) return;
    this.#session = undefined;
    clearTimeout(this.#connectTimer);
    clearInterval(this.#enquireTimer);
    const lost = this.#pending.size;
    for (const [sequence, pending] of [...this.#pending]) this.#settle(sequence, pending, { kind: 'lost' });
    if (this.#closing) {
      this.#state = 'closed';
      return;
    }
    if (this.#wasBound) {
      this.#logger.warn({ inFlight: lost, err: this.#lastError }, 'smpp connection lost');
    } else if (!this.#attemptReported) {
      const { host, port } = this.#options;
      const reason = this.#lastError?.message ?? 'connection closed before bind';
      const error = new SmppBindError('smpp.connect-failed', `SMPP connect to ${host}:${port} failed: ${reason}`, {
        cause: this.#lastError,
      });
      this.#logger.warn({ err: error }, 'smpp connect failed');
      this.#reportAttempt(error);
    }
    this.#markUnbound();
    this.#state = 'waiting';
    this.#scheduleReconnect();
  }

  /** Stops dispatching to this bind at once; the connection itself may still be closing. */
  #markUnbound(): void {
    if (this.#state !== 'bound') return;
    this.#state = 'waiting';
    clearInterval(this.#enquireTimer);
    this.#hooks.onStateChange();
  }

  #scheduleReconnect(): void {
    const { reconnectMinMs, reconnectMaxMs } = this.#options;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** Math.min(this.#failures, 30));
    this.#failures += 1;
    // A little jitter keeps parallel binds from reconnecting in lockstep.
    const delay = Math.min(reconnectMaxMs, base * (1 + Math.random() * 0.2));
    this.#logger.debug({ delayMs: Math.round(delay) }, 'smpp reconnect scheduled');
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
  }

  #reportAttempt(error: SmppBindError | undefined): void {
    if (this.#attemptReported) return;
    this.#attemptReported = true;
    this.#hooks.onBindAttempt(error);
  }

  #drained(): Promise<void> {
    if (this.#submitsInFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }

  #wakeDrainWaiters(): void {
    const waiters = this.#drainWaiters;
    this.#drainWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Ends the TCP connection (FIN after an unbind, else at once) and waits for it to close. */
  #disconnect(session: Session, graceful: boolean): Promise<void> {
    if (session.socket.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => session.destroy(), this.#options.responseTimeoutMs);
      session.socket.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      if (graceful) session.close();
      else session.destroy();
    });
  }
}

const describeStatus = (status: number): string =>
  `${commandStatusName(status)} (0x${status.toString(16).toUpperCase().padStart(2, '0')})`;

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
