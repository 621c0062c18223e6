import type { CliTexts } from '../domain/messages/cli-texts.js';
import { CliRefusal } from './cli-refusal.js';

/** Reads an option that counts something: a whole number, 0 or more. */
export function countOption(t: CliTexts, option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0)
      throw new CliRefusal(t.failures.notACount({ option, value }));
    return n;
  };
}
