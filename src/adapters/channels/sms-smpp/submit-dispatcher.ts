import type { PduOptions } from 'smpp';
import type { Logger } from 'pino';
import type { AdaptivePacer } from './adaptive-pacer.js';
import { SUBMIT_TIMEOUT, type BindSession, type SubmitResponse } from './bind-session.js';
import { classifySubmitStatus, commandStatusName } from './command-status.js';

export type PartOutcome =
  | { readonly kind: 'accepted'; readonly messageId: string }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** How the SMSC answered a submit, for its health: as it should (accepted, throttled, the message refused), or with an error of its own. */
export type SmscAnswer = { readonly kind: 'normal' } | { readonly kind: 'error'; readonly detail: string };

export interface PartContext {
  readonly deliveryId: string;
  readonly part: number;
}

interface Job {
  readonly fields: PduOptions;
  readonly context: PartContext;
  readonly enqueuedAt: number;
  readonly settle: (outcome: PartOutcome) => void;
  throttled: number;
}

export interface SubmitDispatcherOptions {
  readonly pacer: AdaptivePacer;
  /** How long a part may wait while no bind at all is up. */
  readonly submitTimeoutMs: number;
  /** A part throttled this often ends 'unavailable' instead of waiting forever. */
  readonly maxThrottleRetries: number;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  readonly logger: Logger;
  readonly onAnswer?: (answer: SmscAnswer) => void;
}

/**
 * Queues submit_sm parts and hands each to a bind with window space, round robin, at the pacer's
 * rate. Throttled parts go back to the front of the line (up to maxThrottleRetries times); parts a
 * bind turned out to be down for are sent elsewhere; nothing is retried after a loss, because
 * the SMSC may already have accepted it (the caller decides, knowing the outcome was 'unavailable').
 */
export class SubmitDispatcher {
  readonly #options: SubmitDispatcherOptions;
  readonly #queue = new JobQueue();
  /** Throttled parts; they go before fresh ones. */
  #retries: Job[] = [];
  #binds: readonly BindSession[] = [];
  #nextBind = 0;
  #unboundSince: number | undefined;
  #pumpTimer: NodeJS.Timeout | undefined;
  #expiryTimer: NodeJS.Timeout | undefined;
  #closedReason: string | undefined;
  #pumping = false;

  constructor(options: SubmitDispatcherOptions) {
    this.#options = options;
    this.#unboundSince = options.now();
  }

  attach(binds: readonly BindSession[]): void {
    this.#binds = binds;
  }

