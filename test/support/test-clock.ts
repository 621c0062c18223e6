import type { Clock } from '../../src/app/ports/clock.js';

/** A clock the test sets; it advances with real time from the moment it was set, so timeouts still work. */
export class TestClock implements Clock {
  #base: number;
  #setAt = Date.now();

  constructor(start: Date = new Date()) {
    this.#base = start.getTime();
  }

  now(): Date {
    return new Date(this.#base + (Date.now() - this.#setAt));
  }

  set(at: Date): void {
    this.#base = at.getTime();
    this.#setAt = Date.now();
  }
}
