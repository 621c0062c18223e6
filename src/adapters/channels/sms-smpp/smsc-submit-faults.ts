/** What the simulated SMSC does with a submit_sm, as its faults decide. */
export type SubmitFate = 'drop-connection' | 'throttle' | 'system-error' | 'reject-number' | 'accept';

/**
 * The named ways the simulated SMSC fails a submit_sm (as jasmin's simulators do): throttle the next n, refuse
 * a number, answer every submit with a system error, drop the connection after n more or every nth, and receipts
 * that say UNDELIV for a number.
 */
export class SmscSubmitFaults {
  readonly #rejected = new Set<string>();
  readonly #failedReceipts = new Set<string>();
  #throttleRemaining = 0;
  #dropAfterRemaining: number | undefined;
  #dropEvery: number | null = null;
  #answerErrors = false;
  #submitsSinceDrop = 0;
  #drops = 0;

  /** Connections dropped by dropAfter and dropEvery. */
  get drops(): number {
    return this.#drops;
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

  receiptFails(to: string): boolean {
    return this.#failedReceipts.has(to);
  }

  /** Every submit from now on is answered ESME_RSYSERR (true), or as usual again (false). */
  answerErrors(on: boolean): void {
    this.#answerErrors = on;
  }

  dropAfter(nSubmits: number): void {
    this.#dropAfterRemaining = nSubmits;
  }

  dropEvery(nSubmits: number | null): void {
    this.#dropEvery = nSubmits;
    this.#submitsSinceDrop = 0;
  }

  /** The fate of the next submit_sm of a bound session, to this number. */
  fateOf(to: string): SubmitFate {
    if (this.#dropsNow()) {
      this.#drops += 1;
      return 'drop-connection';
    }
    if (this.#throttleRemaining > 0) {
      this.#throttleRemaining -= 1;
      return 'throttle';
    }
    if (this.#answerErrors) return 'system-error';
    return this.#rejected.has(to) ? 'reject-number' : 'accept';
  }

  #dropsNow(): boolean {
    if (this.#dropAfterRemaining !== undefined) {
      this.#dropAfterRemaining -= 1;
      if (this.#dropAfterRemaining <= 0) {
        this.#dropAfterRemaining = undefined;
        return true;
      }
    }
    if (this.#dropEvery === null) return false;
    this.#submitsSinceDrop += 1;
    if (this.#submitsSinceDrop < this.#dropEvery) return false;
    this.#submitsSinceDrop = 0;
    return true;
  }
}
