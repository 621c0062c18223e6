import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import { openPostgresDatabase } from '../src/adapters/store/database/postgres-database.js';
import { startOwnPostgres, type OwnPostgres } from './support/own-postgres.js';
import {
  allDelivered,
  apiAt,
  killAllSystems,
  prepareAmsterdam,
  spawnSystem,
  startAlert,
} from './support/system-processes.js';

const MAX_IN_FLIGHT = 100;
const DAM = { lat: 52.3731, lon: 4.8926 };
/** Any request must be answered in this time; a hang fails the test instead of the suite's timeout. */
const ANSWER_WITHIN_MS = 10_000;
/** Rounds of requests (four kinds at once) while the database is away. */
const OUTAGE_ROUNDS = 25;

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly contentType: string;
  readonly body: string;
  readonly ms: number;
}

async function ask(url: string, init: RequestInit = {}): Promise<Answer> {
  const startedAt = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  const body = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    contentType: response.headers.get('content-type') ?? '',
    body,
    ms: performance.now() - startedAt,
  };
}

describe('PostgreSQL restarted in the middle of an action', () => {
  let postgres: OwnPostgres;
  let simulator: SmscSimulator;
  let token: string;

  before(async () => {
    [postgres, simulator] = await Promise.all([
      startOwnPostgres(),
      // A receipt the system cannot store yet is not acknowledged; like a real SMSC, this one offers it again
      // (every second, for a minute) until it is.
      startSmscSimulator({ port: 0, receiptRetryMs: 1_000, maxReceiptAttempts: 60 }),
    ]);
    const db = await openPostgresDatabase(postgres.url, 2);
    try {
      token = await prepareAmsterdam(db, 4_000);
    } finally {
      await db.close();
    }
  });
  after(async () => {
    killAllSystems();
    await simulator?.close();
    await postgres?.remove();
  });

  test(
    'the API answers 503 with Retry-After while it is away, and every participant gets the alert once it is back',
    { timeout: 120_000 },
    async (t) => {
      const system = await spawnSystem({
        DATABASE_URL: postgres.url,
        SMSC: 'external',
        SMPP_HOST: simulator.host,
        SMPP_PORT: String(simulator.port),
        PORT: '0',
        REDIRECT_SIP_PORT: '0',
        DEMO: 'false',
        DISPATCH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
        SMPP_MESSAGES_PER_SECOND: '200',
      });
      const centralist = apiAt(system.url, token);
      const area = { kind: 'circle', centre: DAM, radiusMetres: 3_000 };
      const draft = { type: 'vermissing', message: 'Vermist: Noor (9), gele regenjas, roze step.' };
      const alert = await startAlert(centralist, draft, area);
      const { actionId, recipients, text: alertText } = alert;
      assert.ok(recipients >= 1_000, `a few thousand participants put over a thousand in the area, got ${recipients}`);
      const sentTo = () => simulator.messages.filter((m) => m.text === alertText).map((m) => m.to);

      await simulator.waitFor(() => sentTo().length >= recipients / 4, 60_000);
      await postgres.stop('fast');
      const sentAtStop = sentTo().length;
      assert.ok(sentAtStop < recipients, 'the database went away before the fan-out was done');

      // While it is away: the API, a page, an action's public page and the health answer 503 at once.
      const api = `${system.url}/api/v1/actions/${actionId}`;
      const asCentralist = { authorization: `Bearer ${token}` };
      const answers: { readonly what: string; readonly answer: Answer }[] = [];
      for (let round = 0; round < OUTAGE_ROUNDS; round++) {
        const together = await Promise.all([
          ask(`${api}/progress`, { headers: asCentralist }).then((answer) => ({ what: 'progress', answer })),
          ask(`${api}/updates`, {
            method: 'POST',
            headers: { ...asCentralist, 'content-type': 'application/json' },
            body: JSON.stringify({ text: 'Zij heeft een rugzak bij zich.' }),
          }).then((answer) => ({ what: 'update', answer })),
          ask(`${system.url}/acties/${actionId}`, { headers: { accept: 'text/html' } }).then((answer) => ({
            what: 'page',
            answer,
          })),
          ask(`${system.url}/health`).then((answer) => ({ what: 'health', answer })),
        ]);
        answers.push(...together);
      }
      for (const { what, answer } of answers) {
        assert.equal(answer.status, 503, `${what}: ${answer.status} ${answer.body.slice(0, 300)}`);
        assert.ok(Number(answer.retryAfter) > 0, `${what}: Retry-After ${answer.retryAfter}`);
        if (what === 'page') {
          assert.match(answer.contentType, /^text\/html/);
          assert.match(answer.body, /tijdelijk niet bereikbaar/);
        } else if (what !== 'health') {
          assert.match(answer.contentType, /^application\/problem\+json/);
          assert.equal(JSON.parse(answer.body).code, 'server.database-unavailable');
        }
      }
      const slowest = Math.max(...answers.map((a) => a.answer.ms));
      t.diagnostic(
        `${answers.length} requests while the database was away, the slowest answered in ${slowest.toFixed(0)} ms`,
      );

      await postgres.start();
      const backAt = performance.now();
      const sentAtBack = sentTo().length;
      await simulator.waitFor(() => sentTo().length > sentAtBack, 30_000);
      const resumedAfterMs = performance.now() - backAt;
      await simulator.waitFor(() => new Set(sentTo()).size === recipients, 60_000);
      const duplicates = sentTo().length - recipients;
      t.diagnostic(
        `${recipients} recipients, ${sentAtStop} SMS before the database went away, sending resumed ` +
          `${resumedAfterMs.toFixed(0)} ms after it was back, ${duplicates} sent twice`,
      );
      assert.ok(duplicates <= MAX_IN_FLIGHT, `${duplicates} SMS sent twice; at most ${MAX_IN_FLIGHT} were in flight`);
      assert.equal(simulator.incompleteMessages, 0, 'every SMS arrived complete');

      await allDelivered(centralist, alert);
      assert.equal((await ask(`${system.url}/health`)).status, 200);
      await system.stop();
    },
  );
});
