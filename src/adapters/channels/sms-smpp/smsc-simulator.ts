import smpp from 'smpp';
import type { PDU, Session } from 'smpp';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { COMMAND_STATUS } from './command-status.js';
import { SmscMessageLog } from './smsc-message-log.js';
import type { SimulatedEncoding, SimulatedSms } from './smsc-message-log.js';
import { SmscReceipts } from './smsc-receipts.js';
import type { PendingReceipt, ReceiptAck, ReceiptSession } from './smsc-receipts.js';
import { findConcatInfo } from './udh.js';
import { batchWritesThisTick } from './write-batching.js';

export type { SimulatedSms } from './smsc-message-log.js';
export type { ReceiptAck } from './smsc-receipts.js';

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
  readonly logger?: Logger;
}

export interface SmscSimulator {
  readonly host: string;
  readonly port: number;
  readonly messages: readonly SimulatedSms[];
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
  /** After n more submits, drop that connection without answering the last one. */
  dropAfter(nSubmits: number): void;
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
  const simulator = new SimulatedSmsc({ ...SMSC_SIMULATOR_DEFAULTS, ...options });
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
  readonly #rejected = new Set<string>();
  readonly #failedReceipts = new Set<string>();
  readonly #receipts: SmscReceipts;
  #nextSessionId = 1;
  // Unique across restarts, as a real SMSC's are: the store keys parts by message id, so ids that start over
  // at 1 would match a restarted system's receipts to the parts of its earlier run.
  #nextMessageId = Date.now() * 1_000;
  #submitCount = 0;
  #bindCount = 0;
  #enquireLinkCount = 0;
  #enquireLinkResponses = 0;
  #responding = true;
  #throttleRemaining = 0;
  #dropAfterRemaining: number | undefined;
  #closed = false;
  #port = 0;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.receiptMode = options.receiptMode;
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
    this.#throttleRemaining = nextN;
  }

  rejectNumber(msisdn: string): void {
    this.#rejected.add(msisdn);
  }

  failNumberReceipt(msisdn: string): void {
    this.#failedReceipts.add(msisdn);
  }

  dropConnections(): void {
    for (const sim of this.#sessions.values()) sim.session.destroy();
  }

  dropAfter(nSubmits: number): void {
    this.#dropAfterRemaining = nSubmits;
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
    if (pdu.system_id !== this.#options.systemId || pdu.password !== this.#options.password) {
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
    if (this.#dropAfterRemaining !== undefined) {
      this.#dropAfterRemaining -= 1;
      if (this.#dropAfterRemaining <= 0) {
        this.#dropAfterRemaining = undefined;
        sim.session.destroy();
        return;
      }
    }
    if (this.#throttleRemaining > 0) {
      this.#throttleRemaining -= 1;
      sim.session.send(pdu.response({ command_status: COMMAND_STATUS.throttled }));
      return;
    }
    const to = internationalForm(pdu.destination_addr ?? '', pdu.dest_addr_ton ?? 0);
    if (this.#rejected.has(to)) {
      sim.session.send(pdu.response({ command_status: COMMAND_STATUS.invalidDestinationAddress }));
      return;
    }

    const messageId = (this.#nextMessageId++).toString(16).padStart(10, '0');
    const now = new Date();
    const encoding = encodingOf(pdu.data_coding ?? 0);
    const text = textOf(pdu);
    const wantsReceipt = ((pdu.registered_delivery ?? 0) & 0x03) !== 0 && this.receiptMode !== 'none';
    const receipts: PendingReceipt[] = [];
    if (wantsReceipt) {
      const copies = this.receiptMode === 'twice' ? 2 : 1;
      for (let i = 0; i < copies; i += 1) {
        receipts.push({
          reportedId: this.receiptMode === 'unknown-id' ? `unknown-${messageId}` : messageId,
          submit: pdu,
          failed: this.#failedReceipts.has(to),
          submittedAt: now,
          text,
          preferredSession: sim.id,
          attempts: 0,
        });
      }
    }
    if (this.receiptMode === 'before-response') for (const receipt of receipts) this.#receipts.send(receipt);
    sim.session.send(pdu.response({ message_id: messageId }));
    this.#log.add({
      sessionId: sim.id,
      from: pdu.source_addr ?? '',
      to,
      encoding,
      text,
      concat: findConcatInfo(pdu.short_message?.udh ?? []),
      messageId,
      validUntil: pdu.validity_period instanceof Date ? pdu.validity_period : undefined,
      registeredDelivery: pdu.registered_delivery ?? 0,
      at: now,
    });
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

const TON_INTERNATIONAL = 1;

const internationalForm = (address: string, ton: number): string =>
  ton === TON_INTERNATIONAL && !address.startsWith('+') ? `+${address}` : address;

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
