import type { AppError } from './app-error.js';

/** An error the caller is expected to handle: a stable, documented `code` and the facts that go with it. */
export interface CodedError {
  readonly code: string;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Fail<E> = { readonly ok: false; readonly error: E };

/**
 * What a use case or a domain rule returns when it can be refused: the value, or an error with a stable code.
 * Bugs and broken infrastructure are thrown, never returned.
 */
export type Result<T, E extends CodedError = AppError> = Ok<T> | Fail<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
/** `const`: the code stays a literal, so the error matches its member of the union. */
export const fail = <const E extends CodedError>(error: E): Fail<E> => ({ ok: false, error });
