import type { Command } from 'commander';
import type { CountryCode } from 'libphonenumber-js';
import { displayPhone } from '../adapters/http/burgernet-app/burgernet-app-schemas.js';
import { parsePhoneNumber } from '../adapters/http/server/phone-number.js';
import { setMeldkamerPhone } from '../app/meldkamers/set-meldkamer-phone.js';
import type { CliContext } from './cli-context.js';
import { CliRefusal, refusalOf } from './cli-refusal.js';
import { meldkamerCode } from './meldkamer-code-option.js';

/** `burgernet meldkamer phone`: the number the app's "Bel politie" dials for this meldkamer's actions. */
export function meldkamerPhoneCommand(meldkamer: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.meldkamer;
  meldkamer
    .command('phone')
    .description(t.phone.description)
    .requiredOption('--code <RE..>', t.code, meldkamerCode)
    .option('--number <nummer>', t.phone.number)
    .option('--clear', t.phone.clear)
    .action(async (options: { code: string; number?: string; clear?: boolean }) => {
      if ((options.number === undefined) === (options.clear !== true)) throw new CliRefusal(t.phone.numberOrClear);
      const phone =
        options.number === undefined
          ? null
          : parsePhoneNumber(options.number, cli.config.PHONE_COUNTRIES as CountryCode[]);
      if (options.number !== undefined && phone === null)
        throw new CliRefusal(t.phone.invalidNumber({ number: options.number }));
      await cli.withDatabase(async ({ store }) => {
        const outcome = await setMeldkamerPhone({ store, clock: cli.clock }, null, options.code, phone?.msisdn ?? null);
        if (!outcome.ok)
          throw outcome.error.code === 'meldkamer.not-found'
            ? new CliRefusal(t.unknown({ code: options.code }))
            : refusalOf(cli.catalogue, outcome.error);
        const m = outcome.value;
        cli.stdout.write(
          m.publicPhone === null
            ? t.phone.cleared({ code: m.code })
            : t.phone.set({ code: m.code, phone: displayPhone(m.publicPhone) }),
        );
      });
    });
}
