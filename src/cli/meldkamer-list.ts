import type { Command } from 'commander';
import { displayPhone } from '../adapters/http/burgernet-app/burgernet-app-schemas.js';
import type { CliContext } from './cli-context.js';

/** `burgernet meldkamer list`: the ten meldkamers, where 0800-0011 puts their callers through, and their public number. */
export function meldkamerListCommand(meldkamer: Command, cli: CliContext): void {
  const t = cli.catalogue.cli.meldkamer.list;
  meldkamer
    .command('list')
    .description(t.description)
    .action(async () => {
      await cli.withDatabase(async ({ store }) => {
        for (const m of await store.meldkamers.list()) {
          cli.stdout.write(
            t.line({
              code: m.code,
              name: m.name,
              target: m.phoneRoutingTarget,
              phone: m.publicPhone === null ? null : displayPhone(m.publicPhone),
            }),
          );
        }
      });
    });
}
