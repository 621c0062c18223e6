import type { Command } from 'commander';
import { setRoutingTarget } from '../app/meldkamers/set-routing-target.js';
import type { CliContext } from './cli-context.js';
import { CliRefusal, refusalOf } from './cli-refusal.js';
import { meldkamerCode } from './meldkamer-code-option.js';

/** A SIP URI (sip:name@domain) or an E.164 number. */
const ROUTING_TARGET = /^(sips?:[^\s@]+@[^\s@]+|\+[1-9]\d{6,14})$/;

/** `burgernet meldkamer route`: where 0800-0011 puts this meldkamer's callers through. */
export function meldkamerRouteCommand(meldkamer: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.meldkamer;
  meldkamer
    .command('route')
    .description(t.route.description)
    .requiredOption('--code <RE..>', t.code, meldkamerCode)
    .requiredOption('--target <adres>', t.route.target)
    .action(async (options: { code: string; target: string }) => {
      if (!ROUTING_TARGET.test(options.target)) throw new CliRefusal(t.route.invalidTarget);
      await cli.withDatabase(async ({ store }) => {
        const outcome = await setRoutingTarget({ store, clock: cli.clock }, null, options.code, options.target);
        if (!outcome.ok)
          throw outcome.error.code === 'meldkamer.not-found'
            ? new CliRefusal(t.unknown({ code: options.code }))
            : refusalOf(cli.catalogue, outcome.error);
        cli.stdout.write(t.route.done({ code: options.code, target: options.target }));
      });
    });
}