  send(fields: PduOptions, context: PartContext): Promise<PartOutcome> {
    if (this.#closedReason !== undefined) {
      return Promise.resolve({ kind: 'unavailable', reason: this.#closedReason });
    }
    return new Promise<PartOutcome>((settle) => {
      this.#queue.push({ fields, context, enqueuedAt: this.#options.now(), settle, throttled: 0 });
      this.#pump();
    });
  }

  /** A bind came up or went down. */
  bindsChanged(): void {
    const anyBound = this.#binds.some((bind) => bind.isBound);
    if (anyBound) {
      this.#unboundSince = undefined;
      clearTimeout(this.#expiryTimer);
      this.#expiryTimer = undefined;
    } else {
      this.#unboundSince ??= this.#options.now();
    }
    this.#pump();
  }

  /** Parts not sent yet end 'unavailable' now (safe to send elsewhere); the dispatcher stays open. */
  releaseQueued(reason: string): number {
    clearTimeout(this.#expiryTimer);
    this.#expiryTimer = undefined;
    const jobs = this.#drainQueued();
    for (const job of jobs) job.settle({ kind: 'unavailable', reason });
    return jobs.length;
  }

  /** Every queued part ends 'unavailable'; parts already sent settle through their bind. */
  close(reason: string): void {
    this.#closedReason = reason;
    clearTimeout(this.#pumpTimer);
    clearTimeout(this.#expiryTimer);
    for (const job of this.#drainQueued()) job.settle({ kind: 'unavailable', reason });
  }

  #pump(): void {
    // A bind changing state inside submit() calls back here; the running loop re-checks anyway.
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      this.#pumpLoop();
    } finally {
      this.#pumping = false;
    }
  }

  #pumpLoop(): void {
    clearTimeout(this.#pumpTimer);
    this.#pumpTimer = undefined;
    while (this.#closedReason === undefined && (this.#retries.length > 0 || this.#queue.size > 0)) {
      const bind = this.#pickBind();
      if (bind === undefined) {
        if (this.#unboundSince !== undefined) this.#scheduleExpiry();
        return;
      }
      const waitMs = this.#options.pacer.take();
      if (waitMs > 0) {
        this.#pumpTimer = setTimeout(() => this.#pump(), waitMs);
        return;
      }
      const job = this.#retries.shift() ?? this.#queue.shift();
      if (job === undefined) return;
      this.#dispatch(job, bind);
    }
  }

  #pickBind(): BindSession | undefined {
    const count = this.#binds.length;
    for (let i = 0; i < count; i += 1) {
      const bind = this.#binds[(this.#nextBind + i) % count];
      if (bind?.hasCapacity) {
        this.#nextBind = (this.#nextBind + i + 1) % count;
        return bind;
      }
    }
    return undefined;
  }

  #dispatch(job: Job, bind: BindSession): void {
    void bind.submit(job.fields).then((response) => {
      this.#handle(job, response);
      this.#pump();
    });
  }

  #handle(job: Job, response: SubmitResponse): void {
    if (response.kind === 'not-sent') {
      if (this.#closedReason === undefined) this.#retries.unshift(job);
      else job.settle({ kind: 'unavailable', reason: this.#closedReason });
      return;
    }
    if (response.kind === 'lost') {
      // No answer in time from a connection that is still there: the SMSC's fault. A lost connection is not.
      if (response.reason === SUBMIT_TIMEOUT) this.#options.onAnswer?.({ kind: 'error', detail: response.reason });
      job.settle({ kind: 'unavailable', reason: response.reason });
      return;
    }
    const statusClass = classifySubmitStatus(response.status);
    this.#options.onAnswer?.(
      statusClass === 'transient'
        ? { kind: 'error', detail: `smpp:${commandStatusName(response.status)}` }
        : { kind: 'normal' },
    );
    switch (statusClass) {
      case 'ok':
        job.settle({ kind: 'accepted', messageId: response.messageId });
        return;
      case 'throttled':
        job.throttled += 1;
        this.#options.pacer.slowDown();
        if (job.throttled > this.#options.maxThrottleRetries) {
          job.settle({ kind: 'unavailable', reason: `smpp:${commandStatusName(response.status)}` });
          return;
        }
        this.#options.logger.debug(
          { ...job.context, status: commandStatusName(response.status), rate: this.#options.pacer.currentRate },
          'smpp submit throttled, resubmitting',
        );
        if (this.#closedReason === undefined) this.#retries.push(job);
        else job.settle({ kind: 'unavailable', reason: this.#closedReason });
        return;
      case 'transient':
        job.settle({ kind: 'unavailable', reason: `smpp:${commandStatusName(response.status)}` });
        return;
      case 'permanent':
        job.settle({ kind: 'rejected', reason: `smpp:${commandStatusName(response.status)}` });
        return;
      default:
        assertNever(statusClass);
    }
  }

  /** While no bind is up, a part that has waited submitTimeoutMs gives up. */
  #scheduleExpiry(): void {
    if (this.#expiryTimer !== undefined || this.#unboundSince === undefined) return;
    const oldest = Math.min(this.#queue.peek()?.enqueuedAt ?? Infinity, ...this.#retries.map((j) => j.enqueuedAt));
    if (oldest === Infinity) return;
    const deadline = Math.max(oldest, this.#unboundSince) + this.#options.submitTimeoutMs;
    this.#expiryTimer = setTimeout(
      () => {
        this.#expiryTimer = undefined;
        this.#expire();
      },
      Math.max(0, deadline - this.#options.now()),
    );
  }

  #expire(): void {
    const unboundSince = this.#unboundSince;
    if (unboundSince === undefined) return;
    const now = this.#options.now();
    const expired = (job: Job): boolean =>
      now - Math.max(job.enqueuedAt, unboundSince) >= this.#options.submitTimeoutMs;
    const reason = 'no SMPP bind available';
    const keep: Job[] = [];
    for (const job of this.#retries) {
      if (expired(job)) job.settle({ kind: 'unavailable', reason });
      else keep.push(job);
    }
    this.#retries = keep;
    for (let job = this.#queue.peek(); job !== undefined && expired(job); job = this.#queue.peek()) {
      this.#queue.shift();
      job.settle({ kind: 'unavailable', reason });
    }
    this.#scheduleExpiry();
  }

  #drainQueued(): Job[] {
    const jobs = this.#retries;
    this.#retries = [];
    for (let job = this.#queue.shift(); job !== undefined; job = this.#queue.shift()) jobs.push(job);
    return jobs;
  }
}

/** FIFO with O(1) shift, for bursts of many thousand parts. */
class JobQueue {
  #items: Job[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(job: Job): void {
    this.#items.push(job);
  }

  peek(): Job | undefined {
    return this.#items[this.#head];
  }

  shift(): Job | undefined {
    const job = this.#items[this.#head];
    if (job === undefined) return undefined;
    this.#head += 1;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return job;
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
