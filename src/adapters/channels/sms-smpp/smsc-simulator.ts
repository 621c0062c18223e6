import smpp from 'smpp';
import type { PDU, Session } from 'smpp';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { COMMAND_STATUS } from './command-status.js';
import { SmscMessageLog, destinationOf, receivedPart } from './smsc-message-log.js';
import type { ReceivedPart, SimulatedSms } from './smsc-message-log.js';
import { SmscReceipts } from './smsc-receipts.js';
import { SmscSubmitFaults } from './smsc-submit-faults.js';
import type { HeldReceipt, PendingReceipt, ReceiptAck, ReceiptSession } from './smsc-receipts.js';
import { batchWritesThisTick } from './write-batching.js';

export type { ReceivedPart, SimulatedSms } from './smsc-message-log.js';
export type { HeldReceipt, ReceiptAck } from './smsc-receipts.js';

/**
 * normal: one receipt per part after receiptDelayMs; twice: two of them; before-response: the
 * receipt goes out before the submit_sm_resp; unknown-id: it names a message id never issued.
 */
export type ReceiptMode = 'normal' | 'twice' | 'before-response' | 'unknown-id' | 'none';

export interface SmscSimulatorOptions {
  readonly systemId?: string;
  readonly password?: string;
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly receiptDelayMs?: number;
  readonly receiptMode?: ReceiptMode;
  /** Wait before resending a receipt the ESME answered with an error. */
  readonly receiptRetryMs?: number;
  readonly maxReceiptAttempts?: number;
  /**
   * The first message id it hands out (then counting up, in hex). By default one derived from the clock, unique
   * across restarts; 1 plays an SMSC that starts its ids over after a restart, as many do.
   */
  readonly firstMessageId?: number;
  readonly logger?: Logger;
}

export interface SmscSimulator {
  readonly host: string;
  readonly port: number;
  readonly messages: readonly SimulatedSms[];
  /** Every part accepted, in order, parts sent again included: beyond those of `messages`, they are stray. */
  readonly parts: readonly ReceivedPart[];
  /** Concatenated messages of which some parts came but not all (a stray part sent again starts one). */
  readonly incompleteMessages: number;
  readonly receiptAcks: readonly ReceiptAck[];
  /** Every submit_sm received, answered or not. */
  readonly submitCount: number;
  /** Successful binds since start. */
  readonly bindCount: number;
  /** Sessions bound right now. */
  readonly sessionCount: number;
  /** enquire_link requests received from ESMEs. */
  readonly enquireLinkCount: number;
  /** enquire_link_resp received for sendEnquireLink(). */
  readonly enquireLinkResponses: number;
  receiptMode: ReceiptMode;
  countByNumber(msisdn: string): number;
  /** Polls until the predicate holds; rejects after timeoutMs. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Answer the next n submits with ESME_RTHROTTLED. */
  throttle(nextN: number): void;
  /** Answer submits to this number with ESME_RINVDSTADR. */
  rejectNumber(msisdn: string): void;
  /** Receipts for this number say UNDELIV. */
  failNumberReceipt(msisdn: string): void;
  /** Destroy every connection now. */
  dropConnections(): void;
  /** Out of service: every bound connection dropped now, and every bind refused (ESME_RBINDFAIL) until acceptBinds. */
  refuseBinds(): void;
  acceptBinds(): void;
  /** Answer every submit with ESME_RSYSERR (an SMSC in trouble), until answerNormally. */
  answerErrors(): void;
  answerNormally(): void;
  /** After n more submits, drop that connection without answering the last one. */
  dropAfter(nSubmits: number): void;
  /**
   * Every nth submit from now on (over all sessions) drops its connection without an answer; responses written
   * in the same instant are lost with it, as on a real connection. null: no more drops.
   */
  dropEvery(nSubmits: number | null): void;
  /** Connections dropped by dropAfter and dropEvery. */
  readonly drops: number;
  /** Keep receipts instead of sending them (an SMSC whose receipts stall), until releaseReceipts or sendReceipts. */
  holdReceipts(): void;
  /** Sends the held receipts the filter picks (all by default); later ones are still held. */
  releaseReceipts(pick?: (receipt: HeldReceipt) => boolean): void;
  /** Sends the held receipts and every next one as it comes. */
  sendReceipts(): void;
  readonly heldReceipts: number;
  /** A hung SMSC: ignore every PDU (binds, submits, enquire_link) until resumeResponding(). */
  stopResponding(): void;
  resumeResponding(): void;
  /** Probe every bound session with an enquire_link, as SMSCs do. */
  sendEnquireLink(): void;
  close(): Promise<void>;
}

export const SMSC_SIMULATOR_DEFAULTS = {
  systemId: 'burgernet',
  password: 'secret',
  host: '127.0.0.1',
  port: 0,
  receiptDelayMs: 0,
  receiptMode: 'normal',
  receiptRetryMs: 50,
  maxReceiptAttempts: 5,
} as const satisfies SmscSimulatorOptions;

