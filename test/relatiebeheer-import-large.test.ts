import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

const ROWS = 50_000;

/** A gemeente's whole file at once: 50,000 rows streamed in, checked and stored in batches, with progress. */
describe('a 50,000-row CSV import, over HTTP', () => {
  let t: TestSystem;
  let token: string;

  before(async () => {
    t = await startTestSystem();
    token = await t.staffToken('gemeente', 'GM0363');
  });
  after(() => t.stop());

  test('stores every row, reports progress on the way (polling and server-sent events), in reasonable time', async () => {
    const pc4s = t.system.geodata.pc4Centroids.filter((c) => c.gemeenteCode === 'GM0363').map((c) => c.pc4);
    assert.ok(pc4s.length > 50);
    const lines = ['naam;postcode;huisnummer;toevoeging;telefoon;kanaal;e-mail;tijden'];
    for (let i = 0; i < ROWS; i++) {
      const pc4 = pc4s[i % pc4s.length]!;
      lines.push(
        `Deelnemer ${i};${pc4}AB;${1 + (i % 400)};;06${String(50_000_000 + i)};sms;;${i % 3 === 0 ? 'ma-vr 08:30-17:30' : ''}`,
      );
    }
    const body = lines.join('\n');
    const started = performance.now();
    const response = await fetch(`${t.url}/api/v1/relatiebeheer/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    });
    assert.equal(response.status, 202, await response.clone().text());
    const job = (await response.json()) as { id: string; rowsRead: number };
    assert.equal(job.rowsRead, ROWS);
    const uploaded = performance.now();

    // Server-sent events: one event per change, the last one with the report.
    const events = await fetch(`${t.url}/api/v1/relatiebeheer/imports/${job.id}/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.match(events.headers.get('content-type') ?? '', /text\/event-stream/);
    const phases = new Set<string>();
    let checkedSeen = 0;
    let last: { report: { rowsStored: number; badRows: number } | null } | null = null;
    for (const block of (await events.text()).split('\n\n')) {
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data === undefined) continue;
      last = JSON.parse(data);
      const p = last as unknown as { phase: string; rowsChecked: number };
      phases.add(p.phase);
      assert.ok(p.rowsChecked >= checkedSeen, 'progress only moves forward');
      checkedSeen = p.rowsChecked;
    }
    const finished = performance.now();
    assert.ok(phases.has('done'), [...phases].join());
    assert.equal(last?.report?.badRows, 0);
    assert.equal(last?.report?.rowsStored, ROWS);
    const polled = await eventually(async () => {
      const r = await fetch(`${t.url}/api/v1/relatiebeheer/imports/${job.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await r.json()) as { phase: string; rowsStored: number };
    });
    assert.equal(polled.phase, 'done');
    const [stored] = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from registrations where gemeente_code = 'GM0363'`,
    );
    assert.equal(stored!.n, ROWS);
    console.log(
      `50,000-row import on ${t.system.database.kind}: upload and read ${Math.round(uploaded - started)} ms, checked and stored ${Math.round(finished - uploaded)} ms`,
    );
  });
});
