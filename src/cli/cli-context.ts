import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { IdGenerator } from '../app/ports/id-generator.js';
import type { SecretTokens } from '../app/ports/staff-credentials.js';
import type { StoreParts } from '../compose/database-component.js';
import type { Config } from '../config.js';
import type { Catalogue } from '../domain/messages/catalogue.js';

/** What every command is given: the configuration, the catalogue, the outputs, and the database on request. */
export interface CliContext {
  readonly config: Config;
  readonly catalogue: Catalogue;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** API tokens (`bn_…`) and activation links: new secrets, and the hashes stored instead. */
  readonly apiTokens: SecretTokens;
  readonly activationTokens: SecretTokens;
  /** What the command reports (tokens, lists, confirmations). */
  readonly stdout: NodeJS.WritableStream;
  /** Progress bars and summaries of long runs. */
  readonly stderr: NodeJS.WritableStream;
  /** Opens the database (migrated, with the reference data), runs `work` on it, and closes it again. */
  withDatabase<T>(work: (parts: StoreParts) => Promise<T>): Promise<T>;
}
