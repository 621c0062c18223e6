import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { revokeAccount } from '../src/app/staff-auth/manage-accounts.js';
import { nl } from '../src/domain/messages/nl.js';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import { createStaffLogin, PortalClient, type StaffLogin } from './support/plein.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/** An event stream as the console's EventSource reads it: everything it received, and whether it has ended. */
interface OpenStream {
  readonly status: number;
  readonly body: string;
  /** Resolves with everything received once the server ends the stream. */
  readonly ended: Promise<string>;
  close(): Promise<void>;
}

async function openStream(baseUrl: string, path: string, headers: Record<string, string>): Promise<OpenStream> {
  const response = await fetch(baseUrl + path, { headers: { accept: 'text/event-stream', ...headers } });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return { status: response.status, body: await response.text(), ended: Promise.resolve(''), close: async () => {} };
  }
  const reader = response.body!.getReader();
  const ended = (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return text;
      text += new TextDecoder().decode(value);
    }
  })();
  return { status: response.status, body: '', ended, close: () => reader.cancel().catch(() => undefined) };
}

const cookieOf = (c: PortalClient) => ({ cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });

/** The three streams a console tab opens for a live action. */
const consoleStreams = (id: string) => [
  `/api/v1/actions/${id}/progress/stream`,
  `/api/v1/actions/${id}/tips/stream`,
  `/plein/console/acties/${id}/oproepen`,
];

// A stream that never ends (as before streams checked their session) fails the suite instead of hanging it.
describe(
  'staff event streams end with their session, and each staff member may have only so many open',
  { timeout: 120_000 },
  () => {
    let t: TestSystem;
    let dataDir: string;
    let actionId: string;
    let beheer: ApiClient;

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'burgernet-streams-'));
      t = await startTestSystem({
        DATA_DIR: dataDir,
        SESSION_COOKIE_SECURE: 'false',
        SESSION_IDLE_MINUTES: '30',
        STAFF_STREAM_CHECK_SECONDS: '1',
        STAFF_STREAMS_PER_STAFF: '6',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
      });
      actionId = await startAction(t.api(await t.staffToken('centralist', 'RE05')), {
        type: 'vermissing',
        message: 'Vermist: Daan (79), blauwe pet.',
        area: VONDELPARK_AREA,
      });
      beheer = t.api(await t.staffToken('meldkamer-beheer', 'RE05'));
    });
    after(async () => {
      await t?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    async function loggedIn(): Promise<{ login: StaffLogin; client: PortalClient }> {
      const login = await createStaffLogin(t, 'centralist', 'RE05');
      const client = new PortalClient(t.url);
      assert.equal(await client.logIn(login, t.clock.now()), 303);
      return { login, client };
    }

    async function openConsoleStreams(client: PortalClient): Promise<OpenStream[]> {
      const streams = await Promise.all(consoleStreams(actionId).map((p) => openStream(t.url, p, cookieOf(client))));
      assert.deepEqual(
        streams.map((s) => s.status),
        [200, 200, 200],
        streams.map((s) => s.body).join(' '),
      );
      return streams;
    }

    test('logging out ends every open stream of that session, which tells the page its session ended', async () => {
      const { client } = await loggedIn();
      const streams = await openConsoleStreams(client);
      await client.get('/plein/account');
      assert.equal((await client.postForm('/plein/uitloggen', {})).status, 303);
      for (const text of await Promise.all(streams.map((s) => s.ended))) assert.match(text, /event: session-ended/);
      const again = await openStream(t.url, consoleStreams(actionId)[0]!, cookieOf(client));
      assert.equal(again.status, 401, 'a reconnecting EventSource is refused and stops');
    });

    test('revoking the account or sending a new activation link ends its streams at once', async () => {
      for (const end of [
        (id: string) => beheer.delete(`/api/v1/staff/${id}`),
        (id: string) => beheer.post(`/api/v1/staff/${id}/activation`),
      ]) {
        const { login, client } = await loggedIn();
        const streams = await openConsoleStreams(client);
        const answer = await end(login.id);
        assert.ok(answer.status < 300, JSON.stringify(answer.body));
        for (const text of await Promise.all(streams.map((s) => s.ended))) assert.match(text, /event: session-ended/);
        assert.equal((await openStream(t.url, consoleStreams(actionId)[1]!, cookieOf(client))).status, 401);
      }
    });

    test('a new role or scope ends the streams opened under the old one; the browser reconnects with the new rights', async () => {
      const { login, client } = await loggedIn();
      const streams = await openConsoleStreams(client);
      const changed = await beheer.put(`/api/v1/staff/${login.id}/role`, {
        role: 'meldkamer-beheer',
        meldkamerCode: 'RE05',
      });
      assert.equal(changed.status, 204, JSON.stringify(changed.body));
      for (const text of await Promise.all(streams.map((s) => s.ended)))
        assert.doesNotMatch(text, /session-ended/, 'the session itself goes on');
      const reconnected = await openStream(t.url, consoleStreams(actionId)[0]!, cookieOf(client));
      assert.equal(reconnected.status, 200);
      await reconnected.close();
    });

    test('without the portal seeing it (the idle timeout, a revocation on the command line) the periodic check ends the streams', async () => {
      const idle = await loggedIn();
      const idleStreams = await openConsoleStreams(idle.client);
      t.clock.set(new Date(Date.now() + 31 * 60_000));
      try {
        for (const text of await Promise.all(idleStreams.map((s) => s.ended)))
          assert.match(text, /event: session-ended/);
      } finally {
        t.clock.set(new Date());
      }
      const ends = await t.system.database.query<{ details: { reason: string } }>(
        `select details from audit_log where event = 'staff.session-ended' and subject_id = $1`,
        [idle.login.id],
      );
      assert.deepEqual(
        ends.map((e) => e.details.reason),
        ['idle'],
        'the check ended the session and audited why',
      );

      const revoked = await loggedIn();
      const revokedStreams = await openConsoleStreams(revoked.client);
      const outcome = await revokeAccount({ store: t.system.store, clock: t.clock }, null, revoked.login.id);
      assert.equal(outcome.ok, true);
      for (const text of await Promise.all(revokedStreams.map((s) => s.ended)))
        assert.match(text, /event: session-ended/);
    });

    test('a staff member may have six streams open; the seventh is refused with a Dutch 429, others are not held back', async () => {
      const { client } = await loggedIn();
      const first = await openConsoleStreams(client);
      const second = await openConsoleStreams(client);
      const seventh = await openStream(t.url, consoleStreams(actionId)[0]!, cookieOf(client));
      assert.equal(seventh.status, 429);
      const problem = JSON.parse(seventh.body) as { code: string; title: string; detail: string; limit: number };
      assert.equal(problem.code, 'request.too-many-streams');
      assert.equal(problem.title, nl.problems['request.too-many-streams']);
      assert.match(problem.detail, /al 6 live overzichten/);
      assert.equal(problem.limit, 6);

      const colleague = await loggedIn();
      const theirs = await openStream(t.url, consoleStreams(actionId)[0]!, cookieOf(colleague.client));
      assert.equal(theirs.status, 200, 'the cap counts per staff member');
      await theirs.close();

      // Closing one (a tab closed) makes room again.
      await first[0]!.close();
      const again = await eventually(async () => {
        const s = await openStream(t.url, consoleStreams(actionId)[0]!, cookieOf(client));
        assert.equal(s.status, 200);
        return s;
      });
      await Promise.all([again, ...first.slice(1), ...second].map((s) => s.close()));
    });
  },
);
