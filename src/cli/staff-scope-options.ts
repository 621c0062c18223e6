import type { Command } from 'commander';
import type { Geodata } from '../compose/database-component.js';
import type { CliTexts } from '../domain/messages/cli-texts.js';
import { scopeOf, STAFF_ROLES, type StaffRole } from '../domain/staff/staff.js';
import { CliRefusal } from './cli-refusal.js';

export interface StaffScopeOptions {
  readonly role: StaffRole;
  readonly meldkamer?: string;
  readonly gemeente?: string;
}

export interface StaffScopeCodes {
  readonly role: StaffRole;
  readonly meldkamerCode: string | null;
  readonly gemeenteCode: string | null;
}

/** `--role`, `--meldkamer` and `--gemeente`, as `staff create` and `staff invite` take them. */
export function addStaffScopeOptions(command: Command, t: CliTexts): Command {
  return command
    .requiredOption('--role <rol>', t.staff.role({ roles: STAFF_ROLES }), (value: string): StaffRole => {
      const role = STAFF_ROLES.find((r) => r === value);
      if (role === undefined) throw new CliRefusal(t.staff.unknownRole({ role: value }));
      return role;
    })
    .option('--meldkamer <code>', t.staff.meldkamer, (value: string) => {
      if (!/^RE\d{2}$/i.test(value)) throw new CliRefusal(t.staff.invalidMeldkamer);
      return value.toUpperCase();
    })
    .option('--gemeente <code>', t.staff.gemeente, (value: string) => {
      if (!/^GM\d{4}$/i.test(value)) throw new CliRefusal(t.staff.invalidGemeente);
      return value.toUpperCase();
    });
}

/** The role with the code it needs (a centralist's meldkamer, a gemeente user's gemeente); other codes are dropped. */
export function staffScopeOf(t: CliTexts, options: StaffScopeOptions): StaffScopeCodes {
  const scope = scopeOf(options.role, options.meldkamer ?? null, options.gemeente ?? null);
  if (scope === null) {
    const needsGemeente = options.role === 'gemeente' || options.role === 'gemeente-beheer';
    throw new CliRefusal(
      needsGemeente
        ? t.staff.roleNeedsGemeente({ role: options.role })
        : t.staff.roleNeedsMeldkamer({ role: options.role }),
    );
  }
  return {
    role: options.role,
    meldkamerCode: scope.kind === 'meldkamer' ? scope.meldkamerCode : null,
    gemeenteCode: scope.kind === 'gemeente' ? scope.gemeenteCode : null,
  };
}

/** The bundled geography must know the code, as the API checks it. */
export function assertKnownScope(
  t: CliTexts,
  scope: StaffScopeCodes,
  geodata: Pick<Geodata, 'meldkamers' | 'gemeenten'>,
): void {
  const known =
    (scope.meldkamerCode === null || geodata.meldkamers.some((m) => m.code === scope.meldkamerCode)) &&
    (scope.gemeenteCode === null || geodata.gemeenten.some((g) => g.code === scope.gemeenteCode));
  if (!known) throw new CliRefusal(t.staff.unknownScope);
}