export async function startSmscSimulator(options: SmscSimulatorOptions = {}): Promise<SmscSimulator> {
  const simulator = new SimulatedSmsc({
    ...SMSC_SIMULATOR_DEFAULTS,
    ...options,
    firstMessageId: options.firstMessageId ?? Date.now() * 1_000,
  });
  await simulator.listen();
  return simulator;
}

interface SimSession extends ReceiptSession {
  bound: boolean;
}

type ResolvedOptions = Required<Omit<SmscSimulatorOptions, 'logger'>> & { readonly logger?: Logger };

class SimulatedSmsc implements SmscSimulator {
  receiptMode: ReceiptMode;
  readonly #options: ResolvedOptions;
  readonly #logger: Logger;
  readonly #server: smpp.Server;
  readonly #log = new SmscMessageLog();
  readonly #sessions = new Map<number, SimSession>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #faults = new SmscSubmitFaults();
  readonly #receipts: SmscReceipts;
  #nextSessionId = 1;
  #nextMessageId: number;
  #submitCount = 0;
  #bindCount = 0;
  #enquireLinkCount = 0;
  #enquireLinkResponses = 0;
  #responding = true;
  #refusingBinds = false;
  #closed = false;
  #port = 0;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.receiptMode = options.receiptMode;
    this.#nextMessageId = options.firstMessageId;
    this.#logger = (options.logger ?? pino({ enabled: false })).child({ component: 'smsc-simulator' });
    this.#server = smpp.createServer({}, (session) => this.#accept(session));
    this.#server.on('error', (error) => this.#logger.error({ err: error }, 'smsc simulator server error'));
    this.#receipts = new SmscReceipts({
      retryMs: options.receiptRetryMs,
      maxAttempts: options.maxReceiptAttempts,
      sessions: () => this.#sessions.values(),
      later: (delayMs, action) => this.#later(delayMs, action),
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, this.#options.host, () => {
        this.#server.off('error', reject);
        const address = this.#server.address();
        if (address === null || typeof address === 'string') {
          reject(new Error('smsc simulator is not listening on TCP'));
          return;
        }
        this.#port = address.port;
        this.#logger.info({ host: this.host, port: this.port }, 'smsc simulator listening');
        resolve();
      });
    });
  }

  get host(): string {
    return this.#options.host;
  }

  get port(): number {
    return this.#port;
  }

  get messages(): readonly SimulatedSms[] {
    return this.#log.messages;
  }

  get parts(): readonly ReceivedPart[] {
    return this.#log.parts;
  }

  get incompleteMessages(): number {
    return this.#log.incompleteMessages;
  }

  get drops(): number {
    return this.#faults.drops;
  }

  get heldReceipts(): number {
    return this.#receipts.heldCount;
  }

  get receiptAcks(): readonly ReceiptAck[] {
    return this.#receipts.acks;
  }

  get submitCount(): number {
    return this.#submitCount;
  }

  get bindCount(): number {
    return this.#bindCount;
  }

  get sessionCount(): number {
    return [...this.#sessions.values()].filter((s) => s.bound).length;
  }

  get enquireLinkCount(): number {
    return this.#enquireLinkCount;
  }

  get enquireLinkResponses(): number {
    return this.#enquireLinkResponses;
  }

  countByNumber(msisdn: string): number {
    return this.#log.countByNumber(msisdn);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`smsc simulator: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  throttle(nextN: number): void {
    this.#faults.throttle(nextN);
  }

  rejectNumber(msisdn: string): void {
    this.#faults.rejectNumber(msisdn);
  }

  failNumberReceipt(msisdn: string): void {
    this.#faults.failNumberReceipt(msisdn);
  }

  dropConnections(): void {
    for (const sim of this.#sessions.values()) sim.session.destroy();
  }

  dropAfter(nSubmits: number): void {
    this.#faults.dropAfter(nSubmits);
  }

  dropEvery(nSubmits: number | null): void {
    this.#faults.dropEvery(nSubmits);
  }

  refuseBinds(): void {
    this.#refusingBinds = true;
    this.dropConnections();
  }

  acceptBinds(): void {
    this.#refusingBinds = false;
  }

  answerErrors(): void {
    this.#faults.answerErrors(true);
  }

  answerNormally(): void {
    this.#faults.answerErrors(false);
  }

  holdReceipts(): void {
    this.#receipts.hold();
  }

  releaseReceipts(pick?: (receipt: HeldReceipt) => boolean): void {
    this.#receipts.release(pick);
  }

  sendReceipts(): void {
    this.#receipts.resume();
  }

  stopResponding(): void {
    this.#responding = false;
  }

  resumeResponding(): void {
    this.#responding = true;
  }

  sendEnquireLink(): void {
    for (const sim of this.#sessions.values()) {
      if (sim.bound) sim.session.send(new smpp.PDU('enquire_link'));
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.dropConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(session: Session): void {
    const sim: SimSession = { id: this.#nextSessionId++, session, bound: false, receiptsInFlight: new Map() };
    this.#sessions.set(sim.id, sim);
    session.socket.setNoDelay(true);
    session.on('pdu', (pdu) => this.#onPdu(sim, pdu));
    session.on('error', (error) => {
      this.#logger.debug({ session: sim.id, err: error }, 'smsc session error');
      session.destroy();
    });
    session.on('close', () => {
      this.#sessions.delete(sim.id);
      this.#receipts.sessionClosed(sim);
    });
  }

  #onPdu(sim: SimSession, pdu: PDU): void {
    if (pdu.command === 'submit_sm') this.#submitCount += 1;
    if (!this.#responding) return;
    batchWritesThisTick(sim.session.socket);
    switch (pdu.command) {
      case 'bind_transceiver':
      case 'bind_transmitter':
      case 'bind_receiver':
        this.#onBind(sim, pdu);
        return;
      case 'enquire_link':
        this.#enquireLinkCount += 1;
        sim.session.send(pdu.response());
        return;
      case 'enquire_link_resp':
        this.#enquireLinkResponses += 1;
        return;
      case 'unbind':
        sim.bound = false;
        sim.session.send(pdu.response(), () => sim.session.close());
        return;
      case 'submit_sm':
        this.#onSubmit(sim, pdu);
        return;
      case 'deliver_sm_resp':
      case 'generic_nack':
        this.#receipts.onResponse(sim, pdu);
        return;
      default:
        if (!pdu.isResponse()) {
          sim.session.send(
            new smpp.PDU('generic_nack', {
              sequence_number: pdu.sequence_number,
              command_status: COMMAND_STATUS.invalidCommandId,
            }),
          );
        }
    }
  }

  #onBind(sim: SimSession, pdu: PDU): void {
    if (this.#refusingBinds || pdu.system_id !== this.#options.systemId || pdu.password !== this.#options.password) {
      this.#logger.debug({ session: sim.id, systemId: pdu.system_id }, 'smsc bind refused');
      sim.session.send(pdu.response({ command_status: COMMAND_STATUS.bindFailed }));
      return;
    }
    sim.bound = true;
    this.#bindCount += 1;
    sim.session.send(pdu.response({ system_id: 'burgernet-smsc' }));
  }

  #onSubmit(sim: SimSession, pdu: PDU): void {
    if (!sim.bound) {
      sim.session.send(pdu.response({ command_status: COMMAND_STATUS.invalidBindStatus }));
      return;
    }
    const to = destinationOf(pdu);
    const fate = this.#faults.fateOf(to);
    switch (fate) {
      case 'drop-connection':
        sim.session.destroy();
        return;
      case 'throttle':
        sim.session.send(pdu.response({ command_status: COMMAND_STATUS.throttled }));
        return;
      case 'system-error':
        sim.session.send(pdu.response({ command_status: COMMAND_STATUS.systemError }));
        return;
      case 'reject-number':
        sim.session.send(pdu.response({ command_status: COMMAND_STATUS.invalidDestinationAddress }));
        return;
      case 'accept':
        break;
      default:
        throw new Error(`unexpected fate ${JSON.stringify(fate satisfies never)}`);
    }

    const messageId = (this.#nextMessageId++).toString(16).padStart(10, '0');
    const part = receivedPart(sim.id, pdu, messageId, new Date());
    const wantsReceipt = ((pdu.registered_delivery ?? 0) & 0x03) !== 0 && this.receiptMode !== 'none';
    const receipts: PendingReceipt[] = [];
    if (wantsReceipt) {
      const copies = this.receiptMode === 'twice' ? 2 : 1;
      for (let i = 0; i < copies; i += 1) {
        receipts.push({
          reportedId: this.receiptMode === 'unknown-id' ? `unknown-${messageId}` : messageId,
          to,
          sequence: part.concat?.sequence ?? 1,
          submit: pdu,
          failed: this.#faults.receiptFails(to),
          submittedAt: part.at,
          text: part.text,
          preferredSession: sim.id,
          attempts: 0,
        });
      }
    }
    if (this.receiptMode === 'before-response') for (const receipt of receipts) this.#receipts.send(receipt);
    sim.session.send(pdu.response({ message_id: messageId }));
    this.#log.add(part);
    if (this.receiptMode !== 'before-response') {
      for (const receipt of receipts) this.#later(this.#options.receiptDelayMs, () => this.#receipts.send(receipt));
    }
  }

  #later(delayMs: number, action: () => void): void {
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, delayMs);
    this.#timers.add(timer);
  }
}
