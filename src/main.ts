import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import pino, { type Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Gemeente } from './domain/geo/gemeente.js';
import type { Pc4Centroid } from './domain/geo/pc4-centroid.js';
import { scopeOf, STAFF_ROLES, type StaffRole } from './domain/staff/staff.js';
import { hashApiToken, newApiToken } from './adapters/auth/api-token.js';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from './adapters/geodata/geodata.js';
import { ensureDemoStaff } from './adapters/seed/demo-staff.js';
import { ensureDemoMeldkamerPhones } from './adapters/seed/demo-meldkamer-phones.js';
import { ensureDemoMailAddresses } from './adapters/burgernetmail/demo-mail-addresses.js';
import { parsePhoneNumber } from './adapters/http/schemas/phone-number.js';
import { displayPhone } from './adapters/http/schemas/app-schemas.js';
import { setMeldkamerPhone } from './app/meldkamers/set-meldkamer-phone.js';
import type { CountryCode } from 'libphonenumber-js';
import { demoLoginText, ensureDemoLogins } from './adapters/seed/demo-logins.js';
import { createArgon2PasswordHasher } from './adapters/auth/argon2-password-hasher.js';
import { createOtplibTotp } from './adapters/auth/otplib-totp.js';
import { addStaffPortalCommands } from './adapters/plein/staff-cli.js';
import { seedParticipants } from './adapters/seed/seed-participants.js';
import { addHistoryCommand, ensureDemoHistory } from './adapters/seed/history-cli.js';
import { createStore } from './adapters/store/create-store.js';
import { createSqlMeldkamerDirectory } from './adapters/store/sql-meldkamer-directory.js';
import type { Database } from './adapters/store/database/database.js';
import { migrate } from './adapters/store/migrate.js';
import { openDatabase } from './adapters/store/open-database.js';
import { syncReferenceData } from './adapters/store/sync-reference-data.js';
import { startSystem } from './compose/system.js';

function createLogger(config: Config): Logger {
  return pino({
    level: config.LOG_LEVEL,
    // Personal data never reaches the log, even when an object carrying it is logged by mistake.
    // err.detail: PostgreSQL puts the values of a refused row there ("Failing row contains (…)"), e.g. a tip's text.
    redact: { paths: ['*.msisdn', '*.phone', '*.name', '*.email', 'req.headers.authorization', 'err.detail'], censor: '[verborgen]' },
  });
}

