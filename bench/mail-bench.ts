import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { hashApiToken, newApiToken } from '../src/adapters/auth/api-token.js';
import { openPostgresDatabase } from '../src/adapters/store/database/postgres-database.js';
import type { Database } from '../src/adapters/store/database/database.js';
import { h3CellOf } from '../src/adapters/store/h3-cells.js';
import type { Store } from '../src/app/ports/stores.js';
import { loadConfig } from '../src/config.js';
import type { StaffRole } from '../src/domain/staff/staff.js';
import { startSystem, type RunningSystem } from '../src/compose/system.js';
import { clockFrom } from './bench-clock.js';
import type { BenchDatabase } from './bench-database.js';
import { AMSTERDAM_DAM, BENCH_MOMENT, UTRECHT_CENTRAAL } from './bench-places.js';
import { callApi, idOf } from './bench-staff.js';
import { sampleMemory, type MemoryFigures } from './memory-sampler.js';
import { startProgressBar } from './progress-bar.js';
import { apiTokenLifetime } from '../src/domain/staff/api-token-lifetime.js';

export interface MailBenchSettings {
  /** Participants with a confirmed address in one gemeente: one newsletter to all of them. */
  readonly recipients: number;
  /** SMS participants around Utrecht Centraal that each action alerts. */
  readonly smsRecipients: number;
  readonly timeoutMs: number;
}

export interface ActionTiming {
  /** From sending the start request to the SMSC receiving the first submit_sm. */
  readonly firstSmsMs: number;
  /** ... and the last of the action's SMS. */
  readonly lastSmsMs: number;
}

export interface MailFigures {
  readonly recipients: number;
  readonly config: Readonly<Record<string, string | number>>;
  /** From the send request until the worker had queued every recipient. */
  readonly queuedMs: number;
  /** From the send request to the first and the last message at the SMTP server. */
  readonly firstMailMs: number;
  readonly lastMailMs: number;
  /** Messages over first to last. */
  readonly messagesPerSecond: number;
  /** This process's CPU time (the whole system: worker, MIME, DKIM, SMTP client, database) per mail: what the rate is made of on a busy machine. */
  readonly cpuMsPerMail: number;
  readonly memory: MemoryFigures;
  /** An action with nothing else running, and one started when half the newsletter had gone. */
  readonly actionAlone: ActionTiming;
  readonly actionDuringMail: ActionTiming;
  /** The longest time without a mail after the second action started (the worker gave way to it). */
  readonly mailPausedMs: number;
  /** Times the worker checked and found an action sending. */
  readonly yields: number;
  /** Addresses that got the newsletter more or less than once. */
  readonly notExactlyOnce: number;
  readonly figures: Readonly<Record<string, number>>;
}

const POLL_MS = 5;
const BATCH = 10_000;

/** Participants straight into the tables, in batches: the bench measures sending, not signing up. */
async function insertParticipants(
  db: Database,
  o: {
    count: number;
    prefix: string;
    centre: { lat: number; lon: number };
    spreadDeg: number;
    gemeente: string;
    postcode: string;
    city: string;
    email: boolean;
    phoneBase: number;
  },
  at: Date,
): Promise<void> {
  for (let start = 0; start < o.count; start += BATCH) {
    const n = Math.min(BATCH, o.count - start);
    const ids: string[] = [];
    const names: string[] = [];
    const emails: (string | null)[] = [];
    const regIds: string[] = [];
    const msisdns: string[] = [];
    const lats: number[] = [];
    const lons: number[] = [];
    const cells: string[] = [];
    const houses: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      ids.push(randomUUID());
      names.push(`${o.prefix} ${k}`);
      emails.push(o.email ? `${o.prefix.toLowerCase()}${k}@bench.example` : null);
      regIds.push(randomUUID());
      msisdns.push(`+316${String(o.phoneBase + k).padStart(8, '0')}`);
      // A deterministic spread (golden-angle spiral) keeps runs comparable.
      const r = o.spreadDeg * Math.sqrt((k + 0.5) / o.count);
      const angle = k * 2.399963;
      const lat = o.centre.lat + r * Math.sin(angle);
      const lon = o.centre.lon + (r * Math.cos(angle)) / Math.cos((o.centre.lat * Math.PI) / 180);
      lats.push(lat);
      lons.push(lon);
      cells.push(h3CellOf({ lat, lon }));
      houses.push((k % 99_998) + 1);
    }
    await db.transaction(async (tx) => {
      await tx.execute(
        `insert into participants (id, name, email, email_confirmed_at, created_at, updated_at)
         select id, name, email, case when email is null then null else $4::timestamptz end, $4, $4 from unnest($1::uuid[], $2::text[], $3::text[]) as t(id, name, email)`,
        [ids, names, emails, at],
      );
      await tx.execute(
        `insert into registrations (id, participant_id, msisdn, channel, postcode, house_number, city, lat, lon, h3_cell, gemeente_code, time_windows, created_at)
         select r, p, m, 'sms', $8, h, $9, la, lo, c, $10, '[]'::jsonb, $11
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::float8[], $6::float8[], $7::bigint[]) as t(r, p, m, h, la, lo, c)`,
        [regIds, ids, msisdns, houses, lats, lons, cells, o.postcode, o.city, o.gemeente, at],
      );
    });
  }
}

