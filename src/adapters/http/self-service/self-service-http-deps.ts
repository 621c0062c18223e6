import type { CountryCode } from 'libphonenumber-js';
import type { ImportJobs } from '../../../app/relatiebeheer/import-jobs.js';
import type { RelatiebeheerDeps } from '../../../app/relatiebeheer/relatiebeheer-deps.js';
import type { SelfServiceDeps } from '../../../app/self-service/self-service-deps.js';

/** The public site, sign-up, "Mijn gegevens", e-mail links and relatiebeheer. */
export interface SelfServiceHttpDeps {
  readonly selfService: SelfServiceDeps;
  readonly relatiebeheer: RelatiebeheerDeps;
  /** Relatiebeheer's imports, with their limits (rows and bytes per file, how many run at once). */
  readonly importJobs: ImportJobs;
  /** Countries whose numbers may be registered at all (codes go to fewer: SelfServiceDeps.codeCountries). */
  readonly phoneCountries: readonly CountryCode[];
  /** Ended public actions stay on "Actuele acties" this long. */
  readonly recentHours: number;
}
