import type { Catalogue } from '../domain/messages/catalogue.js';

/**
 * A command refused what it was asked (a bad value, an unknown meldkamer, a use case that said no). The message
 * is for the operator, in Dutch from the catalogue; `main.ts` prints it and exits with a failing code.
 */
export class CliRefusal extends Error {
  override readonly name = 'CliRefusal';
}

/** A use case's refusal the command has no words of its own for: the error's title from the catalogue. */
export function refusalOf(catalogue: Catalogue, error: { readonly code: string }): CliRefusal {
  return new CliRefusal(catalogue.cli.failures.refused({ reason: catalogue.problems[error.code] ?? error.code }));
}