async function staffToken(store: Store, role: StaffRole, scope: string): Promise<string> {
  const id = randomUUID();
  const token = newApiToken();
  await store.transaction(async (s) => {
    await s.staff.createStaff({
      id,
      name: `Bench ${role} ${scope}`,
      role,
      meldkamerCode: scope.startsWith('RE') ? scope : null,
      gemeenteCode: scope.startsWith('GM') ? scope : null,
    });
    await s.staff.addToken(id, hashApiToken(token), 'bench', apiTokenLifetime(new Date(), 365)!);
  });
  return token;
}

async function until(check: () => boolean | Promise<boolean>, deadline: number, what: string): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Starts an action around Utrecht Centraal and times its SMS at the SMSC simulator. */
async function timeAction(
  system: RunningSystem,
  token: string,
  smsRecipients: number,
  deadline: number,
): Promise<ActionTiming> {
  const simulator = system.sms.simulator!;
  const created = await callApi(system.url!, token, 'POST', '/api/v1/actions', {
    type: 'vermissing',
    message: 'Vermist: Daan (7), blauwe jas, rode fiets. Gezien bij Utrecht Centraal.',
    area: { kind: 'circle', centre: UTRECHT_CENTRAAL.centre, radiusMetres: 1_500 },
  });
  if (created.status !== 201)
    throw new Error(`creating the action failed: ${created.status} ${JSON.stringify(created.body)}`);
  const before = simulator.messages.length;
  const started = Date.now();
  const response = await callApi(system.url!, token, 'POST', `/api/v1/actions/${idOf(created.body)}/start`);
  if (response.status !== 200) throw new Error(`starting the action failed: ${response.status}`);
  await until(() => simulator.messages.length > before, deadline, 'the first SMS');
  const firstSmsMs = simulator.messages[before]!.receivedAt.getTime() - started;
  await until(() => simulator.messages.length >= before + smsRecipients, deadline, `the action's ${smsRecipients} SMS`);
  let last = 0;
  for (const m of simulator.messages.slice(before)) last = Math.max(last, m.receivedAt.getTime());
  return { firstSmsMs, lastSmsMs: last - started };
}

/**
 * One newsletter to `recipients` participants through the real SMTP adapter (pooled, DKIM-signed) to the SMTP
 * simulator in a process of its own: messages per second, time to the last, peak memory. Half-way an action starts; its first SMS is timed
 * against the same action with no mail running.
 */
