/** A counting semaphore: at most `limit` holders; the others wait in arrival order. */
export class CallLimiter {
  readonly limit: number;
  #active = 0;
  #peak = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  get active(): number {
    return this.#active;
  }

  /** The most holders at once since start. */
  get peak(): number {
    return this.#peak;
  }

  async acquire(): Promise<void> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    this.#peak = Math.max(this.#peak, this.#active);
  }

  release(): void {
    const next = this.#waiting.shift();
    // The slot passes straight to the next waiter: nobody can slip in between.
    if (next !== undefined) next();
    else this.#active -= 1;
  }
}
