import { Command, InvalidArgumentError, Option } from 'commander';
import type { DatabaseKind } from '../src/adapters/store/database/database.js';

export const PHASES = ['seed', 'targeting', 'fanout', 'redirect', 'voice', 'push', 'dashboard', 'mail'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  readonly stores: readonly DatabaseKind[];
  readonly participants: number;
  readonly only: ReadonlySet<Phase>;
  readonly runs: number;
  readonly fanoutRecipients: number;
  /** Deliveries in the table the 0800-0011 redirect bench searches. */
  readonly redirectDeliveries: number;
  /** Voice participants the voice bench calls. */
  readonly voiceRecipients: number;
  /** Phones the push bench subscribes and notifies. */
  readonly pushSubscriptions: number;
  /** Actions a month in the dashboard bench's two years of history. */
  readonly dashboardActionsPerMonth: number;
  /** Participants with a confirmed address the mail bench sends one newsletter to. */
  readonly mailRecipients: number;
  readonly databaseUrl: string;
  /** Keep the bench database, and reuse a kept one that holds as many participants instead of seeding. */
  readonly keep: boolean;
  /** Set when this process runs one store for a parent: where to write its figures. */
  readonly resultFile: string | null;
}

const count = (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

const phases = (value: string): Phase[] => {
  const names = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(PHASES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new InvalidArgumentError(`expected some of ${PHASES.join(',')}`);
  return names as Phase[];
};

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const program = new Command('bench')
    .description('Seeding, targeting and SMS fan-out figures on PGlite and PostgreSQL')
    .addOption(
      new Option('--store <store>', 'store to measure').choices(['pglite', 'postgres', 'both']).default('both'),
    )
    .option('--participants <n>', 'synthetic participants to seed', count, 2_400_000)
    .option('--only <phases>', `phases to measure: ${PHASES.join(',')}`, phases, [...PHASES])
    .option('--runs <n>', 'timed selections per targeting case', count, 20)
    .option('--fanout-recipients <n>', 'SMS recipients of the fan-out action', count, 100_000)
    .option('--redirect-deliveries <n>', 'deliveries in the database of the 0800-0011 redirect bench', count, 1_000_000)
    .option('--voice-recipients <n>', 'voice participants the voice bench calls (trunk limit 60)', count, 2_000)
    .option('--push-subscriptions <n>', 'phones the push bench notifies', count, 100_000)
    .option(
      '--dashboard-actions-per-month <n>',
      "actions a month in the dashboard bench's two years of history",
      count,
      700,
    )
    .option('--mail-recipients <n>', "recipients of the mail bench's newsletter", count, 200_000)
    .option(
      '--database-url <url>',
      'PostgreSQL server; the bench creates and drops its own database there',
      process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    )
    .option('--keep', 'keep the bench database; reuse a kept one with the same participants instead of seeding', false)
    .addOption(new Option('--result-file <path>').hideHelp())
    .showHelpAfterError();
  program.parse([...argv], { from: 'user' });
  const o = program.opts<{
    store: string;
    participants: number;
    only: Phase[];
    runs: number;
    fanoutRecipients: number;
    redirectDeliveries: number;
    voiceRecipients: number;
    pushSubscriptions: number;
    dashboardActionsPerMonth: number;
    mailRecipients: number;
    databaseUrl: string;
    keep: boolean;
    resultFile?: string;
  }>();
  return {
    // PostgreSQL first: its figures do not wait for (or suffer from) the slower embedded run.
    stores: o.store === 'both' ? ['postgres', 'pglite'] : [o.store === 'pglite' ? 'pglite' : 'postgres'],
    participants: o.participants,
    only: new Set(o.only),
    runs: o.runs,
    fanoutRecipients: o.fanoutRecipients,
    redirectDeliveries: o.redirectDeliveries,
    voiceRecipients: o.voiceRecipients,
    pushSubscriptions: o.pushSubscriptions,
    dashboardActionsPerMonth: o.dashboardActionsPerMonth,
    mailRecipients: o.mailRecipients,
    databaseUrl: o.databaseUrl,
    keep: o.keep,
    resultFile: o.resultFile ?? null,
  };
}