export async function runMailBench(bench: BenchDatabase, settings: MailBenchSettings): Promise<MailFigures> {
  const clock = clockFrom(BENCH_MOMENT);
  const at = clock.now();
  const seeding = startProgressBar(`mail seed (${bench.kind})`, settings.recipients + settings.smsRecipients);
  await insertParticipants(
    bench.database,
    {
      count: settings.recipients,
      prefix: 'Lezer',
      centre: AMSTERDAM_DAM.centre,
      spreadDeg: 0.03,
      gemeente: 'GM0363',
      postcode: '1012AB',
      city: 'Amsterdam',
      email: true,
      phoneBase: 10_000_000,
    },
    at,
  );
  seeding.update(settings.recipients);
  await insertParticipants(
    bench.database,
    {
      count: settings.smsRecipients,
      prefix: 'Sms',
      centre: UTRECHT_CENTRAAL.centre,
      spreadDeg: 0.006,
      gemeente: 'GM0344',
      postcode: '3511AB',
      city: 'Utrecht',
      email: false,
      phoneBase: 60_000_000,
    },
    at,
  );
  seeding.update(settings.recipients + settings.smsRecipients);
  seeding.stop();
  if (bench.kind === 'postgres') {
    // One statement each: VACUUM cannot run inside the implicit transaction of a multi-statement script.
    await bench.database.runScript('vacuum analyze participants');
    await bench.database.runScript('vacuum analyze registrations');
  }

  const relay = await startRelayProcess();
  const env: Record<string, string> = {
    PORT: '0',
    SMSC_SIMULATOR_PORT: '0',
    REDIRECT_SIP_PORT: '0',
    DEMO: 'false',
    // A fresh database per run: a fresh key to seal its secrets (SECRETS_KEY is required outside the demo).
    SECRETS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    EMAIL_SMTP: 'relay',
    EMAIL_SMTP_HOST: '127.0.0.1',
    EMAIL_SMTP_PORT: String(relay.port),
    EMAIL_SMTP_REQUIRE_TLS: 'false',
    EMAIL_DSN_ON_SUCCESS: 'false',
    EMAIL_MESSAGES_PER_SECOND: '100000',
    EMAIL_SMTP_CONNECTIONS: '8',
    MAIL_BATCH_SIZE: '200',
    MAIL_MAX_IN_FLIGHT: '32',
    EMAIL_DKIM_PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        (e): e is [string, string] => e[1] !== undefined && /^(EMAIL|MAIL)_/.test(e[0]),
      ),
    ),
  };
  const config = loadConfig(env);
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination(2));
  // The mail worker's own pool beside the system's, as in production (DATABASE_URL).
  const mailDatabase =
    bench.kind === 'postgres' ? await openPostgresDatabase(bench.location, config.MAIL_DATABASE_POOL_SIZE) : undefined;
  const system = await startSystem(config, logger, {
    database: bench.database,
    clock,
    ...(mailDatabase ? { mailDatabase } : {}),
  }).catch(async (error: unknown) => {
    relay.stop();
    await mailDatabase?.close();
    throw error;
  });
  try {
    const deadline = Date.now() + settings.timeoutMs;
    const utrecht = system.geodata.gemeenten.find((g) => g.code === 'GM0344')!;
    const centralist = await staffToken(system.store, 'centralist', utrecht.policeUnitCode);
    const gemeente = await staffToken(system.store, 'gemeente', 'GM0363');
    const actionAlone = await timeAction(system, centralist, settings.smsRecipients, deadline);

    let secondStart = Number.POSITIVE_INFINITY;
    // The longest stretch without a mail after the second action started (at the relay's 100 ms reports): how
    // long the worker gave way.
    let longestGapMs = 0;
    let lastChangeAt = 0;
    relay.onFigures((f, previous) => {
      const now = Date.now();
      if (now > secondStart && f.received > previous.received) {
        longestGapMs = Math.max(longestGapMs, now - Math.max(lastChangeAt, secondStart));
        lastChangeAt = now;
      } else if (f.received > previous.received) lastChangeAt = now;
    });
    const templates = (await callApi(system.url!, gemeente, 'GET', '/api/v1/mail-templates')).body as {
      items: { id: string; kind: string; owner: { kind: string } }[];
    };
    const template = templates.items.find((x) => x.kind === 'nieuwsbrief' && x.owner.kind === 'landelijk')!;
    const created = await callApi(system.url!, gemeente, 'POST', '/api/v1/mails', {
      templateId: template.id,
      fields: {
        omschrijving:
          'De zomer komt eraan. Sluit ramen en deuren als u weggaat, ook voor even.\n\n- Laat geen sleutels liggen\n- Vraag de buren om de post',
        contact: 'Team Veiligheid',
      },
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    if (created.status !== 201)
      throw new Error(`writing the mail failed: ${created.status} ${JSON.stringify(created.body)}`);
    const mailId = idOf(created.body);
    const memory = sampleMemory(50);
    const bar = startProgressBar(`mail (${bench.kind})`, settings.recipients);
    const cpuBefore = process.cpuUsage();
    const sentAt = Date.now();
    const send = await callApi(system.url!, gemeente, 'POST', `/api/v1/mails/${mailId}/send`, {});
    if (send.status !== 200) throw new Error(`sending the mail failed: ${send.status} ${JSON.stringify(send.body)}`);
    let queuedMs = Number.NaN;
    const statusOf = async () => {
      const [row] = await bench.database.query<{ status: string }>('select status from mails where id = $1', [mailId]);
      return row?.status ?? '';
    };
    let lastStatusCheck = 0;
    await until(
      async () => {
        bar.update(relay.figures.received);
        if (Number.isNaN(queuedMs) && Date.now() - lastStatusCheck > 200) {
          lastStatusCheck = Date.now();
          if ((await statusOf()) !== 'queuing' && (await statusOf()) !== 'scheduled') queuedMs = Date.now() - sentAt;
        }
        return relay.figures.received >= settings.recipients / 2;
      },
      deadline,
      'half the newsletter',
    );

    const yieldsBefore = system.mail.dispatcher.figures().yields;
    secondStart = Date.now();
    const actionDuringMail = await timeAction(system, centralist, settings.smsRecipients, deadline);
    await until(
      () => {
        bar.update(relay.figures.received);
        return relay.figures.received >= settings.recipients;
      },
      deadline,
      'the whole newsletter',
    );
    await until(async () => (await statusOf()) === 'sent', deadline, 'the mail to be stored as sent');
    bar.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const mem = memory.stop();
    const { firstAt: firstMailAt, lastAt: lastMailAt } = relay.figures;
    const [figures] = await bench.database.query<Record<string, number>>(
      'select recipients, sent, delivered, bounced, failed, skipped, cancelled from mails where id = $1',
      [mailId],
    );
    await until(
      () => relay.figures.received >= settings.recipients && relay.figures.addresses > 0,
      deadline,
      "the relay's last figures",
    );
    const notExactlyOnce = relay.figures.notOnce + (settings.recipients - relay.figures.addresses);
    return {
      recipients: settings.recipients,
      config: {
        EMAIL_SMTP_CONNECTIONS: config.EMAIL_SMTP_CONNECTIONS,
        MAIL_BATCH_SIZE: config.MAIL_BATCH_SIZE,
        MAIL_MAX_IN_FLIGHT: config.MAIL_MAX_IN_FLIGHT,
        MAIL_DATABASE_POOL_SIZE: bench.kind === 'postgres' ? config.MAIL_DATABASE_POOL_SIZE : 'one PGlite connection',
        DKIM: 'rsa-sha256, 2048 bits',
      },
      queuedMs,
      firstMailMs: firstMailAt - sentAt,
      lastMailMs: lastMailAt - sentAt,
      messagesPerSecond: Math.round(settings.recipients / Math.max(0.001, (lastMailAt - firstMailAt) / 1000)),
      cpuMsPerMail: Math.round(((cpu.user + cpu.system) / 1000 / settings.recipients) * 100) / 100,
      memory: mem,
      actionAlone,
      actionDuringMail,
      mailPausedMs: longestGapMs,
      yields: system.mail.dispatcher.figures().yields - yieldsBefore,
      notExactlyOnce,
      figures: figures ?? {},
    };
  } finally {
    await system.stop();
    await mailDatabase?.close();
    relay.stop();
  }
}

interface RelayFigures {
  readonly received: number;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly addresses: number;
  readonly notOnce: number;
}

/** The SMTP simulator in a child process; its figures arrive as JSON lines. */
async function startRelayProcess(): Promise<{
  readonly port: number;
  readonly figures: RelayFigures;
  onFigures(listener: (now: RelayFigures, before: RelayFigures) => void): void;
  stop(): void;
}> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./smtp-simulator-process.ts', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.stdout === null) throw new Error('no stdout from the SMTP simulator process');
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP simulator process ended with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  let figures: RelayFigures = { received: 0, firstAt: 0, lastAt: 0, addresses: 0, notOnce: 0 };
  const listeners: ((now: RelayFigures, before: RelayFigures) => void)[] = [];
  lines.on('line', (line) => {
    const before = figures;
    figures = JSON.parse(line) as RelayFigures;
    for (const listener of listeners) listener(figures, before);
  });
  return {
    port,
    get figures() {
      return figures;
    },
    onFigures: (listener) => void listeners.push(listener),
    stop: () => void child.kill('SIGTERM'),
  };
}
