/** A counting semaphore: at most `limit` holders; the others wait in order. */
export class InFlightLimit {
  readonly #limit: number;
  #held = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  acquire(): Promise<void> {
    if (this.#held < this.#limit) {
      this.#held += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next();
    else this.#held -= 1;
  }
}
