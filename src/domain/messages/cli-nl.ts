/**
 * The command line (`burgernet …`, `npm run cli -- …`): its help, what its commands print, and why it refuses.
 * Part of the Dutch catalogue (`nl.cli`).
 */
const lines = (...parts: readonly string[]): string => `${parts.join('\n')}\n`;

export const cliNl = {
  description: 'Burgernet: burgers helpen de politie zoeken',

  /** The help commander shows; its section titles and placeholders. */
  help: {
    titles: {
      usage: 'Gebruik:',
      arguments: 'Argumenten:',
      options: 'Opties:',
      globalOptions: 'Algemene opties:',
      commands: 'Opdrachten:',
    },
    optionsPlaceholder: '[opties]',
    commandPlaceholder: '[opdracht]',
    helpOption: 'toon deze hulp',
    helpCommand: 'toon de hulp bij een opdracht',
    defaultValue: ({ value }: { value: string }) => `standaard: ${value}`,
    choices: ({ values }: { values: readonly string[] }) => `een van: ${values.join(', ')}`,
  },

  /** A command line that cannot be read (commander's own checks). */
  usageErrors: {
    unknownCommand: ({ name }: { name: string }) => `fout: onbekende opdracht '${name}'`,
    unknownOption: ({ flag }: { flag: string }) => `fout: onbekende optie '${flag}'`,
    missingOption: ({ flags }: { flags: string }) => `fout: de optie '${flags}' is verplicht`,
    missingOptionValue: ({ flags }: { flags: string }) => `fout: de optie '${flags}' heeft een waarde nodig`,
    missingArgument: ({ name }: { name: string }) => `fout: het argument '${name}' ontbreekt`,
    excessArguments: ({
      command,
      expected,
      received,
    }: {
      command: string;
      expected: number;
      received: readonly string[];
    }) =>
      `fout: te veel argumenten voor '${command}': ${expected === 0 ? 'geen' : expected} verwacht, kreeg ${received.map((a) => `'${a}'`).join(' ')}`,
  },

  /** Why a command stopped without doing what was asked. */
  failures: {
    config: ({ problems }: { problems: readonly string[] }) =>
      `Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    crashed: ({ detail }: { detail: string }) => `Burgernet stopte door een fout: ${detail}`,
    refused: ({ reason }: { reason: string }) => `${reason}.`,
    notACount: ({ option, value }: { option: string; value: string }) =>
      `${option}: "${value}" is geen geheel getal van 0 of meer.`,
  },

  start: {
    description: 'Start het hele systeem: database, SMSC-simulator, verzending en API',
    running: ({ url }: { url: string }) =>
      lines('', `Burgernet draait op ${url}`, `API-documentatie: ${url}/docs/api (OpenAPI: ${url}/openapi.json)`),
    demoTokens: ({ tokens }: { tokens: readonly { readonly name: string; readonly token: string }[] }) =>
      lines(
        'Demo-toegangssleutels (Authorization: Bearer ...):',
        ...tokens.map((t) => `  ${t.name.padEnd(36)} ${t.token}`),
        '',
      ),
    simulatedPhones: ({ url }: { url: string }) => lines(`Gesimuleerde telefoons (pushmeldingen): ${url}`, ''),
    mailSimulator: ({ port, url }: { port: number; url: string }) =>
      lines(
        `Burgernetmail gaat naar de SMTP-simulator op poort ${port}; bekijk de berichten op ${url}/plein/burgernetmail/simulator`,
        '',
      ),
    demoLogins: (p: {
      url: string;
      password: string;
      totpSecret: string;
      enrolmentUri: string;
      code: string;
      logins: readonly { readonly email: string; readonly role: string }[];
    }) =>
      lines(
        `Burgernetplein (demo): ${p.url}/plein`,
        `  Wachtwoord voor alle demo-accounts: ${p.password}`,
        `  Authenticator-sleutel (TOTP): ${p.totpSecret}  (${p.enrolmentUri})`,
        `  Code op dit moment: ${p.code} (verandert elke 30 seconden; voeg de sleutel toe aan een authenticator-app)`,
        ...p.logins.map((l) => `  ${l.email.padEnd(36)} ${l.role}`),
        '',
      ),
  },

  migrate: {
    description: 'Pas de databasemigraties toe',
    done: ({ database }: { database: string }) => lines(`Database (${database}) is bijgewerkt.`),
  },

  seed: {
    description: 'Maak synthetische deelnemers aan, verdeeld over Nederland naar inwonertal',
    participants: 'aantal deelnemers',
    seed: 'startwaarde van de generator (zelfde waarde, zelfde deelnemers)',
    /** A cli-progress format: {bar}, {percentage}, {value}, {total}, {eta} and our {rate}. */
    progress: 'Deelnemers aanmaken [{bar}] {percentage}% | {value}/{total} | {rate}/s | nog {eta}s',
    done: ({
      participants,
      registrations,
      seconds,
    }: {
      participants: number;
      registrations: number;
      seconds: string;
    }) => lines(`${participants} deelnemers met ${registrations} aanmeldingen opgeslagen in ${seconds} s.`),
  },

  history: {
    description: 'Demogeschiedenis voor het dashboard: acties van de afgelopen maanden, wervingscampagnes, afmeldingen',
    months: 'maanden geschiedenis tot nu',
    actionsPerMonth: 'acties per maand, verdeeld naar inwonertal',
    seed: 'startwaarde (zelfde waarde, zelfde geschiedenis)',
    redate: 'geef de opgeslagen deelnemers aanmelddatums verspreid over de geschiedenis (alleen voor demodata)',
    monthsOutOfRange: 'Kies 1 tot en met 36 maanden.',
    alreadySeeded: 'Deze database heeft al een demogeschiedenis.',
    /** A cli-progress format. */
    progress: 'Demogeschiedenis dashboard [{bar}] {percentage}% | {value}/{total} | nog {eta}s',
    done: (p: {
      actions: number;
      months: number;
      campaigns: number;
      leavers: number;
      redated: number;
      seconds: string;
    }) =>
      lines(
        `Dashboard: ${p.actions} acties over ${p.months} maanden, ${p.campaigns} wervingscampagnes, ${p.leavers} afmeldingen` +
          `${p.redated > 0 ? `, aanmelddatums van ${p.redated} deelnemers verspreid` : ''} in ${p.seconds} s.`,
      ),
  },

  staff: {
    description: 'Medewerkers, hun portaalaccounts en toegangssleutels',
    name: 'naam',
    role: ({ roles }: { roles: readonly string[] }) => `rol: ${roles.join(', ')}`,
    meldkamer: 'meldkamer (RE01–RE10) voor centralist en meldkamer-beheer',
    gemeente: 'gemeentecode (GM....) voor gemeente en gemeente-beheer',
    unknownRole: ({ role }: { role: string }) => `Onbekende rol "${role}".`,
    roleNeedsMeldkamer: ({ role }: { role: string }) => `De rol ${role} hoort bij een meldkamer: geef --meldkamer RE..`,
    roleNeedsGemeente: ({ role }: { role: string }) => `De rol ${role} hoort bij een gemeente: geef --gemeente GM....`,
    invalidMeldkamer: 'Een meldkamer heet RE01 tot en met RE10.',
    invalidGemeente: 'Een gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0363.',
    unknownScope: 'Onbekende meldkamer of gemeente.',
    create: {
      description: 'Maak een medewerker aan en toon een nieuwe toegangssleutel (eenmalig)',
      days: ({ standard, max }: { standard: number; max: number }) =>
        `hoeveel dagen de sleutel geldig is (1 tot ${max}; standaard ${standard})`,
      done: ({ name, role, token, expiresAt }: { name: string; role: string; token: string; expiresAt: Date }) =>
        lines(
          `Medewerker ${name} (${role}) aangemaakt.`,
          `Toegangssleutel, geldig tot ${expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })} (bewaar hem nu, hij wordt niet opnieuw getoond):`,
          token,
        ),
    },
    list: {
      description: 'Toon de actieve medewerkers',
      national: 'landelijk',
      line: ({ id, role, scope, name }: { id: string; role: string; scope: string; name: string }) =>
        lines(`${id}  ${role.padEnd(18)} ${scope.padEnd(9)} ${name}`),
    },
    invite: {
      description:
        'Maak een portaalaccount aan en toon de activeringslink (wachtwoord en tweede stap kiest de medewerker zelf)',
      email: 'e-mailadres (inlognaam)',
      invalidEmail: 'Geef een geldig e-mailadres.',
      emailTaken: 'Er is al een account met dit e-mailadres.',
      done: ({ name, role, hours, link }: { name: string; role: string; hours: number; link: string }) =>
        lines(
          `Account voor ${name} (${role}) aangemaakt.`,
          `Activeringslink (${hours} uur geldig, eenmalig te gebruiken):`,
          link,
        ),
    },
    revoke: {
      description: 'Trek een account in: sessies en toegangssleutels vervallen direct',
      id: 'id van de medewerker (zie staff list)',
      invalidId: 'Geef het id van de medewerker (zie staff list).',
      notFound: 'Geen actieve medewerker met dit id.',
      done: ({ name }: { name: string }) => lines(`Account van ${name} ingetrokken.`),
    },
  },

  meldkamer: {
    description: 'De tien meldkamers en waar 0800-0011 naartoe doorverbindt',
    code: 'meldkamer, RE01–RE10',
    unknown: ({ code }: { code: string }) => `Onbekende meldkamer "${code}".`,
    list: {
      description: 'Toon de meldkamers met hun doorverbindadres',
      line: ({ code, name, target, phone }: { code: string; name: string; target: string; phone: string | null }) =>
        lines(`${code}  ${name.padEnd(24)} ${target.padEnd(36)} app: ${phone ?? '-'}`),
    },
    route: {
      description: 'Stel in waar 0800-0011 bellers voor deze meldkamer naartoe doorverbindt',
      target: 'SIP-adres (sip:...) of telefoonnummer (+31...)',
      invalidTarget: 'Geef een SIP-adres (sip:naam@domein) of een nummer in de vorm +31...',
      done: ({ code, target }: { code: string; target: string }) =>
        lines(`Meldkamer ${code} verbindt door naar ${target}.`),
    },
    phone: {
      description: 'Stel het openbare nummer in dat "Bel politie" in de app belt voor acties van deze meldkamer',
      number: 'het nummer, bijvoorbeeld 088 123 4567 of +31881234567',
      clear: 'geen eigen nummer: de app belt het landelijke nummer van de politie',
      numberOrClear: 'Geef --number <nummer> of --clear.',
      invalidNumber: ({ number }: { number: string }) => `"${number}" is geen geldig telefoonnummer.`,
      set: ({ code, phone }: { code: string; phone: string }) => lines(`Meldkamer ${code}: de app belt ${phone}.`),
      cleared: ({ code }: { code: string }) =>
        lines(`Meldkamer ${code}: geen eigen nummer; de app belt het landelijke nummer.`),
    },
  },
};