async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, dataDir: config.DATA_DIR });
  try {
    await migrate(db);
    const gemeenten = await loadGemeenten();
    await syncReferenceData(db, meldkamersOf(gemeenten), gemeenten);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function seedWithProgress(
  db: Database,
  count: number,
  seed: number,
  geodata?: { readonly gemeenten: readonly Gemeente[]; readonly pc4Centroids: readonly Pc4Centroid[] },
): Promise<void> {
  const { gemeenten, pc4Centroids } = geodata ?? { gemeenten: await loadGemeenten(), pc4Centroids: await loadPc4Centroids() };
  const bar = new SingleBar({
    format: 'Deelnemers aanmaken [{bar}] {percentage}% | {value}/{total} | {rate}/s | nog {eta}s',
    stream: process.stderr,
    hideCursor: true,
  });
  const started = Date.now();
  bar.start(count, 0, { rate: 0 });
  const result = await seedParticipants(db, {
    count,
    seed,
    gemeenten,
    pc4Centroids,
    at: new Date(),
    onProgress: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) }),
  });
  bar.stop();
  process.stderr.write(`${result.participants} deelnemers met ${result.registrations} aanmeldingen opgeslagen in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Geef een geheel getal van 0 of meer.');
  return n;
};

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const program = new Command('burgernet').description('Burgernet: burgers helpen de politie zoeken').showHelpAfterError();

  program
    .command('start', { isDefault: true })
    .description('Start het hele systeem: database, SMSC-simulator, verzending en API')
    .action(async () => {
      const logger = createLogger(config);
      // One database, one migration pass and one load of the geography: the demo data goes into the running system.
      const system = await startSystem(config, logger);
      if (config.DEMO && config.DEMO_PARTICIPANTS > 0) {
        const [row] = await system.database.query<{ n: number }>('select count(*)::int as n from participants');
        if ((row?.n ?? 0) === 0) await seedWithProgress(system.database, config.DEMO_PARTICIPANTS, 2026, system.geodata);
      }
      // The dashboard's two years of sign-ups, actions and campaigns, once.
      if (config.DEMO) await ensureDemoHistory(system.database, system.geodata.gemeenten, config.DEMO_ACTIONS_PER_MONTH);
      const tokens = config.DEMO ? await ensureDemoStaff(system.store.staff, system.geodata.meldkamers, config.DATA_DIR) : [];
      if (config.DEMO) await ensureDemoMeldkamerPhones(system.store.meldkamers);
      // Burgernetmail: confirmed demo addresses (and a few that bounce), once.
      if (config.DEMO) await ensureDemoMailAddresses(system.database, new Date());
      logger.info(
        { url: system.url, openapi: `${system.url}/openapi.json`, docs: `${system.url}/docs/api`, database: system.database.kind, smsc: system.sms.simulator ? `simulator op poort ${system.sms.simulator.port}` : `${config.SMPP_HOST}:${config.SMPP_PORT}` },
        'Burgernet draait',
      );
      if (tokens.length > 0) {
        process.stdout.write(
          `\nBurgernet draait op ${system.url}\nAPI-documentatie: ${system.url}/docs/api (OpenAPI: ${system.url}/openapi.json)\n` +
            `Demo-toegangssleutels (Authorization: Bearer ...):\n${tokens.map((t) => `  ${t.name.padEnd(36)} ${t.token}`).join('\n')}\n\n`,
        );
        const pushService = system.push.localPushService;
        if (pushService !== null) process.stdout.write(`Gesimuleerde telefoons (pushmeldingen): ${pushService.origin}/subscriptions\n\n`);
        const relay = system.email.simulator;
        if (relay !== null) process.stdout.write(`Burgernetmail gaat naar de SMTP-simulator op poort ${relay.port}; bekijk de berichten op ${system.url}/plein/burgernetmail/simulator\n\n`);
      }
      if (config.DEMO && system.url !== null) {
        // Portal logins for the demo; localhost rather than 127.0.0.1, as passkeys need a domain name.
        const logins = await ensureDemoLogins(system.store, createArgon2PasswordHasher(), new Date());
        process.stdout.write(`${await demoLoginText(system.url.replace('//127.0.0.1:', '//localhost:'), logins, createOtplibTotp('Burgernet'), new Date())}\n`);
      }
      const shutdown = async (signal: string) => {
        logger.info({ signal }, 'stopping');
        await system.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Pas de databasemigraties toe')
    .action(async () => {
      await withDatabase(config, async (db) => {
        process.stdout.write(`Database (${db.kind}) is bijgewerkt.\n`);
      });
    });

  program
    .command('seed')
    .description('Maak synthetische deelnemers aan, verdeeld over Nederland naar inwonertal')
    .requiredOption('--participants <n>', 'aantal deelnemers', positiveInt)
    .option('--seed <n>', 'startwaarde van de generator (zelfde waarde, zelfde deelnemers)', positiveInt, 2026)
    .action(async (options: { participants: number; seed: number }) => {
      await withDatabase(config, (db) => seedWithProgress(db, options.participants, options.seed));
    });

  addHistoryCommand(program, (work) => withDatabase(config, work));

  const staff = program.command('staff').description('Medewerkers en hun toegangssleutels');
  staff
    .command('create')
    .description('Maak een medewerker aan en toon een nieuwe toegangssleutel (eenmalig)')
    .requiredOption('--name <naam>', 'naam')
    .requiredOption('--role <rol>', `rol: ${STAFF_ROLES.join(', ')}`)
    .option('--meldkamer <code>', 'meldkamer (RE01–RE10) voor centralist en meldkamer-beheer')
    .option('--gemeente <code>', 'gemeentecode (GM....) voor gemeente en gemeente-beheer')
    .action(async (options: { name: string; role: string; meldkamer?: string; gemeente?: string }) => {
      if (!STAFF_ROLES.includes(options.role as StaffRole)) throw new InvalidArgumentError(`Onbekende rol "${options.role}".`);
      if (scopeOf(options.role as StaffRole, options.meldkamer ?? null, options.gemeente ?? null) === null) {
        throw new InvalidArgumentError(`De rol ${options.role} hoort bij ${options.role.startsWith('gemeente') ? 'een gemeente: geef --gemeente GM....' : 'een meldkamer: geef --meldkamer RE..'}`);
      }
      if (options.meldkamer !== undefined && !/^RE\d{2}$/.test(options.meldkamer)) throw new InvalidArgumentError('Een meldkamer heet RE01 tot en met RE10.');
      if (options.gemeente !== undefined && !/^GM\d{4}$/.test(options.gemeente)) throw new InvalidArgumentError('Een gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0363.');
      await withDatabase(config, async (db) => {
        const known = await db.query<{ n: number }>(
          'select (select count(*) from meldkamers where code = $1)::int + (select count(*) from gemeenten where code = $2)::int as n',
          [options.meldkamer ?? null, options.gemeente ?? null],
        );
        if ((known[0]?.n ?? 0) !== (options.meldkamer ? 1 : 0) + (options.gemeente ? 1 : 0)) {
          throw new InvalidArgumentError('Onbekende meldkamer of gemeente.');
        }
        const store = createStore(db);
        const id = randomUUID();
        const token = newApiToken();
        await store.transaction(async (s) => {
          await s.staff.createStaff({ id, name: options.name, role: options.role as StaffRole, meldkamerCode: options.meldkamer ?? null, gemeenteCode: options.gemeente ?? null });
          await s.staff.addToken(id, hashApiToken(token), 'cli');
          await s.audit.append({ actorId: null, actorName: 'cli', event: 'staff.created', subjectType: 'staff', subjectId: id, details: { role: options.role }, at: new Date() });
        });
        process.stdout.write(`Medewerker ${options.name} (${options.role}) aangemaakt.\nToegangssleutel (bewaar hem nu, hij wordt niet opnieuw getoond):\n${token}\n`);
      });
    });
  staff
    .command('list')
    .description('Toon de actieve medewerkers')
    .action(async () => {
      await withDatabase(config, async (db) => {
        for (const s of await createStore(db).staff.listStaff()) {
          const scope = s.scope.kind === 'meldkamer' ? s.scope.meldkamerCode : s.scope.kind === 'gemeente' ? s.scope.gemeenteCode : 'landelijk';
          process.stdout.write(`${s.id}  ${s.role.padEnd(18)} ${scope.padEnd(9)} ${s.name}\n`);
        }
      });
    });

  addStaffPortalCommands(staff, (work) => withDatabase(config, work), config.STAFF_ACTIVATION_HOURS, config.WEBAUTHN_ORIGIN ?? `http://localhost:${config.PORT}`);

  const meldkamer = program.command('meldkamer').description('De tien meldkamers en waar 0800-0011 naartoe doorverbindt');
  meldkamer
    .command('list')
    .description('Toon de meldkamers met hun doorverbindadres')
    .action(async () => {
      await withDatabase(config, async (db) => {
        for (const m of await createSqlMeldkamerDirectory(db).list()) {
          process.stdout.write(`${m.code}  ${m.name.padEnd(24)} ${m.phoneRoutingTarget.padEnd(36)} app: ${m.publicPhone === null ? '-' : displayPhone(m.publicPhone)}\n`);
        }
      });
    });
  meldkamer
    .command('route')
    .description('Stel in waar 0800-0011 bellers voor deze meldkamer naartoe doorverbindt')
    .requiredOption('--code <RE..>', 'meldkamer, RE01–RE10')
    .requiredOption('--target <adres>', 'SIP-adres (sip:...) of telefoonnummer (+31...)')
    .action(async (options: { code: string; target: string }) => {
      if (!/^(sips?:[^\s@]+@[^\s@]+|\+[1-9]\d{6,14})$/.test(options.target)) {
        throw new InvalidArgumentError('Geef een SIP-adres (sip:naam@domein) of een nummer in de vorm +31...');
      }
      await withDatabase(config, async (db) => {
        if (!(await createSqlMeldkamerDirectory(db).setRoutingTarget(options.code.toUpperCase(), options.target))) {
          throw new InvalidArgumentError(`Onbekende meldkamer "${options.code}".`);
        }
        await createStore(db).audit.append({ actorId: null, actorName: 'cli', event: 'meldkamer.routing-changed', subjectType: 'system', subjectId: options.code.toUpperCase(), details: { target: options.target }, at: new Date() });
        process.stdout.write(`Meldkamer ${options.code.toUpperCase()} verbindt door naar ${options.target}.\n`);
      });
    });
  meldkamer
    .command('phone')
    .description('Stel het openbare nummer in dat "Bel politie" in de app belt voor acties van deze meldkamer')
    .requiredOption('--code <RE..>', 'meldkamer, RE01–RE10')
    .option('--number <nummer>', 'het nummer, bijvoorbeeld 088 123 4567 of +31881234567')
    .option('--clear', 'geen eigen nummer: de app belt het landelijke nummer van de politie')
    .action(async (options: { code: string; number?: string; clear?: boolean }) => {
      if ((options.number === undefined) === (options.clear !== true)) throw new InvalidArgumentError('Geef --number <nummer> of --clear.');
      const phone = options.number === undefined ? null : parsePhoneNumber(options.number, config.PHONE_COUNTRIES as CountryCode[]);
      if (options.number !== undefined && phone === null) throw new InvalidArgumentError(`"${options.number}" is geen geldig telefoonnummer.`);
      await withDatabase(config, async (db) => {
        const outcome = await setMeldkamerPhone({ store: createStore(db), clock: { now: () => new Date() } }, null, options.code.toUpperCase(), phone?.msisdn ?? null);
        if (!outcome.ok) throw new InvalidArgumentError(`Onbekende meldkamer "${options.code}".`);
        const m = outcome.value;
        process.stdout.write(m.publicPhone === null ? `Meldkamer ${m.code}: geen eigen nummer; de app belt het landelijke nummer.\n` : `Meldkamer ${m.code}: de app belt ${displayPhone(m.publicPhone)}.\n`);
      });
    });

  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InvalidArgumentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Burgernet stopte door een fout: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
