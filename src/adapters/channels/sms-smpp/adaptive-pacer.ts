export interface AdaptivePacerOptions {
  readonly messagesPerSecond: number;
  /** Pause after the SMSC says it is throttling us. */
  readonly throttlePauseMs: number;
  /** Time to climb from zero back to the full rate after a slow-down. */
  readonly recoveryMs: number;
  /** Monotonic milliseconds. */
  readonly now: () => number;
}

/**
 * Token bucket over all binds with AIMD: a throttle response halves the rate (at most once per
 * pause, because one burst of throttled responses is one signal) and the rate then climbs back
 * linearly. Each SMS part takes one token.
 */
export class AdaptivePacer {
  readonly #maxRate: number;
  readonly #minRate: number;
  readonly #pauseMs: number;
  readonly #recoveryPerMs: number;
  readonly #now: () => number;
  #rate: number;
  #tokens: number;
  #refilledAt: number;
  #pausedUntil = 0;
  #slowedAt = Number.NEGATIVE_INFINITY;

  constructor(options: AdaptivePacerOptions) {
    if (!(options.messagesPerSecond > 0)) throw new RangeError('messagesPerSecond must be positive');
    this.#maxRate = options.messagesPerSecond / 1000;
    this.#minRate = this.#maxRate / 16;
    this.#pauseMs = options.throttlePauseMs;
    this.#recoveryPerMs = this.#maxRate / Math.max(1, options.recoveryMs);
    this.#now = options.now;
    this.#rate = this.#maxRate;
    this.#tokens = 1;
    this.#refilledAt = this.#now();
  }

  /** Messages per second allowed right now. */
  get currentRate(): number {
    return this.#rate * 1000;
  }

  /** Takes a token and returns 0, or returns how many ms to wait before asking again. */
  take(): number {
    const now = this.#now();
    this.#refill(now);
    if (now < this.#pausedUntil) return this.#pausedUntil - now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.#rate));
  }

  /** The SMSC throttled us: pause, and halve the rate unless we just did. */
  slowDown(): void {
    const now = this.#now();
    this.#refill(now);
    this.#pausedUntil = Math.max(this.#pausedUntil, now + this.#pauseMs);
    if (now - this.#slowedAt < this.#pauseMs) return;
    this.#slowedAt = now;
    this.#rate = Math.max(this.#minRate, this.#rate / 2);
    this.#tokens = Math.min(this.#tokens, 1);
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#refilledAt);
    this.#refilledAt = now;
    if (now >= this.#pausedUntil) {
      this.#rate = Math.min(this.#maxRate, this.#rate + elapsed * this.#recoveryPerMs);
    }
    // A bucket of 50 ms worth (at least one) smooths bursts without starving a slow rate.
    const capacity = Math.max(1, this.#rate * 50);
    this.#tokens = Math.min(capacity, this.#tokens + elapsed * this.#rate);
  }
}
